#include "app/commands/HelpCommand.h"
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
        context.out << "Usage: quango [--database URL] [--settings FILE] [-v N] <command> [options]\n\n"
                       "Type 'quango help <command>' for help on a specific command.\n\nAvailable commands:\n";
        for (Command *command : CommandRegistry::instance().commands())
            context.out << QStringLiteral("    %1 %2\n").arg(command->name(), -16).arg(command->help());
        return 0;
    }
    Command *command = CommandRegistry::instance().find(args.first());
    if (!command) {
        context.err << QStringLiteral("Unknown command: '%1'. Type 'quango help' for usage.\n").arg(args.first());
        return 1;
    }
    QCommandLineParser commandParser;
    commandParser.setApplicationDescription(command->help());
    commandParser.addHelpOption();
    command->addOptions(commandParser);
    commandParser.parse({QStringLiteral("quango ") + command->name()});
    context.out << commandParser.helpText();
    return 0;
}

} // namespace quango
