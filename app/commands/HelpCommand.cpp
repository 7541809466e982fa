#include "app/commands/HelpCommand.h"
#include "app/ManagementUtility.h"
#include "app/commands/CommandRegistry.h"

namespace quango {

void HelpCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command to explain."), QStringLiteral("[command]"));
}

int HelpCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        context.out << ManagementUtility::usage();
        return 0;
    }
    Command *command = CommandRegistry::instance().find(args.first());
    if (!command) {
        context.err << QStringLiteral("Unknown command: '%1'. Type 'quango help' for usage.\n").arg(args.first());
        return 1;
    }
    context.out << command->usage();
    return 0;
}

} // namespace quango
