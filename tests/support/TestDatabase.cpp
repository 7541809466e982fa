#include "TestDatabase.h"
#include "apps/Registry.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "db/SchemaEditor.h"
#include "orm/Exceptions.h"
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace quango {

TestDatabase::TestDatabase() = default;
TestDatabase::~TestDatabase() = default;

QString TestDatabase::backend()
{
    const QString name = qEnvironmentVariable("QUANGO_TEST_BACKEND", QStringLiteral("sqlite")).trimmed().toLower();
    if (name.isEmpty() || name == QLatin1String("sqlite"))
        return QStringLiteral("sqlite");
    if (name == QLatin1String("postgres") || name == QLatin1String("postgresql"))
        return QStringLiteral("postgres");
    qFatal("QUANGO_TEST_BACKEND must be 'sqlite' or 'postgres', not '%s'", qPrintable(name));
}

bool TestDatabase::isPostgres() const { return backend() == QLatin1String("postgres"); }

namespace {

// "tst_Queryset-2" -> "quango_test_tst_queryset_2", within PostgreSQL's 63 characters.
QString databaseNameForBinary()
{
    QString binary = QFileInfo(QCoreApplication::applicationFilePath()).completeBaseName();
    if (binary.isEmpty())
        binary = QCoreApplication::applicationName();
    binary = binary.toLower();
    binary.replace(QRegularExpression(QStringLiteral("[^a-z0-9]")), QStringLiteral("_"));
    return (QStringLiteral("quango_test_") + binary).left(63);
}

// Runs statements on a throw-away connection to the server's own database:
// CREATE/DROP DATABASE cannot run inside the test database.
void maintenance(const DatabaseUrl &server, const QStringList &statements)
{
    const QString name = QStringLiteral("quango_test_maintenance_") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        if (!db.isValid())
            qFatal("QUANGO_TEST_BACKEND=postgres but the Qt PostgreSQL driver (QPSQL) is missing: install libqt6sql6-psql.");
        db.setHostName(server.host());
        db.setPort(server.port());
        db.setUserName(server.user());
        db.setPassword(server.password());
        db.setDatabaseName(server.databaseName());
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        if (!db.open())
            qFatal("QUANGO_TEST_BACKEND=postgres but the server at QUANGO_TEST_POSTGRES_URL=%s cannot be reached: %s\n"
                   "Run the tests through scripts/test, which starts a PostgreSQL server.",
                   qPrintable(server.redacted()), qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        for (const QString &sql : statements)
            if (!query.exec(sql))
                qFatal("%s failed on %s: %s", qPrintable(sql), qPrintable(server.redacted()), qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace

void TestDatabase::setUp(const QList<const AppConfig *> &apps)
{
    m_apps = apps;
    if (isPostgres()) {
        m_serverUrl = qEnvironmentVariable("QUANGO_TEST_POSTGRES_URL");
        if (m_serverUrl.isEmpty())
            qFatal("QUANGO_TEST_BACKEND=postgres but QUANGO_TEST_POSTGRES_URL is not set: run scripts/test, which starts a "
                   "PostgreSQL server and sets it.");
        DatabaseUrl server;
        try {
            server = DatabaseUrl::parse(m_serverUrl);
        } catch (const Error &error) {
            qFatal("QUANGO_TEST_POSTGRES_URL is not a database URL: %s", error.what());
        }
        if (server.vendor() != DatabaseUrl::Vendor::Postgres)
            qFatal("QUANGO_TEST_POSTGRES_URL must be a postgres:// URL, not %s", qPrintable(server.redacted()));
        m_databaseName = databaseNameForBinary();
        maintenance(server, {QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_databaseName),
                             QStringLiteral("CREATE DATABASE \"%1\"").arg(m_databaseName)});
        m_url = server.withDatabaseName(m_databaseName).url();
    } else {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            qFatal("Cannot create a temporary directory for the SQLite test database: %s", qPrintable(m_dir->errorString()));
        m_url = QStringLiteral("sqlite://") + m_dir->filePath(QStringLiteral("test.sqlite3"));
    }
    Connections::configure(DatabaseUrl::parse(m_url));
    try {
        Connection::get().database(); // open now: a bad set-up fails here, loudly
    } catch (const Error &error) {
        qFatal("Cannot open the test database %s: %s", qPrintable(m_url), error.what());
    }
}

void TestDatabase::createTables()
{
    Registry &registry = Registry::instance();
    if (!registry.isReady())
        registry.populate();
    QList<const ModelMeta *> models;
    if (m_apps.isEmpty()) {
        models = registry.models();
    } else {
        for (const AppConfig *app : std::as_const(m_apps))
            for (const ModelMeta *model : app->models())
                models << model;
    }
    QList<const ModelMeta *> managed;
    for (const ModelMeta *model : std::as_const(models))
        if (model->options().managed)
            managed << model;
    SchemaEditor(Connection::get()).createModels(managed);
}

void TestDatabase::resetTables()
{
    Connection &conn = Connection::get();
    const DatabaseOperations &ops = conn.ops();
    QStringList quoted;
    for (const QString &table : SchemaEditor(conn).tableNames())
        if (table != QLatin1String("django_migrations")) // applied migrations are schema state, not data
            quoted << ops.quoteName(table);
    conn.clearStatementCache(); // no read cursor may hold a table
    if (quoted.isEmpty())
        return;
    if (isPostgres()) {
        conn.executeScript({QStringLiteral("TRUNCATE %1 RESTART IDENTITY CASCADE").arg(quoted.join(QStringLiteral(", ")))});
        return;
    }
    // One transaction: the (deferred) foreign keys are checked once, at COMMIT,
    // when every table is empty.
    QSqlQuery &hasSequence = conn.execute(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'"));
    const bool sequences = hasSequence.next();
    hasSequence.finish();
    QStringList statements{QStringLiteral("PRAGMA defer_foreign_keys = ON")};
    for (const QString &table : std::as_const(quoted))
        statements << QStringLiteral("DELETE FROM %1").arg(table);
    if (sequences)
        statements << QStringLiteral("DELETE FROM sqlite_sequence"); // AUTOINCREMENT restarts at 1
    atomic([&] { conn.executeScript(statements); }, conn.alias());
}

void TestDatabase::tearDown()
{
    Connections::closeAll();
    if (isPostgres() && !m_databaseName.isEmpty())
        maintenance(DatabaseUrl::parse(m_serverUrl), {QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_databaseName)});
    m_databaseName.clear();
    m_dir.reset();
}

} // namespace quango
