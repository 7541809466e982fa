#include "app/ManagementUtility.h"
#include "app/AuthSettings.h"
#include "app/Settings.h"
#include "app/commands/BuiltinCommands.h"
#include "app/commands/CommandRegistry.h"
#include "apps/Registry.h"
#include "db/Connections.h"
#include "orm/Exceptions.h"
#include <QCommandLineParser>
#include <QCoreApplication>

namespace quango {

namespace {

const QString DatabaseOption = QStringLiteral("database");
const QString SettingsOption = QStringLiteral("settings");
const QString VerbosityOption = QStringLiteral("verbosity");
const QString VersionOption = QStringLiteral("version");
const QString HelpOption = QStringLiteral("help");

void setUpGlobalParser(QCommandLineParser &parser)
{
    // Everything from the command name on is the command's: its options may
    // share names with the global ones without being taken here.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.addOptions({
        {DatabaseOption, QStringLiteral("The database URL (overrides DATABASE_URL)."), QStringLiteral("URL")},
        {SettingsOption, QStringLiteral("The settings file (else $QUANGO_SETTINGS, else ./quango.ini)."), QStringLiteral("FILE")},
        {{QStringLiteral("v"), VerbosityOption}, QStringLiteral("0 minimal, 1 normal, 2 verbose, 3 very verbose."), QStringLiteral("N"), QStringLiteral("1")},
        {VersionOption, QStringLiteral("Show the version and exit.")},
        {{QStringLiteral("h"), HelpOption}, QStringLiteral("Show this help and exit.")},
    });
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("The command to run (default: gui)."), QStringLiteral("[command]"));
    parser.addPositionalArgument(QStringLiteral("options"), QStringLiteral("The command's own options."), QStringLiteral("[command options]"));
}

} // namespace

ManagementUtility::ManagementUtility(QStringList arguments, QTextStream &out, QTextStream &err)
    : m_arguments(std::move(arguments)), m_out(out), m_err(err)
{
    registerBuiltinCommands(CommandRegistry::instance());
}

ManagementUtility::Parsed ManagementUtility::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUpGlobalParser(parser);
    Parsed p;
    if (!parser.parse(arguments)) {
        p.error = Command::errorText(parser);
        return p;
    }
    p.database = parser.value(DatabaseOption);
    p.settings = parser.value(SettingsOption);
    p.help = parser.isSet(HelpOption);
    p.version = parser.isSet(VersionOption);
    bool ok = false;
    p.verbosity = parser.value(VerbosityOption).toInt(&ok);
    if (!ok || p.verbosity < 0 || p.verbosity > 3) {
        p.error = QStringLiteral("--verbosity takes 0, 1, 2 or 3, got '%1'.").arg(parser.value(VerbosityOption));
        return p;
    }
    const QStringList positional = parser.positionalArguments();
    p.commandGiven = !positional.isEmpty();
    p.command = positional.value(0, QStringLiteral("gui"));
    p.rest = positional.mid(1);
    return p;
}

QString ManagementUtility::commandName(const QStringList &arguments)
{
    const Parsed p = parse(arguments);
    return p.help || p.version || !p.error.isEmpty() ? QString() : p.command;
}

QString ManagementUtility::usage()
{
    QCommandLineParser parser;
    setUpGlobalParser(parser);
    QString text = Command::helpText(parser, QStringLiteral("quango"));
    text += QStringLiteral("\nType 'quango help <command>' for help on a specific command.\n\nAvailable commands:\n");
    for (Command *command : CommandRegistry::instance().commands())
        text += QStringLiteral("    %1 %2\n").arg(command->name(), -16).arg(command->help());
    return text;
}

int ManagementUtility::execute()
{
    const Parsed p = parse(m_arguments);
    if (!p.error.isEmpty()) {
        m_err << p.error << "\n\n" << usage();
        m_err.flush();
        return 2;
    }
    if (p.version) {
        m_out << QCoreApplication::applicationVersion() << "\n";
        m_out.flush();
        return 0;
    }
    // `quango --help` alone is the overview; `quango --help check` is check's.
    if (p.help && !p.commandGiven) {
        m_out << usage();
        m_out.flush();
        return 0;
    }
    Command *command = CommandRegistry::instance().find(p.command);
    if (!command) {
        m_err << QStringLiteral("Unknown command: '%1'. Type 'quango help' for usage.\n").arg(p.command);
        m_err.flush();
        return 1;
    }

    QCommandLineParser parser;
    command->setUpParser(parser);
    if (!parser.parse(QStringList{QStringLiteral("quango ") + command->name()} + p.rest)) {
        m_err << Command::errorText(parser) << "\n\n" << command->usage();
        m_err.flush();
        return 2;
    }
    if (p.help || parser.isSet(HelpOption)) {
        m_out << command->usage();
        m_out.flush();
        return 0;
    }

    try {
        Settings settings;
        settings.loadFile(p.settings);
        settings.loadEnvironment();
        if (!p.database.isEmpty())
            settings.setOverride(QStringLiteral("DATABASE_URL"), p.database);
        applyAuthSettings(settings);
        if (command->needsDatabase())
            Connections::configure(settings.database());
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
    } catch (const std::exception &e) {
        // Not one of ours (std::bad_alloc, a library's error): still an exit
        // code and a message, never std::terminate.
        m_out.flush();
        m_err << "Error: " << QString::fromLocal8Bit(e.what()) << "\n";
        m_err.flush();
        return 1;
    }
}

} // namespace quango
