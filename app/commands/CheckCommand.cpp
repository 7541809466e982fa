#include "app/commands/CheckCommand.h"
#include "app/Settings.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "orm/Exceptions.h"

namespace quango {

void CheckCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("database-connection"), QStringLiteral("Also open the database (default: yes; 'no' skips it)."),
                      QStringLiteral("yes|no"), QStringLiteral("yes")});
}

int CheckCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    QList<CheckMessage> messages = Registry::instance().check();
    const QString source = context.settings.sourceDescription(QStringLiteral("DATABASE_URL"));
    try {
        const DatabaseUrl url = DatabaseUrl::parse(context.settings.databaseUrl());
        if (parser.value(QStringLiteral("database-connection")) != QLatin1String("no")) {
            Connections::configure(url);
            Connection::get().database();
        }
    } catch (const Error &e) {
        messages.append({CheckMessage::Level::Error, QStringLiteral("settings.E001"), QStringLiteral("DATABASE_URL"),
                         e.message(), QStringLiteral("The value comes from %1.").arg(source)});
    }
    int errors = 0;
    for (const CheckMessage &message : std::as_const(messages)) {
        (message.level == CheckMessage::Level::Error ? context.err : context.out) << message.toString() << "\n";
        if (message.level == CheckMessage::Level::Error)
            ++errors;
    }
    if (messages.isEmpty()) {
        context.out << "System check identified no issues (0 silenced).\n";
        return 0;
    }
    context.err << QStringLiteral("System check identified %1 issue%2 (0 silenced).\n").arg(messages.size()).arg(messages.size() == 1 ? "" : "s");
    return errors > 0 ? 1 : 0;
}

} // namespace quango
