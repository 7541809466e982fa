// The login dialog driven by the keyboard, and the window the user gets:
// only the models they may view, their name in the status bar, list pages
// that write with their permissions.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/Authentication.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/LoginDialog.h"
#include "ui/pages/AppsPage.h"
#include "ui/pages/ChangeListPage.h"
#include "views/admin/AdminLogin.h"
#include "views/admin/ChangeListModel.h"
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace quango;

class TestLoginDialog : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;

    // Types into the fields as a person would and presses Enter.
    static void typeAndEnter(LoginDialog &dialog, const QString &username, const QString &password)
    {
        dialog.usernameEdit()->clear();
        dialog.usernameEdit()->setFocus();
        QTest::keyClicks(dialog.usernameEdit(), username);
        QTest::keyClick(dialog.usernameEdit(), Qt::Key_Tab);
        QVERIFY(dialog.passwordEdit()->hasFocus());
        QTest::keyClicks(dialog.passwordEdit(), password);
        QTest::keyClick(dialog.passwordEdit(), Qt::Key_Return);
    }
    // The models the index shows, as labels.
    static QStringList shownModels(MainWindow &window)
    {
        QStringList out;
        QTreeWidget *tree = qobject_cast<AppsPage *>(window.pages()->widget(0))->tree();
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j) {
                QTreeWidgetItem *item = tree->topLevelItem(i)->child(j);
                if (!item->isHidden() && !item->parent()->isHidden())
                    out << item->data(0, Qt::UserRole).toString();
            }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000);
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init()
    {
        m_db.resetTables();
        Authentication::resetFailures();
        Authentication::setThrottle({.maxFailures = 3, .windowSeconds = 300});
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, "default", 0);
    }

    void freshDatabaseSaysHowToCreateAnAccount()
    {
        UserService::createUser("bob", "", "Bob-passw0rd-1"); // not staff: still no one can log in
        LoginDialog dialog("db");
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.errorLabel()->isVisible());
        QCOMPARE(dialog.errorLabel()->text(), AdminLogin::noStaffMessage());
        QVERIFY(dialog.errorLabel()->text().contains("quango createsuperuser"));
        UserService::createSuperuser("root", "root@example.com", "Root-passw0rd-1");
        LoginDialog again("db");
        QVERIFY(again.errorLabel()->isHidden());
    }

    void wrongPasswordStaysInTheDialog()
    {
        UserService::createUser("ann", "", "Ann-passw0rd-1", {{"is_staff", true}});
        LoginDialog dialog("sqlite:///tmp/demo.sqlite3");
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.findChild<QLabel *>("databaseLabel")->text().contains("demo.sqlite3"));
        QVERIFY(dialog.errorLabel()->isHidden());
        typeAndEnter(dialog, "ann", "wrong");
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.errorLabel()->isVisible());
        QCOMPARE(dialog.errorLabel()->text(), AdminLogin::invalidLoginMessage());
        QVERIFY(dialog.passwordEdit()->text().isEmpty());      // cleared for the next try
        QCOMPARE(dialog.usernameEdit()->text(), QString("ann"));
        QVERIFY(!dialog.user().isValid());

        // Empty fields: asked for, without counting as a failure.
        dialog.usernameEdit()->clear();
        QTest::keyClick(dialog.usernameEdit(), Qt::Key_Return);
        QVERIFY(dialog.errorLabel()->text().contains("Please enter a username and a password"));
        QCOMPARE(Authentication::failureCount("ann"), 1);
    }

    void nonStaffAndLockout()
    {
        UserService::createUser("bob", "", "Bob-passw0rd-1"); // not staff
        UserService::createUser("ann", "", "Ann-passw0rd-1", {{"is_staff", true}});
        LoginDialog dialog("db");
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeAndEnter(dialog, "bob", "Bob-passw0rd-1");
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.errorLabel()->text(), AdminLogin::invalidLoginMessage());

        for (int i = 0; i < 3; ++i)
            typeAndEnter(dialog, "ann", "wrong");
        QCOMPARE(dialog.errorLabel()->text(), AdminLogin::lockedOutMessage());
        typeAndEnter(dialog, "ann", "Ann-passw0rd-1");
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.errorLabel()->text(), AdminLogin::lockedOutMessage());

        QTest::keyClick(dialog.passwordEdit(), Qt::Key_Escape); // cancel
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.user().isValid());
    }

    void staffUserSeesOnlyPermittedModels()
    {
        Model ann = UserService::createUser("ann", "", "Ann-passw0rd-1", {{"is_staff", true}});
        ann.manyRelated("user_permissions").add(QList<Model>{Permissions::get("blog.view_post"), Permissions::get("blog.change_tag")});
        LoginDialog dialog("db");
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        typeAndEnter(dialog, "ann", "Ann-passw0rd-1");
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.user().username(), QString("ann"));

        MainWindow window(Registry::instance(), "sqlite:///tmp/demo.sqlite3");
        const QStringList all = shownModels(window); // nobody logged in: every model
        QVERIFY(all.contains("blog.Author") && all.contains("auth.User"));
        window.setUser(dialog.user());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(shownModels(window), (QStringList{"blog.Tag", "blog.Post"}));
        QCOMPARE(window.statusBar()->findChild<QLabel *>("userLabel")->text(), QString("User: ann"));
        QVERIFY(window.statusBar()->findChild<QLabel *>("databaseLabel")->text().contains("demo.sqlite3"));
        QVERIFY(!window.openModel("blog.Author"));              // hidden, and refused by label too
        QVERIFY(window.statusBar()->currentMessage().contains("permission"));

        ChangeListPage *posts = window.openModel("blog.Post");
        QVERIFY(posts);
        QCOMPARE(posts->model()->user().username(), QString("ann"));

        // A superuser sees every model.
        UserService::createSuperuser("root", "root@example.com", "Root-passw0rd-1");
        window.setUser(AdminLogin::login("root", "Root-passw0rd-1").user);
        QCOMPARE(shownModels(window), all);
        QCOMPARE(posts->model()->user().username(), QString("root"));
    }
};

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
