#include "TestDatabase.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "db/SchemaEditor.h"
#include "orm/Exceptions.h"
#include <QCoreApplication>
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
    const QString name = qEnvironmentVariable("QUANGO_TEST_BACKEND", QStringLiteral("sqlite")).toLower();
    if (name != QLatin1String("sqlite") && name != QLatin1String("postgres"))
        qFatal("QUANGO_TEST_BACKEND must be 'sqlite' or 'postgres', got '%s'", qPrintable(name));
    return name;
}

bool TestDatabase::isPostgres() const { return backend() == QLatin1String("postgres"); }

// Runs one statement on a throw-away connection to the server's own database
// (CREATE/DROP DATABASE cannot run inside the test database itself).
static void maintenance(const DatabaseUrl &url, const QString &sql)
{
    const QString name = QStringLiteral("quango_test_maintenance_") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port());
        db.setUserName(url.user());
        db.setPassword(url.password());
        db.setDatabaseName(url.databaseName());
        if (!db.open())
            qFatal("QUANGO_TEST_BACKEND=postgres but the server at %s cannot be reached: %s. Run the tests through scripts/test, "
                   "which starts a PostgreSQL server.",
                   qPrintable(url.redacted()), qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        if (!query.exec(sql))
            qFatal("%s failed: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    }
    QSqlDatabase::removeDatabase(name);
}

void TestDatabase::setUp()
{
    if (isPostgres()) {
        m_maintenanceUrl = qEnvironmentVariable("QUANGO_TEST_POSTGRES_URL");
        if (m_maintenanceUrl.isEmpty())
            qFatal("QUANGO_TEST_BACKEND=postgres but QUANGO_TEST_POSTGRES_URL is not set: run scripts/test, which starts a server.");
        const DatabaseUrl server = DatabaseUrl::parse(m_maintenanceUrl);
        QString binary = QCoreApplication::applicationName().toLower();
        binary.replace(QRegularExpression(QStringLiteral("[^a-z0-9]")), QStringLiteral("_"));
        m_databaseName = QStringLiteral("quango_test_") + binary;
        maintenance(server, QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_databaseName));
        maintenance(server, QStringLiteral("CREATE DATABASE \"%1\"").arg(m_databaseName));
        m_url = server.withDatabaseName(m_databaseName).url();
    } else {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            qFatal("cannot create a temporary directory for the SQLite test database");
        m_url = QStringLiteral("sqlite://") + m_dir->filePath(QStringLiteral("test.sqlite3"));
    }
    Connections::configure(DatabaseUrl::parse(m_url));
    Connection::get().database(); // open now: a bad set-up fails here, loudly
}

void TestDatabase::createTables()
{
    Registry::instance().populate();
    SchemaEditor(Connection::get()).createModels(Registry::instance().models());
}

void TestDatabase::resetTables()
{
    Connection &conn = Connection::get();
    SchemaEditor editor(conn);
    const QStringList tables = editor.tableNames();
    const DatabaseOperations &ops = conn.ops();
    if (isPostgres()) {
        QStringList quoted;
        for (const QString &table : tables)
            quoted << ops.quoteName(table);
        if (!quoted.isEmpty())
            conn.executeScript({QStringLiteral("TRUNCATE %1 RESTART IDENTITY CASCADE").arg(quoted.join(QStringLiteral(", ")))});
    } else {
        QStringList statements{QStringLiteral("PRAGMA foreign_keys = OFF")};
        for (const QString &table : tables)
            statements << QStringLiteral("DELETE FROM %1").arg(ops.quoteName(table));
        statements << QStringLiteral("DELETE FROM sqlite_sequence"); // restart AUTOINCREMENT ids
        statements << QStringLiteral("PRAGMA foreign_keys = ON");
        conn.clearStatementCache();
        conn.executeScript(statements);
    }
}

void TestDatabase::tearDown()
{
    Connections::closeAll();
    if (isPostgres() && !m_databaseName.isEmpty())
        maintenance(DatabaseUrl::parse(m_maintenanceUrl), QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_databaseName));
    m_dir.reset();
}

} // namespace quango
