// UserService: creating users, passwords (rehash on upgrade, saved), and
// permissions through the user's own and their groups' permissions.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Passwords.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "migrations/MigrationExecutor.h"
#include "db/Connection.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include <QtTest>

using namespace quango;

class TestUserService : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;

    static const ModelMeta &meta(const char *label) { return Registry::instance().modelOrThrow(label); }
    static void createAllPermissions()
    {
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app);
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000); // fast; the hasher suite covers 600000
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init() { m_db.resetTables(); }

    void createUserAndSuperuser()
    {
        Model ann = UserService::createUser("ann", "Ann@EXAMPLE.Com", "a-Good-passw0rd", {{"first_name", "Ann"}});
        QVERIFY(!ann.isAdding());
        QCOMPARE(ann.value("email").toString(), QString("Ann@example.com"));
        QVERIFY(ann.value("password").toString().startsWith("pbkdf2_sha256$1000$"));
        QCOMPARE(ann.value("is_staff").toBool(), false);
        QCOMPARE(ann.value("is_superuser").toBool(), false);
        QCOMPARE(ann.value("is_active").toBool(), true);
        QVERIFY(ann.value("date_joined").toDateTime().isValid());
        QVERIFY(ann.value("last_login").isNull());
        QCOMPARE(ann.str(), QString("ann"));
        // The demo's post_save receiver made a profile.
        QCOMPARE(meta("myapi.Profile").objects().filter(Q("user", ann.pk())).count(), 1);

        Model root = UserService::createSuperuser("root", "root@example.com", "an0ther-Good-one");
        QVERIFY(root.value("is_staff").toBool() && root.value("is_superuser").toBool());
        QVERIFY_THROWS_EXCEPTION(ValidationError, UserService::createSuperuser("x", "", "pw", {{"is_staff", false}}));
        QVERIFY_THROWS_EXCEPTION(ValidationError, UserService::createUser(""));
        QVERIFY_THROWS_EXCEPTION(IntegrityError, UserService::createUser("ann"));
        Model nopw = UserService::createUser("nopw");
        QVERIFY(!UserService::hasUsablePassword(nopw));
        QVERIFY(!UserService::checkPassword(nopw, ""));
    }

    void checkPasswordRehashesAndSaves()
    {
        PBKDF2PasswordHasher::setDefaultIterations(500);
        Model ann = UserService::createUser("ann", "", "a-Good-passw0rd");
        const QString old = ann.value("password").toString();
        QVERIFY(old.startsWith("pbkdf2_sha256$500$"));
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        QVERIFY(!UserService::checkPassword(ann, "wrong"));
        QCOMPARE(ann.value("password").toString(), old); // no rehash on failure
        QVERIFY(UserService::checkPassword(ann, "a-Good-passw0rd"));
        QVERIFY(ann.value("password").toString().startsWith("pbkdf2_sha256$1000$"));
        const Model stored = meta("auth.User").objects().get(Q("pk", ann.pk()));
        QCOMPARE(stored.value("password").toString(), ann.value("password").toString());
        // A Django-made hash verifies and is upgraded to the current settings.
        Model django = UserService::createUser("django");
        django.setValue("password", "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=");
        django.save();
        QVERIFY(UserService::checkPassword(django, QStringLiteral("l\u00e8tmein")));
        QVERIFY(meta("auth.User").objects().get(Q("username", "django")).value("password").toString().startsWith("pbkdf2_sha256$1000$"));
    }

    void permissionsThroughGroups()
    {
        createAllPermissions();
        Model ann = UserService::createUser("ann", "", "pw-Ann-12345");
        QCOMPARE(UserService::allPermissions(ann), QSet<QString>());
        QVERIFY(!UserService::hasPerm(ann, "blog.add_post"));
        QVERIFY(!UserService::hasModulePerms(ann, "blog"));

        const Model editors = meta("auth.Group").objects().create({{"name", "editors"}});
        editors.manyRelated("permissions").add(QList<Model>{Permissions::get("blog.add_post"), Permissions::get("blog.change_post")});
        ann.manyRelated("groups").add(QList<Model>{editors});
        ann.manyRelated("user_permissions").add(QList<Model>{Permissions::get("blog.view_tag")});

        QCOMPARE(UserService::groupPermissions(ann), (QSet<QString>{"blog.add_post", "blog.change_post"}));
        QCOMPARE(UserService::userPermissions(ann), (QSet<QString>{"blog.view_tag"}));
        QVERIFY(UserService::hasPerm(ann, "blog.add_post"));
        QVERIFY(UserService::hasPerm(ann, "blog.view_tag"));
        QVERIFY(!UserService::hasPerm(ann, "blog.delete_post"));
        QVERIFY(UserService::hasPerms(ann, {"blog.add_post", "blog.view_tag"}));
        QVERIFY(!UserService::hasPerms(ann, {"blog.add_post", "blog.delete_post"}));
        QVERIFY(UserService::hasModulePerms(ann, "blog"));
        QVERIFY(!UserService::hasModulePerms(ann, "myapi"));
        QVERIFY(!UserService::hasModulePerms(ann, "blo")); // a prefix of a label is not the label

        // A second user in no group has none of them.
        Model bob = UserService::createUser("bob", "", "pw-Bob-12345");
        QVERIFY(!UserService::hasPerm(bob, "blog.add_post"));

        // Inactive: nothing, even as superuser.
        ann.setValue("is_active", false);
        ann.save();
        QVERIFY(!UserService::hasPerm(ann, "blog.add_post"));
        QVERIFY(UserService::allPermissions(ann).isEmpty());
        Model root = UserService::createSuperuser("root", "root@example.com", "pw-Root-12345");
        QVERIFY(UserService::hasPerm(root, "blog.delete_post"));
        QVERIFY(UserService::hasPerm(root, "no.such_permission")); // Django: superusers have every permission
        QVERIFY(UserService::hasModulePerms(root, "anything"));
        QVERIFY(UserService::allPermissions(root).contains("auth.change_user"));
        root.setValue("is_active", false);
        root.save();
        QVERIFY(!UserService::hasPerm(root, "blog.delete_post"));
        QVERIFY(!UserService::hasModulePerms(root, "blog"));
    }
};

QTEST_GUILESS_MAIN(TestUserService)
#include "tst_userservice.moc"
