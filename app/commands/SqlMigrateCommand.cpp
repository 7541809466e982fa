#include "app/commands/SqlMigrateCommand.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "migrations/MigrationError.h"
#include "migrations/MigrationExecutor.h"

namespace quango {

void SqlMigrateCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("app_label"), QStringLiteral("App label of the migration."));
    parser.addPositionalArgument(QStringLiteral("migration_name"), QStringLiteral("Migration name (a unique prefix is enough)."));
    parser.addOption({QStringLiteral("backwards"), QStringLiteral("Creates SQL to unapply the migration, rather than to apply it.")});
}

int SqlMigrateCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        throw MigrationError(QStringLiteral("sqlmigrate takes an app label and a migration name."));
    Registry &registry = Registry::instance();
    registry.appOrThrow(args.at(0));
    MigrationExecutor executor(Connection::get(), registry);
    const MigrationKey key = executor.loader().resolve(args.at(0), args.at(1));
    context.out << executor.sqlScript({executor.loader().graph().migration(key), parser.isSet(QStringLiteral("backwards"))});
    return 0;
}

} // namespace quango
