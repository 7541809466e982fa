#include "migrations/MigrationDryRun.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "migrations/Logging.h"
#include "migrations/MigrationError.h"
#include "migrations/MigrationExecutor.h"
#include "migrations/MigrationProgress.h"
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>

namespace quango {

namespace {
// The copies go to one file per process so that the copy's alias is
// configured once (configuring it again would make every connection reopen).
QString copyPath()
{
    static QTemporaryDir dir;
    if (!dir.isValid())
        throw MigrationError(QStringLiteral("Cannot create a temporary folder for the dry run's copy of the database: %1").arg(dir.errorString()));
    return dir.filePath(QStringLiteral("dry-run.sqlite3"));
}

// Notes what applied cleanly, passing everything on.
class Recording : public MigrationProgress {
public:
    Recording(MigrationProgress *next, QList<MigrationKey> &applied) : m_next(next), m_applied(applied) {}
    void planStart(int steps) override { if (m_next) m_next->planStart(steps); }
    void applyStart(const Migration &m, bool fake) override { if (m_next) m_next->applyStart(m, fake); }
    void applySuccess(const Migration &m, bool fake, qint64 ms) override
    {
        m_applied << m.key();
        if (m_next)
            m_next->applySuccess(m, fake, ms);
    }
    void unapplyStart(const Migration &m, bool fake) override { if (m_next) m_next->unapplyStart(m, fake); }
    void unapplySuccess(const Migration &m, bool fake, qint64 ms) override { if (m_next) m_next->unapplySuccess(m, fake, ms); }
    void failure(const Migration &m, const QString &error) override
    {
        m_failed = m.label();
        if (m_next)
            m_next->failure(m, error);
    }
    QString failed() const { return m_failed; }

private:
    MigrationProgress *m_next;
    QList<MigrationKey> &m_applied;
    QString m_failed;
};
} // namespace

MigrationDryRun::MigrationDryRun(Connection &connection, const Registry &registry) : m_connection(connection), m_registry(registry) {}

MigrationDryRun::Result MigrationDryRun::run(MigrationProgress *progress)
{
    if (m_connection.vendor() == DatabaseOperations::Vendor::Postgres) {
        Result result;
        {
            Atomic transaction(m_connection.alias());
            result = runOn(m_connection, progress);
            transaction.setRollback(true);
        }
        m_connection.clearStatementCache(); // statements may name tables the rollback removed
        result.where = QStringLiteral("a transaction that was rolled back");
        return result;
    }
    const QString source = m_connection.settings().path();
    if (source.isEmpty() || source == QLatin1String(":memory:"))
        throw MigrationError(QStringLiteral("A dry run copies the SQLite database file, and this database (%1) has no file.").arg(m_connection.settings().redacted()));
    const QString copy = copyPath();
    if (!Connections::isConfigured(copyAlias()))
        Connections::configure(copyAlias(), DatabaseUrl::parse(QStringLiteral("sqlite://") + copy));
    Connection &target = Connections::get(copyAlias());
    target.close();
    QFile::remove(copy);
    // VACUUM INTO takes the file name as an expression, so it is bound like any value.
    m_connection.executeUncached(QStringLiteral("VACUUM INTO ?"), {copy});
    const auto cleanup = qScopeGuard([&target, copy] {
        target.close();
        QFile::remove(copy);
    });
    Result result = runOn(target, progress);
    result.where = QStringLiteral("a copy of %1").arg(source);
    return result;
}

MigrationDryRun::Result MigrationDryRun::runOn(Connection &connection, MigrationProgress *progress)
{
    Result result;
    Recording recording(progress, result.applied);
    MigrationExecutor executor(connection, m_registry, &recording);
    if (!m_roots.isEmpty()) {
        executor.loader().setMigrationsRoots(m_roots);
        executor.loader().load();
    }
    executor.loader().checkConsistentHistory();
    const QList<MigrationStep> plan = executor.migrationPlan(executor.leafTargets());
    for (const MigrationStep &step : plan)
        result.plan << step.migration->key();
    try {
        executor.migrate(plan, false, 0, false);
    } catch (const Error &e) {
        // The executor reported the failing migration to `recording` before rethrowing;
        // an error outside any migration (django_migrations itself) has none.
        result.failedMigration = recording.failed();
        result.error = e.message();
        qCInfo(lcMigrations) << "dry run failed:" << result.failedMigration << e.message();
    }
    return result;
}

} // namespace quango
