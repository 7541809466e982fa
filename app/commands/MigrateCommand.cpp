#include "app/commands/MigrateCommand.h"
#include "apps/Registry.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "db/SchemaEditor.h"
#include "orm/Exceptions.h"
#include "signals/ModelSignals.h"

namespace quango {

void MigrateCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("app_label"), QStringLiteral("Only this app."), QStringLiteral("[app_label]"));
    parser.addOption({QStringLiteral("run-syncdb"), QStringLiteral("Creates tables for apps without migrations.")});
}

int MigrateCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    Registry &registry = Registry::instance();
    QList<AppConfig *> apps = registry.apps();
    const QStringList args = parser.positionalArguments();
    if (args.size() > 1)
        throw ImproperlyConfigured(QStringLiteral("migrate takes at most one app label, got: %1").arg(args.join(QLatin1Char(' '))));
    if (!args.isEmpty())
        apps = {&registry.appOrThrow(args.first())};
    QStringList labels;
    for (AppConfig *app : apps)
        labels << app->label();
    labels.sort();

    context.out << "Operations to perform:\n";
    context.out << "  Synchronize unmigrated apps: " << labels.join(QStringLiteral(", ")) << "\n";
    if (!parser.isSet(QStringLiteral("run-syncdb"))) {
        context.out << "Running migrations:\n  No migrations to apply.\n"
                       "  Apps without migrations are only synchronized with --run-syncdb.\n";
        return 0;
    }
    Connection &connection = Connection::get();
    MigrateInfo info;
    info.using_ = connection.alias();
    info.verbosity = context.verbosity;
    for (AppConfig *app : std::as_const(apps)) {
        info.app = app;
        signals::preMigrate.send(app, info);
    }
    QList<const ModelMeta *> models;
    for (AppConfig *app : std::as_const(apps))
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
    context.out << "Running migrations:\n  No migrations to apply.\n";
    for (AppConfig *app : std::as_const(apps)) {
        info.app = app;
        signals::postMigrate.send(app, info);
    }
    return 0;
}

} // namespace quango
