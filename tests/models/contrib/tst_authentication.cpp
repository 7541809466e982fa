// authenticate(): right and wrong passwords, inactive and unknown users,
// lockout after repeated failures within the window, equal work for unknown users.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/Authentication.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "db/Connection.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include <QElapsedTimer>
#include <QtTest>

using namespace quango;

class TestAuthentication : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000);
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init()
    {
        m_db.resetTables();
        Authentication::resetFailures();
        Authentication::setThrottle({});
    }

    void authenticates()
    {
        UserService::createUser("ann", "", "pw-Ann-12345");
        const auto user = Authentication::authenticate("ann", "pw-Ann-12345");
        QVERIFY(user);
        QCOMPARE(user->value("username").toString(), QString("ann"));
        QVERIFY(!Authentication::authenticate("ann", "pw-ann-12345"));
        QVERIFY(!Authentication::authenticate("Ann", "pw-Ann-12345")); // usernames are case-sensitive
        QVERIFY(!Authentication::authenticate("nobody", "pw-Ann-12345"));
        QVERIFY(!Authentication::authenticate("ann", QString()));
        Model ann = *user;
        Authentication::updateLastLogin(ann);
        QVERIFY(Registry::instance().modelOrThrow("auth.User").objects().get(Q("username", "ann")).value("last_login").toDateTime().isValid());
    }

    void inactiveUsersCannotLogIn()
    {
        UserService::createUser("ann", "", "pw-Ann-12345", {{"is_active", false}});
        QVERIFY(!Authentication::authenticate("ann", "pw-Ann-12345"));
    }

    void lockoutAfterRepeatedFailures()
    {
        Authentication::setThrottle({3, 1});
        UserService::createUser("ann", "", "pw-Ann-12345");
        UserService::createUser("bob", "", "pw-Bob-12345");
        for (int i = 0; i < 3; ++i)
            QVERIFY(!Authentication::authenticate("ann", "wrong"));
        QCOMPARE(Authentication::failureCount("ann"), 3);
        QVERIFY(Authentication::isLockedOut("ann"));
        QVERIFY(!Authentication::authenticate("ann", "pw-Ann-12345")); // locked, even with the right password
        QVERIFY(Authentication::authenticate("bob", "pw-Bob-12345"));  // per username
        // Unknown usernames lock the same way: the lockout does not tell whether a user exists.
        for (int i = 0; i < 3; ++i)
            QVERIFY(!Authentication::authenticate("ghost", "x"));
        QVERIFY(Authentication::isLockedOut("ghost"));
        // The window passes: allowed again; success clears the count.
        QTest::qWait(1100);
        QVERIFY(!Authentication::isLockedOut("ann"));
        QVERIFY(!Authentication::authenticate("ann", "wrong"));
        QCOMPARE(Authentication::failureCount("ann"), 1);
        QVERIFY(Authentication::authenticate("ann", "pw-Ann-12345"));
        QCOMPARE(Authentication::failureCount("ann"), 0);
    }

    void djangoMadeRowsWork()
    {
        // Rows as Django 3.2 wrote them (python3-django, `migrate` then
        // create_superuser/create_user): its hash, its datetime text.
        Connection &db = Connection::get();
        const QString insert = "INSERT INTO \"auth_user\" (\"id\", \"password\", \"last_login\", \"is_superuser\", \"username\", "
                               "\"last_name\", \"email\", \"is_staff\", \"is_active\", \"date_joined\", \"first_name\") "
                               "VALUES (?, ?, NULL, ?, ?, '', ?, ?, ?, ?, '')";
        db.execute(insert, {1, "pbkdf2_sha256$260000$WoeRVaSw3qanH78FJ8G8OL$JCnJ88Tufc/Q52YvWGCJDHnBd6YHReurWU+zn8XGXeY=", true, "djadmin",
                            "dj@example.com", true, true, "2026-11-27 03:54:42.203745"});
        db.execute(insert, {2, "pbkdf2_sha256$260000$k3ktVCTfsahRpdA6PHEUO4$SKXSCwFJFZAG+pVPsHYkvzIRkS20WeLzVKVbJ3uQqfo=", false, "staff",
                            "s@example.com", true, true, "2026-11-27 03:54:43.034313"});
        db.execute("INSERT INTO \"auth_group\" (\"id\", \"name\") VALUES (1, 'editors')");
        db.execute("INSERT INTO \"auth_user_groups\" (\"id\", \"user_id\", \"group_id\") VALUES (1, 2, 1)");
        Permissions::createPermissions(*Registry::instance().app("auth"));
        Registry::instance().modelOrThrow("auth.Group").objects().get(Q("name", "editors"))
            .manyRelated("permissions").add(QList<Model>{Permissions::get("auth.change_user")});

        const auto staff = Authentication::authenticate("staff", "Staff-pass-2026");
        QVERIFY(staff);
        QCOMPARE(staff->value("date_joined").toDateTime(), QDateTime(QDate(2026, 11, 27), QTime(3, 54, 43, 34), Qt::UTC));
        QVERIFY(UserService::hasPerm(*staff, "auth.change_user"));
        QVERIFY(!UserService::hasPerm(*staff, "auth.delete_user"));
        // Logged in once: the hash now has this project's iteration count.
        QVERIFY(UserService::getByNaturalKey("staff").value("password").toString().startsWith("pbkdf2_sha256$1000$"));
        const auto admin = Authentication::authenticate("djadmin", "Django-made-2026");
        QVERIFY(admin && UserService::hasPerm(*admin, "blog.delete_post"));
    }

    void unknownUsersCostOneHashToo()
    {
        // With a costly hasher, a login for an unknown user must take about as
        // long as a wrong password for a known one (Django runs the hasher once).
        PBKDF2PasswordHasher::setDefaultIterations(200000);
        UserService::createUser("ann", "", "pw-Ann-12345");
        Authentication::setThrottle({1000, 300});
        auto time = [](const QString &username) {
            QElapsedTimer t;
            t.start();
            for (int i = 0; i < 3; ++i)
                Authentication::authenticate(username, "wrong");
            return t.nsecsElapsed();
        };
        time("ann"); // warm up
        const qint64 known = time("ann");
        const qint64 unknown = time("nobody");
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        // Loose bounds (machines are shared); without the dummy hash it falls far below 1/10.
        QVERIFY2(unknown > known / 3 && unknown < known * 3, qPrintable(QString("known %1 ms, unknown %2 ms").arg(known / 1e6).arg(unknown / 1e6)));
    }
};

QTEST_GUILESS_MAIN(TestAuthentication)
#include "tst_authentication.moc"
