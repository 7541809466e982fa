#include "app/commands/MigrateCommand.h"
#include "apps/Registry.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "db/SchemaEditor.h"
#include "migrations/Migration.h"
#include "migrations/MigrationError.h"
#include "migrations/MigrationExecutor.h"
#include "migrations/MigrationProgress.h"
#include "orm/Exceptions.h"

namespace quango {

namespace {
// "  Applying blog.0001_initial... OK"
class PrintProgress : public MigrationProgress {
public:
    explicit PrintProgress(QTextStream &out) : m_out(out) {}
    void applyStart(const Migration &m, bool) override { start(QStringLiteral("Applying"), m); }
    void applySuccess(const Migration &, bool fake, qint64) override { done(fake); }
    void unapplyStart(const Migration &m, bool) override { start(QStringLiteral("Unapplying"), m); }
    void unapplySuccess(const Migration &, bool fake, qint64) override { done(fake); }
    void failure(const Migration &, const QString &) override
    {
        m_out << " FAILED\n";
        m_out.flush();
    }

private:
    void start(const QString &verb, const Migration &m)
    {
        m_out << "  " << verb << " " << m.label() << "...";
        m_out.flush();
    }
    void done(bool fake)
    {
        m_out << (fake ? " FAKED\n" : " OK\n");
        m_out.flush();
    }
    QTextStream &m_out;
};
} // namespace

void MigrateCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("app_label"), QStringLiteral("App label of an application to synchronize the state."), QStringLiteral("[app_label]"));
    parser.addPositionalArgument(QStringLiteral("migration_name"), QStringLiteral("Database state will be brought to the state after that migration. "
                                                                                  "Use the name \"zero\" to unapply all migrations."),
                                 QStringLiteral("[migration_name]"));
    parser.addOption({QStringLiteral("run-syncdb"), QStringLiteral("Creates tables for apps without migrations.")});
    parser.addOption({QStringLiteral("plan"), QStringLiteral("Shows a list of the migration actions that will be performed.")});
    parser.addOption({QStringLiteral("fake"), QStringLiteral("Mark migrations as run without actually running them.")});
}

int MigrateCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    Registry &registry = Registry::instance();
    const QStringList args = parser.positionalArguments();
    if (args.size() > 2)
        throw ImproperlyConfigured(QStringLiteral("migrate takes at most an app label and a migration name, got: %1").arg(args.join(QLatin1Char(' '))));
    Connection &connection = Connection::get();
    PrintProgress progress(context.out);
    MigrationExecutor executor(connection, registry, context.verbosity >= 1 ? &progress : nullptr);
    MigrationLoader &loader = executor.loader();
    loader.checkConsistentHistory();

    QList<MigrationKey> targets;
    QList<AppConfig *> syncApps;
    if (!args.isEmpty()) {
        AppConfig &app = registry.appOrThrow(args.first());
        if (!loader.migratedApps().contains(app.label())) {
            if (args.size() > 1)
                throw MigrationError(QStringLiteral("App '%1' does not have migrations.").arg(app.label()));
            syncApps << &app;
        } else if (args.size() > 1) {
            targets << (args.at(1) == QLatin1String("zero") ? MigrationKey{app.label(), QString()} : loader.resolve(app.label(), args.at(1)));
        } else {
            targets << loader.graph().leafNodes(app.label());
        }
    } else {
        targets = executor.leafTargets();
        for (const QString &label : loader.unmigratedApps())
            syncApps << registry.app(label);
    }
    const QList<MigrationStep> plan = executor.migrationPlan(targets);

    if (parser.isSet(QStringLiteral("plan"))) {
        context.out << "Planned operations:\n";
        if (plan.isEmpty())
            context.out << "  No planned migration operations.\n";
        for (const MigrationStep &step : plan) {
            context.out << step.migration->label() << "\n";
            for (const QString &line : MigrationExecutor::describeStep(step))
                context.out << "    " << line << "\n";
        }
        return 0;
    }

    QStringList syncLabels, migrateLabels = loader.migratedApps();
    for (AppConfig *app : std::as_const(syncApps))
        syncLabels << app->label();
    syncLabels.sort();
    migrateLabels.sort();
    context.out << "Operations to perform:\n";
    if (!syncLabels.isEmpty())
        context.out << "  Synchronize unmigrated apps: " << syncLabels.join(QStringLiteral(", ")) << "\n";
    if (targets.size() == 1 && !targets.first().second.isEmpty() && !args.isEmpty() && args.size() > 1)
        context.out << "  Target specific migration: " << targets.first().second << ", from " << targets.first().first << "\n";
    else if (targets.size() == 1 && targets.first().second.isEmpty())
        context.out << "  Unapply all migrations: " << targets.first().first << "\n";
    else if (!migrateLabels.isEmpty())
        context.out << "  Apply all migrations: " << (args.isEmpty() ? migrateLabels.join(QStringLiteral(", ")) : args.first()) << "\n";

    executor.sendPreMigrate(context.verbosity);
    if (!syncApps.isEmpty()) {
        if (!parser.isSet(QStringLiteral("run-syncdb"))) {
            context.out << "  Apps without migrations are only synchronized with --run-syncdb.\n";
        } else {
            QList<const ModelMeta *> models;
            for (AppConfig *app : std::as_const(syncApps))
                for (const ModelMeta *model : app->models())
                    if (model->options().managed)
                        models << model;
            context.out << "Synchronizing apps without migrations:\n  Creating tables...\n";
            context.out.flush();
            QStringList created;
            {
                Atomic transaction(connection.alias());
                created = SchemaEditor(connection).createModels(models);
                transaction.commit();
            }
            for (const QString &table : std::as_const(created))
                if (context.verbosity >= 1)
                    context.out << "    Creating table " << table << "\n";
            if (created.isEmpty())
                context.out << "    All tables exist already.\n";
        }
    }
    context.out << "Running migrations:\n";
    if (plan.isEmpty())
        context.out << "  No migrations to apply.\n";
    context.out.flush();
    executor.migrate(plan, parser.isSet(QStringLiteral("fake")), context.verbosity, false);
    executor.sendPostMigrate(context.verbosity);
    return 0;
}

} // namespace quango
