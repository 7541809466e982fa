#include "migrations/MigrationExecutor.h"
#include "apps/Registry.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "db/SchemaEditor.h"
#include "migrations/Logging.h"
#include "migrations/MigrationError.h"
#include "migrations/MigrationProgress.h"
#include "migrations/MigrationRecorder.h"
#include "signals/ModelSignals.h"
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSqlQuery>
#include <optional>

namespace quango {

MigrationExecutor::MigrationExecutor(Connection &connection, const Registry &registry, MigrationProgress *progress)
    : m_connection(connection), m_registry(registry), m_progress(progress), m_loader(registry, &connection)
{
    m_loader.load();
}

QList<MigrationKey> MigrationExecutor::leafTargets() const
{
    QList<MigrationKey> targets;
    const MigrationGraph &graph = m_loader.graph();
    for (const QString &app : graph.appLabels())
        targets << graph.leafNodes(app);
    return targets;
}

QList<MigrationStep> MigrationExecutor::migrationPlan(const QList<MigrationKey> &targets) const
{
    m_loader.checkConflicts();
    const MigrationGraph &graph = m_loader.graph();
    QSet<MigrationKey> applied = m_loader.applied();
    QList<MigrationStep> plan;
    for (const MigrationKey &target : targets) {
        if (target.second.isEmpty()) { // zero: unapply the whole app
            if (!m_registry.app(target.first))
                throw MigrationError(QStringLiteral("App '%1' does not exist.").arg(target.first));
            for (const MigrationKey &root : graph.rootNodes(target.first))
                for (const MigrationKey &node : graph.backwardsPlan(root))
                    if (applied.remove(node))
                        plan.append({graph.migration(node), true});
            continue;
        }
        if (!graph.contains(target))
            throw MigrationError(QStringLiteral("Cannot find a migration matching '%1' from app '%2'.").arg(target.second, target.first));
        if (applied.contains(target)) {
            // Back to target: unapply its same-app children and their descendants.
            for (const MigrationKey &child : graph.children(target)) {
                if (child.first != target.first)
                    continue;
                for (const MigrationKey &node : graph.backwardsPlan(child))
                    if (applied.remove(node))
                        plan.append({graph.migration(node), true});
            }
        } else {
            for (const MigrationKey &node : graph.forwardsPlan(target))
                if (!applied.contains(node)) {
                    applied.insert(node);
                    plan.append({graph.migration(node), false});
                }
        }
    }
    return plan;
}

ProjectState MigrationExecutor::stateBefore(const Migration &migration) const
{
    const MigrationGraph &graph = m_loader.graph();
    QList<MigrationKey> nodes = graph.parents(migration.key());
    if (m_inMigrate) {
        // Like Django's executor: the state also holds every other applied
        // migration that does not come after this one, so that operations
        // see the models of apps outside its ancestry (RenameModel repoints
        // their many-to-many tables).
        const QList<MigrationKey> after = graph.backwardsPlan(migration.key());
        const QSet<MigrationKey> later(after.cbegin(), after.cend());
        QList<MigrationKey> others;
        for (const MigrationKey &key : m_running)
            if (graph.contains(key) && !later.contains(key))
                others << key;
        std::sort(others.begin(), others.end()); // a stable order for a stable replay
        nodes << others;
    }
    return graph.makeState(nodes);
}

void MigrationExecutor::sendPreMigrate(int verbosity)
{
    for (AppConfig *app : m_registry.apps())
        signals::preMigrate.send(app, MigrateInfo{app, m_connection.alias(), verbosity});
}

void MigrationExecutor::sendPostMigrate(int verbosity)
{
    for (AppConfig *app : m_registry.apps())
        signals::postMigrate.send(app, MigrateInfo{app, m_connection.alias(), verbosity});
}

void MigrationExecutor::migrate(const QList<MigrationStep> &plan, bool fake, int verbosity, bool sendSignals)
{
    // Irreversible steps are refused before anything runs (faking them is fine).
    for (const MigrationStep &step : plan)
        if (step.backwards && !fake)
            for (const OperationPtr &operation : step.migration->operations())
                if (!operation->isReversible())
                    throw IrreversibleError(QStringLiteral("Operation %1 in %2 is not reversible.").arg(operation->describe(), step.migration->label()));
    MigrationRecorder(m_connection).ensureSchema();
    if (sendSignals)
        sendPreMigrate(verbosity);
    if (m_progress)
        m_progress->planStart(int(plan.size()));
    m_running = m_loader.applied();
    m_inMigrate = true;
    const auto reset = qScopeGuard([this] { m_inMigrate = false; });
    // Forwards, one migration's final state is the next one's starting state
    // (as in Django): carried along, it is neither replayed nor rendered again.
    std::optional<ProjectState> carried;
    // Backwards, the state before the migration just unapplied is the state
    // after the next one when nothing applied remains after that one.
    std::optional<ProjectState> unappliedBefore;
    for (const MigrationStep &step : plan) {
        if (step.backwards) {
            carried.reset();
            const ProjectState *knownAfter = nullptr;
            if (unappliedBefore) {
                bool alone = true;
                for (const MigrationKey &key : m_loader.graph().backwardsPlan(step.migration->key()))
                    alone = alone && (key == step.migration->key() || !m_running.contains(key));
                if (alone)
                    knownAfter = &*unappliedBefore;
            }
            std::optional<ProjectState> before = unapplyOne(*step.migration, fake, knownAfter);
            unappliedBefore = std::move(before);
            m_running.remove(step.migration->key());
        } else {
            unappliedBefore.reset();
            if (!carried)
                carried = stateBefore(*step.migration);
            applyOne(*step.migration, fake, *carried);
            m_running.insert(step.migration->key());
        }
    }
    m_loader.load();
    if (sendSignals)
        sendPostMigrate(verbosity);
}

namespace {
// SQLite: foreign keys off for the remakes (PRAGMA foreign_keys cannot change
// inside a transaction), checked before commit, back on afterwards — Django's
// sqlite schema editor does the same.
class ForeignKeyGuard {
public:
    explicit ForeignKeyGuard(Connection &connection)
        : m_connection(connection), m_active(connection.vendor() == DatabaseOperations::Vendor::Sqlite && !connection.inAtomicBlock())
    {
        if (m_active)
            m_connection.executeScript({QStringLiteral("PRAGMA foreign_keys = OFF")});
    }
    ~ForeignKeyGuard()
    {
        if (m_active)
            m_connection.executeScript({QStringLiteral("PRAGMA foreign_keys = ON")});
    }
    void check()
    {
        if (m_connection.vendor() != DatabaseOperations::Vendor::Sqlite)
            return;
        std::unique_ptr<QSqlQuery> query = m_connection.executeUncached(QStringLiteral("PRAGMA foreign_key_check"));
        if (query->next())
            throw IntegrityError(QStringLiteral("The row in table '%1' with rowid %2 has an invalid foreign key (to '%3').")
                                     .arg(query->value(0).toString(), query->value(1).toString(), query->value(2).toString()));
    }

private:
    Connection &m_connection;
    bool m_active;
};
} // namespace

void MigrationExecutor::applyOne(const Migration &migration, bool fake, ProjectState &state)
{
    if (m_progress)
        m_progress->applyStart(migration, fake);
    QElapsedTimer timer;
    timer.start();
    try {
        ForeignKeyGuard guard(m_connection);
        Atomic transaction(m_connection.alias());
        if (fake) {
            migration.mutateState(state);
        } else {
            SchemaEditor editor(m_connection);
            migration.apply(state, editor);
            guard.check();
        }
        MigrationRecorder(m_connection).recordApplied(migration.appLabel(), migration.name());
        transaction.commit();
    } catch (const Error &e) {
        m_connection.clearStatementCache();
        qCWarning(lcMigrations) << "applying" << migration.label() << "failed:" << e.message();
        if (m_progress)
            m_progress->failure(migration, e.message());
        throw;
    }
    m_connection.clearStatementCache();
    if (m_progress)
        m_progress->applySuccess(migration, fake, timer.elapsed());
}

std::optional<ProjectState> MigrationExecutor::unapplyOne(const Migration &migration, bool fake, const ProjectState *knownAfter)
{
    std::optional<ProjectState> before;
    if (m_progress)
        m_progress->unapplyStart(migration, fake);
    QElapsedTimer timer;
    timer.start();
    try {
        ForeignKeyGuard guard(m_connection);
        Atomic transaction(m_connection.alias());
        if (!fake) {
            SchemaEditor editor(m_connection);
            before = stateBefore(migration);
            before->render(); // shared with the copies unapply() makes, and kept for the next step
            migration.unapply(*before, editor, knownAfter);
            guard.check();
        }
        MigrationRecorder(m_connection).recordUnapplied(migration.appLabel(), migration.name());
        transaction.commit();
    } catch (const Error &e) {
        m_connection.clearStatementCache();
        qCWarning(lcMigrations) << "unapplying" << migration.label() << "failed:" << e.message();
        if (m_progress)
            m_progress->failure(migration, e.message());
        throw;
    }
    m_connection.clearStatementCache();
    if (m_progress)
        m_progress->unapplySuccess(migration, fake, timer.elapsed());
    return before;
}

QStringList MigrationExecutor::collectSql(const MigrationStep &step)
{
    SchemaEditor editor(m_connection, true);
    if (step.backwards) {
        step.migration->unapply(stateBefore(*step.migration), editor);
    } else {
        ProjectState state = stateBefore(*step.migration);
        step.migration->apply(state, editor);
    }
    return editor.collectedSql();
}

QString MigrationExecutor::sqlScript(const MigrationStep &step)
{
    QString text = QStringLiteral("BEGIN;\n");
    for (const QString &statement : collectSql(step))
        text += statement + QLatin1Char('\n');
    return text + QStringLiteral("COMMIT;\n");
}

QStringList MigrationExecutor::describeStep(const MigrationStep &step)
{
    QStringList lines;
    for (const OperationPtr &operation : step.migration->operations())
        lines << (step.backwards ? QStringLiteral("Undo ") : QString()) + operation->describe()
                     + (step.backwards && !operation->isReversible() ? QStringLiteral(" -> IRREVERSIBLE") : QString());
    return lines;
}

} // namespace quango
