// The quango binary: the demo project's apps plus every built-in command.
// `quango` alone opens the admin window; `quango help` lists the commands.
#include "app/ManagementUtility.h"
#include "app/commands/BuiltinCommands.h"
#include "app/commands/CommandRegistry.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/BuiltinApps.h"
#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>
#include <memory>

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    // Headless commands must run without a display: only `gui` gets widgets.
    quango::registerBuiltinCommands(quango::CommandRegistry::instance());
    quango::Command *command = quango::CommandRegistry::instance().find(quango::ManagementUtility::commandName(arguments));
    std::unique_ptr<QCoreApplication> app;
    if (command && command->needsGui())
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Quango"));
    QCoreApplication::setApplicationName(QStringLiteral("quango"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUANGO_VERSION));

    quango::installBuiltinApps(quango::Registry::instance());
    quango::installDemoApps(quango::Registry::instance());
    QTextStream out(stdout);
    QTextStream err(stderr);
    return quango::ManagementUtility(arguments, out, err).execute();
}
