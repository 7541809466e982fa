#include "app/ManagementUtility.h"
#include "app/Settings.h"
#include "app/commands/BuiltinCommands.h"
#include "app/commands/CommandRegistry.h"
#include "apps/Registry.h"
#include "db/Connections.h"
#include "orm/Exceptions.h"
#include <QCoreApplication>

namespace quango {

ManagementUtility::ManagementUtility(QStringList arguments, QTextStream &out, QTextStream &err)
    : m_arguments(std::move(arguments)), m_out(out), m_err(err)
{
    registerBuiltinCommands(CommandRegistry::instance());
}

ManagementUtility::Parsed ManagementUtility::parse(const QStringList &arguments)
{
    Parsed p;
    int i = 1;
    auto takeValue = [&](const QString &arg, const QString &name, QString &target) -> bool {
        if (arg == name) {
            if (i + 1 >= arguments.size()) {
                p.error = QStringLiteral("The option %1 needs a value.").arg(name);
                return true;
            }
            target = arguments.at(++i);
            return true;
        }
        if (arg.startsWith(name + QLatin1Char('='))) {
            target = arg.mid(name.size() + 1);
            return true;
        }
        return false;
    };
    for (; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        if (!arg.startsWith(QLatin1Char('-')))
            break;
        QString verbosity;
        if (takeValue(arg, QStringLiteral("--database"), p.database) || takeValue(arg, QStringLiteral("--settings"), p.settings)) {
            if (!p.error.isEmpty())
                return p;
            continue;
        }
        if (takeValue(arg, QStringLiteral("--verbosity"), verbosity) || takeValue(arg, QStringLiteral("-v"), verbosity)) {
            if (!p.error.isEmpty())
                return p;
            bool ok = false;
            p.verbosity = verbosity.toInt(&ok);
            if (!ok || p.verbosity < 0 || p.verbosity > 3) {
                p.error = QStringLiteral("--verbosity takes 0, 1, 2 or 3, got '%1'.").arg(verbosity);
                return p;
            }
            continue;
        }
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            p.help = true;
            continue;
        }
        if (arg == QLatin1String("--version")) {
            p.version = true;
            continue;
        }
        p.error = QStringLiteral("Unknown global option '%1'.").arg(arg);
        return p;
    }
    p.command = i < arguments.size() ? arguments.at(i) : QStringLiteral("gui");
    if (i < arguments.size())
        p.rest = arguments.mid(i + 1);
    return p;
}

QString ManagementUtility::commandName(const QStringList &arguments)
{
    const Parsed p = parse(arguments);
    return p.help || p.version || !p.error.isEmpty() ? QString() : p.command;
}

void ManagementUtility::printUsage(QTextStream &stream) const
{
    stream << "Usage: quango [--database URL] [--settings FILE] [-v N] <command> [options]\n\n"
              "Type 'quango help <command>' for help on a specific command.\n\nAvailable commands:\n";
    for (Command *command : CommandRegistry::instance().commands())
        stream << QStringLiteral("    %1 %2\n").arg(command->name(), -16).arg(command->help());
    stream.flush();
}

int ManagementUtility::execute()
{
    const Parsed p = parse(m_arguments);
    if (!p.error.isEmpty()) {
        m_err << p.error << "\n\n";
        printUsage(m_err);
        return 2;
    }
    if (p.version) {
        m_out << QCoreApplication::applicationVersion() << "\n";
        m_out.flush();
        return 0;
    }
    if (p.help && (p.command == QLatin1String("gui") && !m_arguments.contains(QStringLiteral("gui")))) {
        printUsage(m_out);
        return 0;
    }
    Command *command = CommandRegistry::instance().find(p.command);
    if (!command) {
        m_err << QStringLiteral("Unknown command: '%1'. Type 'quango help' for usage.\n").arg(p.command);
        m_err.flush();
        return 1;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(command->help());
    parser.addHelpOption();
    command->addOptions(parser);
    const QStringList commandArgs = QStringList{QStringLiteral("quango ") + command->name()} + p.rest;
    if (!parser.parse(commandArgs)) {
        m_err << parser.errorText() << "\n\n" << parser.helpText();
        m_err.flush();
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")) || p.help) {
        m_out << parser.helpText();
        m_out.flush();
        return 0;
    }

    try {
        Settings settings;
        settings.loadFile(p.settings);
        settings.loadEnvironment();
        if (!p.database.isEmpty())
            settings.setOverride(QStringLiteral("DATABASE_URL"), p.database);
        if (command->needsDatabase()) {
            try {
                Connections::configure(DatabaseUrl::parse(settings.databaseUrl()));
            } catch (const ImproperlyConfigured &e) {
                throw ImproperlyConfigured(e.message() + QStringLiteral(" (DATABASE_URL from %1)").arg(settings.sourceDescription(QStringLiteral("DATABASE_URL"))));
            }
        }
        Registry::instance().populate();
        CommandContext context{settings, m_out, m_err, p.verbosity};
        const int code = command->run(parser, context);
        m_out.flush();
        m_err.flush();
        return code;
    } catch (const Error &e) {
        m_out.flush();
        m_err << "CommandError: " << e.message() << "\n";
        m_err.flush();
        return 1;
    }
}

} // namespace quango
