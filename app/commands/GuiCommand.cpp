#include "app/commands/GuiCommand.h"
#include "app/Settings.h"
#include "apps/Registry.h"
#include "ui/MainWindow.h"
#include <QApplication>

namespace quango {

int GuiCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    Q_UNUSED(parser);
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        context.err << "The gui command needs a QApplication: run it through the quango binary.\n";
        return 1;
    }
    MainWindow window(Registry::instance(), context.settings.database().redacted());
    window.show();
    return QApplication::exec();
}

} // namespace quango
