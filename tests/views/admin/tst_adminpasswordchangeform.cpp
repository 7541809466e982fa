// Django's AdminPasswordChangeForm and UserAdmin.user_change_password: the
// fields' errors, every validator with the user's own attributes, the save
// through the ORM (signals) with the admin log's "Changed password.", and the
// change permission on users.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/admin/LogEntry.h"
#include "contrib/auth/MinimumLengthValidator.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Passwords.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "signals/ModelSignals.h"
#include "views/admin/AdminPasswordChangeForm.h"
#include <QtTest>

using namespace quango;

class TestAdminPasswordChangeForm : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    static const ModelMeta &meta(const char *label) { return Registry::instance().modelOrThrow(label); }
    static Model ann() { return UserService::getByNaturalKey("annabelle"); }
    static QString storedHash() { return ann().value("password").toString(); }
    static int logCount() { return int(LogEntry::meta().objects().count()); }
    AdminUser root() const { return AdminUser(UserService::getByNaturalKey("root")); }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000); // fast; the hasher suite covers 600000
        PasswordValidation::setValidators(PasswordValidation::defaultValidators());
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init()
    {
        m_db.resetTables();
        UserService::createSuperuser("root", "root@example.com", "Root-passw0rd-1");
        UserService::createUser("annabelle", "annabelle.smith@example.com", "Old-passw0rd-1",
                                {{"first_name", "Annabelle"}, {"last_name", "Smithson"}});
    }

    void labelsAndHelp()
    {
        AdminPasswordChangeForm form(ann(), root());
        QCOMPARE(AdminPasswordChangeForm::password1Label(), QString("Password"));
        QCOMPARE(AdminPasswordChangeForm::password2Label(), QString("Password (again)"));
        QCOMPARE(form.password1HelpText(), PasswordValidation::helpTexts().join('\n'));
        QVERIFY(form.password1HelpText().contains("at least 8 characters"));
        QCOMPARE(AdminPasswordChangeForm::changeMessage(), QString("[{\"changed\": {\"fields\": [\"password\"]}}]"));
    }

    void requiredFields()
    {
        AdminPasswordChangeForm form(ann(), root());
        QVERIFY(!form.isValid("", ""));
        QCOMPARE(form.fieldErrors("password1"), QStringList{"This field is required."});
        QCOMPARE(form.fieldErrors("password2"), QStringList{"This field is required."});
        // password1 missing: clean_password2 still validates password2, as in Django.
        QVERIFY(!form.isValid("", "1234"));
        QCOMPARE(form.fieldErrors("password1"), QStringList{"This field is required."});
        QVERIFY(form.fieldErrors("password2").contains("This password is entirely numeric."));
        QVERIFY(!form.save("New-passw0rd-9", ""));
        QCOMPARE(form.fieldErrors("password2"), QStringList{"This field is required."});
        QVERIFY(form.fieldErrors("password1").isEmpty());
    }

    void mismatch()
    {
        const QString before = storedHash();
        AdminPasswordChangeForm form(ann(), root());
        QVERIFY(!form.save("New-passw0rd-9", "New-passw0rd-8"));
        QCOMPARE(form.errors().keys(), QStringList{"password2"});
        QCOMPARE(form.fieldErrors("password2"), QStringList{QString::fromUtf8("The two password fields didn\u2019t match.")});
        QCOMPARE(storedHash(), before);
        QCOMPARE(logCount(), 0);
        // Passwords are taken as typed: a trailing space is a different password.
        QVERIFY(!form.isValid("New-passw0rd-9", "New-passw0rd-9 "));
        QCOMPARE(form.fieldErrors("password2"), QStringList{AdminPasswordChangeForm::mismatchMessage()});
    }

    // Each of Django's four default validators refuses one password, and the
    // form shows exactly that validator's messages under password2.
    void eachValidator_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expected");
        QTest::newRow("similar to the username") << "annabelle1" << "The password is too similar to the username.";
        QTest::newRow("similar to the last name") << "smithson!" << "The password is too similar to the last name.";
        QTest::newRow("similar to the email") << "smith@example.com" << "The password is too similar to the email address.";
        QTest::newRow("too short") << "Xq7#zk" << "This password is too short. It must contain at least 8 characters.";
        QTest::newRow("too common") << "qwertyuiop" << "This password is too common.";
        QTest::newRow("entirely numeric") << "8264917305" << "This password is entirely numeric.";
    }
    void eachValidator()
    {
        QFETCH(QString, password);
        QFETCH(QString, expected);
        const Model user = ann();
        QStringList fromValidators = PasswordValidation::passwordErrors(password, &user);
        QVERIFY(fromValidators.contains(expected));
        const QString before = storedHash();
        AdminPasswordChangeForm form(user, root());
        QVERIFY(!form.save(password, password));
        QCOMPARE(form.fieldErrors("password2"), fromValidators);
        QVERIFY(form.fieldErrors("password1").isEmpty());
        QCOMPARE(storedHash(), before);
        QCOMPARE(logCount(), 0);
    }

    void validatorsGiven()
    {
        AdminPasswordChangeForm strict(ann(), root(), {std::make_shared<MinimumLengthValidator>(20)});
        QVERIFY(!strict.isValid("New-passw0rd-9", "New-passw0rd-9"));
        QCOMPARE(strict.fieldErrors("password2"),
                 QStringList{"This password is too short. It must contain at least 20 characters."});
        QVERIFY(strict.isValid("a-much-longer-passphrase-9", "a-much-longer-passphrase-9"));
    }

    void success()
    {
        int saves = 0;
        QStringList updateFields{"not sent"};
        const QString key = signals::postSave.connect(
            [&](const void *, const Model &instance, const SaveInfo &info) {
                if (instance.value("username") == "annabelle") {
                    ++saves;
                    updateFields = info.updateFields;
                }
            },
            &meta("auth.User"));
        const QString before = storedHash();
        const Model stale = ann();
        // Someone edits another field after the form loaded the user: kept.
        meta("auth.User").objects().filter(Q("username", "annabelle")).update({{"first_name", "Anna"}});

        AdminPasswordChangeForm form(stale, root());
        const bool saved = form.save("Brand-new-Passw0rd", "Brand-new-Passw0rd");
        signals::postSave.disconnect(key);
        QVERIFY2(saved, qPrintable(QStringList(form.errors().keys()).join(", ")));
        QVERIFY(form.errors().isEmpty());
        QCOMPARE(saves, 1);                      // through Model::save, with its signals
        QVERIFY(updateFields.isEmpty());         // a full save, as Django's user.save()

        Model stored = ann();
        QVERIFY(stored.value("password").toString() != before);
        QVERIFY(stored.value("password").toString().startsWith("pbkdf2_sha256$1000$"));
        QVERIFY(Passwords::verifyPassword("Brand-new-Passw0rd", stored.value("password").toString()).correct);
        QVERIFY(!Passwords::verifyPassword("Old-passw0rd-1", stored.value("password").toString()).correct);
        QCOMPARE(stored.value("first_name").toString(), QString("Anna"));
        QCOMPARE(form.user().value("password"), stored.value("password"));

        const QList<Model> history = LogEntry::history(stored);
        QCOMPARE(history.size(), 1);
        const Model &entry = history.first();
        QCOMPARE(entry.value("action_flag").toInt(), int(LogEntry::Change));
        QCOMPARE(entry.value("change_message").toString(), QString("[{\"changed\": {\"fields\": [\"password\"]}}]"));
        QCOMPARE(LogEntry::changeMessageText(entry), QString("Changed password."));
        QCOMPARE(entry.value("user").toString(), root().id().toString());
        QCOMPARE(entry.value("object_repr").toString(), QString("annabelle"));
    }

    void permission()
    {
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, "default", 0);
        const QString before = storedHash();

        // Not logged in, staff without permissions, view only: refused, nothing written.
        Model clerk = UserService::createUser("clerk", "", "Clerk-passw0rd-1", {{"is_staff", true}});
        clerk.manyRelated("user_permissions").add(QList<Model>{Permissions::get("auth.view_user")});
        for (const AdminUser &admin : {AdminUser(), AdminUser(clerk)}) {
            AdminPasswordChangeForm form(ann(), admin);
            QVERIFY(!form.isPermitted());
            QVERIFY(!form.save("Brand-new-Passw0rd", "Brand-new-Passw0rd"));
            QCOMPARE(form.errors().keys(), QStringList{"__all__"});
            QVERIFY(form.nonFieldErrors().first().contains("auth.change_user"));
            QCOMPARE(form.nonFieldErrors().first(), form.permissionError());
        }
        QVERIFY(AdminPasswordChangeForm(ann(), AdminUser(clerk)).permissionError().contains("\u201cclerk\u201d"));
        QCOMPARE(storedHash(), before);
        QCOMPARE(logCount(), 0);

        // The change permission through a group is enough.
        const Model staffAdmins = meta("auth.Group").objects().create({{"name", "user admins"}});
        staffAdmins.manyRelated("permissions").add(QList<Model>{Permissions::get("auth.change_user")});
        clerk.manyRelated("groups").add(QList<Model>{staffAdmins});
        AdminPasswordChangeForm form(ann(), AdminUser(clerk));
        QVERIFY(form.isPermitted());
        QVERIFY(form.permissionError().isEmpty());
        QVERIFY(form.save("Brand-new-Passw0rd", "Brand-new-Passw0rd"));
        Model changed = ann();
        QVERIFY(UserService::checkPassword(changed, "Brand-new-Passw0rd"));
        QCOMPARE(LogEntry::history(ann()).first().value("user").toString(), clerk.pk().toString());
    }

    void userDeletedMeanwhile()
    {
        const Model user = ann();
        meta("auth.User").objects().filter(Q("username", "annabelle")).deleteRows();
        AdminPasswordChangeForm form(user, root());
        QVERIFY_THROWS_EXCEPTION(DoesNotExist, form.save("Brand-new-Passw0rd", "Brand-new-Passw0rd"));
        QCOMPARE(logCount(), 0);
    }
};

QTEST_MAIN(TestAdminPasswordChangeForm)
#include "tst_adminpasswordchangeform.moc"
