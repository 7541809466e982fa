#include "app/commands/Command.h"

namespace quango {

void Command::setUpParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(help());
    // Not addHelpOption(): its --help-all lists Qt's own options, which a
    // subcommand does not take.
    parser.addOption({{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help and exit.")});
    addOptions(parser);
}

QString Command::usage()
{
    QCommandLineParser parser;
    setUpParser(parser);
    return helpText(parser, QStringLiteral("quango ") + name());
}

QString Command::helpText(const QCommandLineParser &parser, const QString &invocation)
{
    QString text = parser.helpText();
    // The first line is "Usage: <program> [options]..."; every parser here has
    // at least -h, so " [options]" is always there to anchor on.
    const qsizetype options = text.indexOf(QLatin1String(" [options]"));
    if (text.startsWith(QLatin1String("Usage: ")) && options > 0)
        text.replace(7, options - 7, invocation);
    return text;
}

QString Command::errorText(const QCommandLineParser &parser)
{
    QStringList unknown = parser.unknownOptionNames();
    if (unknown.isEmpty())
        return parser.errorText();
    // Short options are compacted (-xy is -x -y), so only a one-letter name
    // came from a single dash.
    for (QString &name : unknown)
        name = (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
    return QStringLiteral("Unknown option%1 '%2'.").arg(unknown.size() == 1 ? "" : "s", unknown.join(QStringLiteral("', '")));
}

} // namespace quango
