// The admin's login: Django's AdminAuthenticationForm over authenticate()
// with its lockout (only active staff enter, every refusal reads alike), and
// the logged-in user's ModelAdmin permissions.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/Authentication.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "views/admin/AdminLogin.h"
#include <QtTest>

using namespace quango;

static const char Invalid[] = "Please enter the correct username and password for a staff account. "
                              "Note that both fields may be case-sensitive.";

class TestAdminLogin : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    static const ModelMeta &meta(const char *label) { return Registry::instance().modelOrThrow(label); }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000); // fast; the hasher suite covers 600000
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init()
    {
        m_db.resetTables();
        Authentication::resetFailures();
        Authentication::setThrottle({.maxFailures = 3, .windowSeconds = 300});
        UserService::createUser("ann", "", "Ann-passw0rd-1", {{"is_staff", true}});
    }

    void staffUserLogsIn()
    {
        QVERIFY(AdminLogin::isAvailable());
        const AdminLogin::Result result = AdminLogin::login("ann", "Ann-passw0rd-1");
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.user.username(), QString("ann"));
        QVERIFY(meta("auth.User").objects().get(Q("username", "ann")).value("last_login").toDateTime().isValid());
    }

    void wrongPasswordOrUnknownUser()
    {
        AdminLogin::Result result = AdminLogin::login("ann", "wrong");
        QVERIFY(!result.ok());
        QCOMPARE(result.error, QString(Invalid));
        QVERIFY(!result.isLockedOut);
        result = AdminLogin::login("Ann", "Ann-passw0rd-1"); // usernames are case-sensitive
        QCOMPARE(result.error, QString(Invalid));
        result = AdminLogin::login("nobody", "Ann-passw0rd-1"); // reads the same: no hint that ann exists
        QCOMPARE(result.error, QString(Invalid));
        QCOMPARE(Authentication::failureCount("ann"), 1);
        QVERIFY(meta("auth.User").objects().get(Q("username", "ann")).value("last_login").isNull());
    }

    void onlyActiveStaff()
    {
        UserService::createUser("bob", "", "Bob-passw0rd-1"); // active, not staff
        AdminLogin::Result result = AdminLogin::login("bob", "Bob-passw0rd-1");
        QVERIFY(!result.ok());
        QCOMPARE(result.error, QString(Invalid));
        UserService::createUser("cy", "", "Cy-passw0rd-1", {{"is_staff", true}, {"is_active", false}});
        result = AdminLogin::login("cy", "Cy-passw0rd-1");
        QVERIFY(!result.ok());
        QCOMPARE(result.error, QString(Invalid));
        QVERIFY(meta("auth.User").objects().get(Q("username", "bob")).value("last_login").isNull());
    }

    void lockout()
    {
        QCOMPARE(AdminLogin::login("ann", "wrong-1").error, QString(Invalid));
        QCOMPARE(AdminLogin::login("ann", "wrong-2").error, QString(Invalid));
        AdminLogin::Result result = AdminLogin::login("ann", "wrong-3"); // the third failure reaches the limit
        QVERIFY(result.isLockedOut);
        QCOMPARE(result.error, AdminLogin::lockedOutMessage());
        QVERIFY(result.error.contains("Too many failed login attempts"));
        QVERIFY(result.error.contains("5 minutes"));
        result = AdminLogin::login("ann", "Ann-passw0rd-1"); // even the right password, while locked out
        QVERIFY(!result.ok());
        QVERIFY(result.isLockedOut);
        QCOMPARE(result.error, AdminLogin::lockedOutMessage());
        QVERIFY(AdminLogin::login("bob", "x").error == QString(Invalid)); // per username
        Authentication::resetFailures("ann");
        QVERIFY(AdminLogin::login("ann", "Ann-passw0rd-1").ok());
    }

    void permissionsOfTheLoggedInUser()
    {
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, "default", 0);
        Model ann = meta("auth.User").objects().get(Q("username", "ann"));
        const Model editors = meta("auth.Group").objects().create({{"name", "editors"}});
        editors.manyRelated("permissions").add(QList<Model>{Permissions::get("blog.change_post")});
        ann.manyRelated("groups").add(QList<Model>{editors});
        ann.manyRelated("user_permissions").add(QList<Model>{Permissions::get("blog.view_tag")});
        const AdminUser user = AdminLogin::login("ann", "Ann-passw0rd-1").user;
        QVERIFY(user.isValid());
        const ModelMeta &post = meta("blog.Post"), &tag = meta("blog.Tag"), &author = meta("blog.Author");
        QCOMPARE(AdminUser::permissionName("change", post), QString("blog.change_post"));
        QVERIFY(user.hasViewPermission(post));    // change implies view, as in Django
        QVERIFY(user.hasViewPermission(tag));
        QVERIFY(!user.hasViewPermission(author));
        QVERIFY(user.hasPermission("change", post));
        QVERIFY(!user.hasPermission("delete", post));
        QVERIFY(!user.hasPermission("change", tag));

        UserService::createSuperuser("root", "root@example.com", "Root-passw0rd-1");
        const AdminUser root = AdminLogin::login("root", "Root-passw0rd-1").user;
        QVERIFY(root.hasPermission("delete", author));
        QVERIFY(root.hasViewPermission(meta("auth.User")));
        QVERIFY(!AdminUser().isValid());
    }
};

QTEST_MAIN(TestAdminLogin)
#include "tst_adminlogin.moc"
