#include "app/commands/GuiCommand.h"
#include "app/Settings.h"
#include "apps/Registry.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/LoginDialog.h"
#include "views/admin/AdminLogin.h"
#include <QApplication>

namespace quango {

int GuiCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    Q_UNUSED(parser);
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        context.err << "The gui command needs a QApplication: run it through the quango binary.\n";
        return 1;
    }
    const QString databaseLabel = context.settings.database().redacted();
    // With the auth app's tables, only active staff enter, as in Django's admin.
    AdminUser user;
    if (AdminLogin::isAvailable()) {
        LoginDialog login(databaseLabel);
        if (login.exec() != QDialog::Accepted)
            return 0;
        user = login.user();
    }
    MainWindow window(Registry::instance(), databaseLabel);
    window.setUser(user);
    window.show();
    return QApplication::exec();
}

} // namespace quango
