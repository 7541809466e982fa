#include "app/commands/ShowMigrationsCommand.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "migrations/MigrationLoader.h"

namespace quango {

void ShowMigrationsCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("app_label"), QStringLiteral("Only these apps."), QStringLiteral("[app_label...]"));
}

int ShowMigrationsCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    Registry &registry = Registry::instance();
    MigrationLoader loader(registry, &Connection::get());
    loader.load();
    QStringList labels = parser.positionalArguments();
    for (const QString &label : std::as_const(labels))
        registry.appOrThrow(label);
    if (labels.isEmpty())
        for (AppConfig *app : registry.apps())
            labels << app->label();
    labels.sort();
    const MigrationGraph &graph = loader.graph();
    for (const QString &app : std::as_const(labels)) {
        context.out << app << "\n";
        const QList<MigrationKey> shown = graph.appNodes(app);
        if (shown.isEmpty())
            context.out << " (no migrations)\n";
        for (const MigrationKey &key : std::as_const(shown))
            context.out << (loader.applied().contains(key) ? " [X] " : " [ ] ") << key.second << "\n";
    }
    return 0;
}

} // namespace quango
