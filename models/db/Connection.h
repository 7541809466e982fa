#pragma once
#include "db/DatabaseOperations.h"
#include "db/DatabaseUrl.h"
#include "db/QueryLog.h"
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <memory>

namespace quango {

// One thread's connection to one database alias (QSqlDatabase may only be used
// by the thread that made it). Opened on first use, closed when the thread
// ends. Keeps prepared statements keyed by SQL text, the query log, and the
// atomic-block depth.
class Connection {
public:
    // This thread's connection for `alias` (configured with Connections).
    static Connection &get(const QString &alias = QStringLiteral("default"));

    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    const QString &alias() const { return m_alias; }
    const DatabaseUrl &settings() const { return m_url; }
    const DatabaseOperations &ops() const { return *m_ops; }
    DatabaseOperations::Vendor vendor() const { return m_ops->vendor(); }
    QSqlDatabase database();

    // Runs a statement with bound values through the prepared-statement cache.
    // The returned query stays valid until the same SQL is run again on this
    // connection; read it before running other statements of the same text.
    // Throws DatabaseError/IntegrityError with the driver's text and the SQL.
    QSqlQuery &execute(const QString &sql, const QVariantList &params = {});
    // A fresh query not in the cache (for streaming iterators): forward-only on
    // SQLite; on PostgreSQL libpq holds the raw result while rows are read.
    std::unique_ptr<QSqlQuery> executeUncached(const QString &sql, const QVariantList &params = {});
    // Several statements without parameters (DDL, PRAGMA).
    void executeScript(const QStringList &statements);
    QVariant lastInsertId(QSqlQuery &query);

    QueryLog &queryLog() { return m_log; }

    // Transaction state, driven by Atomic.
    int atomicDepth() const { return m_atomicDepth; }
    bool inAtomicBlock() const { return m_atomicDepth > 0; }
    void begin();
    void commit();
    void rollback();
    void savepoint(const QString &name);
    void releaseSavepoint(const QString &name);
    void rollbackToSavepoint(const QString &name);
    int nextSavepointId() { return ++m_savepointCounter; }
    void setAtomicDepth(int depth) { m_atomicDepth = depth; }

    void close();
    // Forget prepared statements (after DDL changed a table they read).
    void clearStatementCache();

private:
    friend class Connections;
    Connection(QString alias, DatabaseUrl url);
    void open();
    QString configureAndOpen(QSqlDatabase &db); // null string on success, else the driver's text
    void run(QSqlQuery &query, const QString &sql, const QVariantList &params);
    [[noreturn]] void raise(const QSqlQuery &query, const QString &sql, const QVariantList &params) const;

    QString m_alias;
    QString m_connectionName;
    DatabaseUrl m_url;
    std::unique_ptr<DatabaseOperations> m_ops;
    QHash<QString, QSqlQuery *> m_statements;
    QueryLog m_log;
    int m_atomicDepth = 0;
    int m_savepointCounter = 0;
    bool m_open = false;
};

} // namespace quango
