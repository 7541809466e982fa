#include "app/commands/GuiCommand.h"
#include "app/Settings.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "ui/Icons.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/ConnectionDialog.h"
#include "ui/dialogs/LoginDialog.h"
#include "ui/dialogs/MigrationProgressDialog.h"
#include "views/admin/AdminLogin.h"
#include "views/admin/AdminSite.h"
#include "views/admin/DatabaseChooser.h"
#include <QApplication>
#include <optional>

namespace quango {

namespace {
const QString ChooseOption = QStringLiteral("choose-database");
const QString MigrationsDirOption = QStringLiteral("migrations-dir");
} // namespace

void GuiCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ChooseOption, QStringLiteral("Show the connection dialog (embedded SQLite file, another SQLite file, "
                                                   "a PostgreSQL URL, recent databases) even when a database is configured.")});
    parser.addOption({MigrationsDirOption,
                      QStringLiteral("A development tree's migrations folder (as for makemigrations; repeatable): the migrations "
                                     "page reads it first and its Make migrations button writes there."),
                      QStringLiteral("dir")});
}

int GuiCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        context.err << "The gui command needs a QApplication: run it through the quango binary.\n";
        return 1;
    }
    QApplication::setWindowIcon(Icons::icon(QStringLiteral("app")));
    // A database the user named is used at once, as manage.py does; the
    // dialog asks when nothing names one, when told to, or when it fails.
    std::optional<DatabaseUrl> database;
    QString failure;
    const bool named = context.settings.source(QStringLiteral("DATABASE_URL")) != Settings::Source::Default;
    if (named && !parser.isSet(ChooseOption)) {
        const DatabaseUrl url = context.settings.database();
        try {
            DatabaseChooser::connect(url);
            database = url;
        } catch (const Error &error) {
            failure = error.message();
        }
    }
    if (!database) {
        ConnectionDialog dialog(Settings::defaultDatabaseUrl());
        if (named)
            dialog.setUrl(context.settings.database().url(), failure);
        if (dialog.exec() != QDialog::Accepted)
            return 0;
        database = dialog.url();
    }
    const QString databaseLabel = database->redacted();

    // An unmigrated database (no auth tables yet) is offered its migrations
    // before the login needs them; declining opens the window as it is.
    const QStringList migrationsDirs = parser.values(MigrationsDirOption);
    MigrationProgressDialog::offerToMigrate(nullptr, Registry::instance(), QStringLiteral("default"), {}, migrationsDirs);

    // Each installed app's ModelAdmins (its admin.py); other models get Django's defaults.
    AdminSite site(Registry::instance());
    site.autodiscover();

    // With the auth app's tables, only active staff enter, as in Django's admin.
    AdminUser user;
    if (AdminLogin::isAvailable()) {
        LoginDialog login(databaseLabel);
        if (login.exec() != QDialog::Accepted)
            return 0;
        user = login.user();
    }
    MainWindow window(site, databaseLabel);
    window.setUser(user);
    window.setMigrationsDirs(migrationsDirs);
    window.restoreSession();
    window.show();
    return QApplication::exec();
}

} // namespace quango
