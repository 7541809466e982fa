#include "app/commands/CheckCommand.h"
#include "app/Settings.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "orm/Exceptions.h"
#include <algorithm>

namespace quango {

void CheckCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("database-connection"), QStringLiteral("Also open the database (default: yes; 'no' skips it)."),
                      QStringLiteral("yes|no"), QStringLiteral("yes")});
}

int CheckCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    QList<CheckMessage> messages = Registry::instance().check();
    try {
        const DatabaseUrl url = context.settings.database(); // its error names the source
        if (parser.value(QStringLiteral("database-connection")) != QLatin1String("no")) {
            Connections::configure(url);
            Connections::get().database();
        }
    } catch (const Error &e) {
        messages.append({CheckMessage::Level::Error, QStringLiteral("settings.E001"), QStringLiteral("DATABASE_URL"), e.message(),
                         QStringLiteral("The value comes from %1.").arg(context.settings.sourceDescription(QStringLiteral("DATABASE_URL")))});
    }
    try {
        context.settings.debug();
    } catch (const ImproperlyConfigured &e) {
        messages.append({CheckMessage::Level::Error, QStringLiteral("settings.E002"), QStringLiteral("DEBUG"), e.message(), {}});
    }
    if (messages.isEmpty()) {
        context.out << "System check identified no issues (0 silenced).\n";
        return 0;
    }

    // Django's layout: a header, the messages grouped by level (sorted within
    // a group), then the count. Errors make it a SystemCheckError, exit 1.
    QString body;
    bool serious = false;
    for (const auto level : {CheckMessage::Level::Error, CheckMessage::Level::Warning}) {
        QStringList lines;
        for (const CheckMessage &message : std::as_const(messages))
            if (message.level == level)
                lines << message.toString();
        if (lines.isEmpty())
            continue;
        serious = serious || level == CheckMessage::Level::Error;
        std::sort(lines.begin(), lines.end());
        body += QStringLiteral("\n%1:\n%2\n").arg(level == CheckMessage::Level::Error ? QStringLiteral("ERRORS") : QStringLiteral("WARNINGS"),
                                                 lines.join(QLatin1Char('\n')));
    }
    context.err << (serious ? "SystemCheckError: " : "") << "System check identified some issues:\n" << body
                << QStringLiteral("\nSystem check identified %1 (0 silenced).\n")
                       .arg(messages.size() == 1 ? QStringLiteral("1 issue") : QStringLiteral("%1 issues").arg(messages.size()));
    return serious ? 1 : 0;
}

} // namespace quango
