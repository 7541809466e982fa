#include "views/admin/MigrationRunner.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "migrations/MigrationAutodetector.h"
#include "migrations/MigrationError.h"
#include "migrations/MigrationExecutor.h"
#include "migrations/MigrationQuestioner.h"
#include "migrations/MigrationWriter.h"
#include "migrations/SchemaDrift.h"
#include "views/admin/Logging.h"
#include "views/admin/MigrationProgressRelay.h"
#include <QDir>
#include <QFileInfo>

namespace quango {

namespace {
MigrationRunner::PlannedStep planned(const MigrationStep &step)
{
    return {step.migration->key(), step.backwards, MigrationExecutor::describeStep(step)};
}
QString label(const MigrationKey &key) { return key.first + QLatin1Char('.') + key.second; }
} // namespace

MigrationRunner::MigrationRunner(const Registry &registry, const QString &alias, QObject *parent)
    : QObject(parent), m_registry(registry), m_alias(alias), m_relay(new MigrationProgressRelay(this))
{
    connect(m_relay, &MigrationProgressRelay::planStarted, this, &MigrationRunner::planStarted);
    connect(m_relay, &MigrationProgressRelay::stepStarted, this, &MigrationRunner::stepStarted);
    connect(m_relay, &MigrationProgressRelay::stepFinished, this, &MigrationRunner::stepFinished);
    connect(m_relay, &MigrationProgressRelay::stepFailed, this, &MigrationRunner::stepFailed);
}

MigrationRunner::~MigrationRunner() = default;

std::unique_ptr<MigrationExecutor> MigrationRunner::executor(bool withProgress) const
{
    auto executor = std::make_unique<MigrationExecutor>(Connection::get(m_alias), m_registry, withProgress ? m_relay : nullptr);
    if (!m_dirs.isEmpty()) {
        executor->loader().setMigrationsRoots(m_dirs);
        executor->loader().load();
    }
    return executor;
}

QList<MigrationRunner::AppMigrations> MigrationRunner::status() const
{
    const std::unique_ptr<MigrationExecutor> ex = executor(false);
    const MigrationLoader &loader = ex->loader();
    QList<AppMigrations> out;
    for (const AppConfig *app : m_registry.apps()) {
        AppMigrations entry{app->label(), app->verboseName(), {}};
        for (const MigrationKey &key : loader.graph().appNodes(app->label())) {
            const Migration *migration = loader.graph().migration(key);
            QStringList operations;
            for (const OperationPtr &operation : migration->operations())
                operations << operation->describe();
            entry.migrations.append({key, loader.applied().contains(key), operations, migration->displayPath()});
        }
        out.append(entry);
    }
    return out;
}

QList<MigrationRunner::PlannedStep> MigrationRunner::pendingPlan() const
{
    const std::unique_ptr<MigrationExecutor> ex = executor(false);
    QList<PlannedStep> out;
    for (const MigrationStep &step : ex->migrationPlan(ex->leafTargets()))
        out << planned(step);
    return out;
}

QList<MigrationRunner::PlannedStep> MigrationRunner::planTo(const MigrationKey &target) const
{
    const std::unique_ptr<MigrationExecutor> ex = executor(false);
    QList<PlannedStep> out;
    for (const MigrationStep &step : ex->migrationPlan({target}))
        out << planned(step);
    return out;
}

MigrationRunner::Result MigrationRunner::migrate() { return run({}); }

MigrationRunner::Result MigrationRunner::migrateTo(const MigrationKey &target) { return run({target}); }

MigrationRunner::Result MigrationRunner::run(const QList<MigrationKey> &targets)
{
    const std::unique_ptr<MigrationExecutor> ex = executor(true);
    ex->loader().checkConsistentHistory();
    const QList<MigrationStep> plan = ex->migrationPlan(targets.isEmpty() ? ex->leafTargets() : targets);
    Result result;
    for (const MigrationStep &step : plan)
        result.plan << planned(step);
    const QMetaObject::Connection finished = connect(this, &MigrationRunner::stepFinished, this,
                                                     [&result](const QString &label, bool, qint64) { result.done << label; });
    const QMetaObject::Connection failed = connect(this, &MigrationRunner::stepFailed, this,
                                                   [&result](const QString &label, const QString &) { result.failedMigration = label; });
    try {
        ex->migrate(plan, false, 0, true);
    } catch (const Error &e) {
        result.error = e.message();
        qCWarning(lcAdmin) << "migrate from the admin failed:" << result.failedMigration << e.message();
    }
    disconnect(finished);
    disconnect(failed);
    return result;
}

QString MigrationRunner::Result::text() const
{
    QStringList lines;
    if (plan.isEmpty())
        lines << tr("No migrations to apply.");
    for (const PlannedStep &step : plan) {
        const QString verb = step.backwards ? tr("Unapplying") : tr("Applying");
        const QString state = done.contains(step.label()) ? tr("OK") : step.label() == failedMigration ? tr("FAILED") : tr("not run");
        lines << QStringLiteral("%1 %2... %3").arg(verb, step.label(), state);
    }
    if (!ok()) {
        lines << QString();
        lines << (failedMigration.isEmpty() ? tr("Failed: %1").arg(error)
                                            : tr("%1 failed and was rolled back: %2").arg(failedMigration, error));
        lines << tr("The database is as it was before %1; the steps marked OK stay applied.")
                     .arg(failedMigration.isEmpty() ? tr("the failure") : failedMigration);
    }
    return lines.join(QLatin1Char('\n'));
}

QString MigrationRunner::sql(const MigrationKey &key, bool backwards) const
{
    const std::unique_ptr<MigrationExecutor> ex = executor(false);
    const Migration *migration = ex->loader().graph().migration(key);
    if (!migration)
        throw MigrationError(tr("Cannot find migration %1.").arg(label(key)));
    return ex->sqlScript({migration, backwards});
}

MigrationDryRun::Result MigrationRunner::dryRun()
{
    MigrationDryRun dry(Connection::get(m_alias), m_registry);
    dry.setMigrationsRoots(m_dirs);
    return dry.run(m_relay);
}

QString MigrationRunner::describe(const MigrationDryRun::Result &result)
{
    QStringList lines;
    lines << tr("Dry run on %1; the database itself was not changed.").arg(result.where);
    if (result.plan.isEmpty())
        lines << tr("No migrations to apply.");
    for (const MigrationKey &key : result.plan) {
        const QString state = result.applied.contains(key) ? tr("OK") : label(key) == result.failedMigration ? tr("FAILED") : tr("not reached");
        lines << tr("Applying %1... %2").arg(label(key), state);
    }
    if (!result.ok())
        lines << QString() << tr("Migrating would fail at %1: %2").arg(result.failedMigration.isEmpty() ? tr("the start") : result.failedMigration, result.error);
    else if (!result.plan.isEmpty())
        lines << QString() << (result.plan.size() == 1 ? tr("The migration would apply cleanly.") : tr("All %1 migrations would apply cleanly.").arg(result.plan.size()));
    return lines.join(QLatin1Char('\n'));
}

MigrationRunner::DriftReport MigrationRunner::checkDrift() const
{
    const std::unique_ptr<MigrationExecutor> ex = executor(false);
    const MigrationLoader &loader = ex->loader();
    const MigrationGraph &graph = loader.graph();
    DriftReport report;
    // What the database should hold: the applied migrations' state, plus
    // the models of apps without migrations (migrate --run-syncdb makes those).
    QList<MigrationKey> applied;
    for (const MigrationKey &key : loader.applied())
        if (graph.contains(key))
            applied << key;
    std::sort(applied.begin(), applied.end());
    ProjectState expected = graph.makeState(applied);
    const QStringList unmigrated = loader.unmigratedApps();
    if (!unmigrated.isEmpty())
        for (const ModelState &model : ProjectState::fromRegistry(m_registry, unmigrated).models())
            expected.addModel(model);
    report.differences = SchemaDrift::compare(Connection::get(m_alias), expected);
    for (const MigrationStep &step : ex->migrationPlan(ex->leafTargets()))
        report.pending << step.migration->label();
    try {
        MigrationQuestioner questioner;
        MigrationAutodetector detector(loader.projectState(), ProjectState::fromRegistry(m_registry), questioner);
        const QMap<QString, QList<OperationPtr>> changes = detector.operations();
        for (auto it = changes.cbegin(); it != changes.cend(); ++it)
            for (const OperationPtr &operation : it.value())
                report.modelChanges[it.key()] << operation->describe();
    } catch (const Error &e) {
        report.modelChangesError = e.message();
    }
    return report;
}

QString MigrationRunner::DriftReport::text() const
{
    QStringList lines;
    if (differences.isEmpty()) {
        lines << tr("The live schema matches the applied migrations.");
    } else {
        lines << tr("The live schema differs from the applied migrations (%1):").arg(differences.size() == 1 ? tr("1 difference") : tr("%1 differences").arg(differences.size()));
        for (const SchemaDifference &difference : differences)
            lines << QStringLiteral("  - ") + difference.describe();
    }
    if (!pending.isEmpty())
        lines << tr("Not applied yet: %1").arg(pending.join(QStringLiteral(", ")));
    if (!modelChanges.isEmpty()) {
        lines << tr("The models have changes that no migration has (run Make migrations):");
        for (auto it = modelChanges.cbegin(); it != modelChanges.cend(); ++it)
            for (const QString &operation : it.value())
                lines << QStringLiteral("  - %1: %2").arg(it.key(), operation);
    } else if (modelChangesError.isEmpty()) {
        lines << tr("The models match their migrations.");
    }
    if (!modelChangesError.isEmpty())
        lines << tr("The models' changes need makemigrations' questions answered: %1").arg(modelChangesError);
    return lines.join(QLatin1Char('\n'));
}

bool MigrationRunner::canMakeMigrations() const { return makeMigrationsUnavailableReason().isEmpty(); }

QString MigrationRunner::makeMigrationsUnavailableReason() const
{
    if (m_dirs.isEmpty())
        return tr("No migrations folder of a development tree was given (like makemigrations --migrations-dir), so new migrations "
                  "have nowhere to go: the running program's own are compiled in.");
    for (const QString &dir : m_dirs) {
        const QFileInfo info(dir);
        if (!info.isDir() || !info.isWritable())
            return tr("The migrations folder %1 is not a writable folder.").arg(dir);
    }
    return {};
}

MigrationRunner::MakeMigrationsResult MigrationRunner::makeMigrations()
{
    const QString unavailable = makeMigrationsUnavailableReason();
    if (!unavailable.isEmpty())
        throw MigrationError(unavailable);
    MigrationLoader loader(m_registry);
    loader.setMigrationsRoots(m_dirs);
    loader.load();
    loader.checkConflicts();
    // No questions in the window: a change that needs one (a one-off default,
    // a rename) stops here with the autodetector's message naming the field.
    MigrationQuestioner questioner;
    MigrationAutodetector detector(loader.projectState(), ProjectState::fromRegistry(m_registry), questioner);
    const QMap<QString, QList<MigrationPtr>> changes = detector.changes(loader.graph());
    MakeMigrationsResult result;
    if (changes.isEmpty()) {
        result.text = tr("No changes detected.");
        return result;
    }
    MigrationWriter::checkDestinations(changes, loader);
    QStringList lines;
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        lines << tr("Migrations for '%1':").arg(it.key());
        for (const MigrationPtr &migration : it.value()) {
            const QString path = MigrationWriter(*migration).write(loader.migrationsPath(it.key()));
            result.written[it.key()] << path;
            lines << QStringLiteral("  ") + path;
            for (const OperationPtr &operation : migration->operations())
                lines << QStringLiteral("    - ") + operation->describe();
        }
    }
    result.text = lines.join(QLatin1Char('\n'));
    return result;
}

} // namespace quango
