#include "db/Connection.h"
#include "db/Connections.h"
#include "db/Logging.h"
#include "db/PostgresOperations.h"
#include "db/SqliteOperations.h"
#include "orm/Exceptions.h"
#include <QAtomicInt>
#include <QElapsedTimer>
#include <QSqlError>
#include <QThread>

namespace quango {

Connection &Connection::get(const QString &alias) { return Connections::get(alias); }

static QAtomicInt connectionCounter;

Connection::Connection(QString alias, DatabaseUrl url)
    : m_alias(std::move(alias)), m_url(std::move(url))
{
    m_connectionName = QStringLiteral("quango_%1_%2").arg(m_alias).arg(connectionCounter.fetchAndAddRelaxed(1));
    if (m_url.vendor() == DatabaseUrl::Vendor::Postgres)
        m_ops = std::make_unique<PostgresOperations>();
    else
        m_ops = std::make_unique<SqliteOperations>();
}

Connection::~Connection() { close(); }

void Connection::open()
{
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::contains(m_connectionName) ? QSqlDatabase::database(m_connectionName, false)
                                                                   : QSqlDatabase::addDatabase(m_ops->driverName(), m_connectionName);
        failure = configureAndOpen(db);
    }
    if (!failure.isNull()) {
        // Only once no QSqlDatabase handle is left can the connection be removed.
        QSqlDatabase::removeDatabase(m_connectionName);
        throw OperationalError(QStringLiteral("Cannot open the database %1: %2. Check the database URL (--database, "
                                              "QUANGO_DATABASE_URL or the settings file) and that the server is running.")
                                   .arg(m_url.redacted(), failure),
                               failure);
    }
    m_open = true;
    qCDebug(lcDb) << "opened" << m_url.redacted() << "as" << m_connectionName << "in thread" << QThread::currentThread();
    executeScript(m_ops->connectionInitStatements());
}

QString Connection::configureAndOpen(QSqlDatabase &db)
{
    if (!db.isValid())
        throw ImproperlyConfigured(QStringLiteral("The Qt SQL driver %1 is not available: install libqt6sql6-%2.")
                                       .arg(m_ops->driverName(), m_url.vendor() == DatabaseUrl::Vendor::Postgres ? QStringLiteral("psql") : QStringLiteral("sqlite")));
    if (m_url.vendor() == DatabaseUrl::Vendor::Sqlite) {
        db.setDatabaseName(m_url.path());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000;QSQLITE_ENABLE_REGEXP"));
    } else {
        db.setHostName(m_url.host());
        db.setPort(m_url.port());
        db.setUserName(m_url.user());
        db.setPassword(m_url.password());
        db.setDatabaseName(m_url.databaseName());
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    }
    db.setNumericalPrecisionPolicy(QSql::HighPrecision);
    if (!db.open())
        return db.lastError().text().isEmpty() ? QStringLiteral("unknown error") : db.lastError().text();
    return QString();
}

QSqlDatabase Connection::database()
{
    if (!m_open)
        open();
    return QSqlDatabase::database(m_connectionName, false);
}

void Connection::close()
{
    clearStatementCache();
    if (m_open) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
        m_open = false;
    }
    m_atomicDepth = 0;
}

void Connection::clearStatementCache()
{
    qDeleteAll(m_statements);
    m_statements.clear();
}

[[noreturn]] void Connection::raise(const QSqlQuery &query, const QString &sql, const QVariantList &params) const
{
    const QSqlError error = query.lastError();
    const QString driverText = error.text();
    const QString code = error.nativeErrorCode();
    QStringList shownParams;
    for (const QVariant &param : params)
        shownParams << (param.isNull() ? QStringLiteral("NULL") : param.toString().left(80));
    const QString message = QStringLiteral("%1\nSQL: %2\nParameters: [%3]").arg(driverText, sql, shownParams.join(QStringLiteral(", ")));
    bool integrity = false;
    if (m_ops->vendor() == DatabaseOperations::Vendor::Sqlite) {
        bool ok = false;
        const int native = code.toInt(&ok);
        integrity = ok && (native & 0xff) == 19; // SQLITE_CONSTRAINT and its extended codes
    } else {
        integrity = code.startsWith(QLatin1String("23"));
    }
    if (integrity)
        throw IntegrityError(message, driverText, sql);
    throw DatabaseError(message, driverText, sql);
}

void Connection::run(QSqlQuery &query, const QString &sql, const QVariantList &params)
{
    const bool timed = m_log.isEnabled();
    QElapsedTimer timer;
    if (timed)
        timer.start();
    for (int i = 0; i < params.size(); ++i)
        query.bindValue(i, params.at(i));
    const bool ok = query.exec();
    m_log.record(sql, timed ? params : QVariantList(), timed ? timer.nsecsElapsed() / 1e6 : 0);
    if (!ok)
        raise(query, sql, params);
}

QSqlQuery &Connection::execute(const QString &sql, const QVariantList &params)
{
    QSqlQuery *query = m_statements.value(sql, nullptr);
    if (!query) {
        query = new QSqlQuery(database());
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            std::unique_ptr<QSqlQuery> failed(query);
            raise(*failed, sql, params);
        }
        m_statements.insert(sql, query);
    } else {
        query->finish();
    }
    run(*query, sql, params);
    return *query;
}

std::unique_ptr<QSqlQuery> Connection::executeUncached(const QString &sql, const QVariantList &params)
{
    auto query = std::make_unique<QSqlQuery>(database());
    // QPSQL streams forward-only results in libpq's single-row mode, which
    // breaks as soon as another statement runs before the end (a prefetch per
    // chunk, or the caller's own queries): there libpq buffers the result.
    query->setForwardOnly(m_ops->vendor() != DatabaseOperations::Vendor::Postgres);
    if (!query->prepare(sql))
        raise(*query, sql, params);
    run(*query, sql, params);
    return query;
}

void Connection::executeScript(const QStringList &statements)
{
    for (const QString &sql : statements) {
        QSqlQuery query(database());
        const bool timed = m_log.isEnabled();
        QElapsedTimer timer;
        if (timed)
            timer.start();
        const bool ok = query.exec(sql);
        m_log.record(sql, {}, timed ? timer.nsecsElapsed() / 1e6 : 0);
        if (!ok)
            raise(query, sql, {});
    }
}

QVariant Connection::lastInsertId(QSqlQuery &query) { return query.lastInsertId(); }

void Connection::begin()
{
    executeScript({QStringLiteral("BEGIN")});
}

void Connection::commit()
{
    executeScript({QStringLiteral("COMMIT")});
}

void Connection::rollback()
{
    // Statements still holding a read cursor would block ROLLBACK on SQLite.
    for (QSqlQuery *query : std::as_const(m_statements))
        query->finish();
    executeScript({QStringLiteral("ROLLBACK")});
}

void Connection::savepoint(const QString &name) { executeScript({QStringLiteral("SAVEPOINT ") + m_ops->quoteName(name)}); }

void Connection::releaseSavepoint(const QString &name)
{
    executeScript({QStringLiteral("RELEASE SAVEPOINT ") + m_ops->quoteName(name)});
}

void Connection::rollbackToSavepoint(const QString &name)
{
    for (QSqlQuery *query : std::as_const(m_statements))
        query->finish();
    executeScript({QStringLiteral("ROLLBACK TO SAVEPOINT ") + m_ops->quoteName(name)});
}

} // namespace quango
