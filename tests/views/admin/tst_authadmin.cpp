// django.contrib.auth.admin's UserAdmin and GroupAdmin as ModelAdmin options:
// they pass the admin checks, and the users' list filters, searches and sorts
// as Django's does; the record form keeps the hash read-only; the add form is
// Django's UserCreationForm (add_fieldsets with two password inputs, their
// errors, the hash saved through ObjectWriter and kept out of the history).
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/AppConfig.h"
#include "apps/Registry.h"
#include "contrib/admin/LogEntry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/PasswordValidation.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "contrib/history/FieldChange.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "views/admin/AdminSite.h"
#include "views/admin/AuthAdmin.h"
#include "views/admin/ChangeListModel.h"
#include "views/admin/ModelForm.h"
#include "views/admin/PermissionDenied.h"
#include "views/admin/SetPasswordMixin.h"
#include <QSqlError>
#include <QtTest>

using namespace quango;

class TestAuthAdmin : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    static const ModelMeta &meta(const char *label) { return Registry::instance().modelOrThrow(label); }

    static QStringList column(const ChangeListModel &model, int column)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out << model.data(model.index(row, column)).toString();
        return out;
    }
    static int filterIndex(const ChangeListModel &model, const QString &path)
    {
        for (int i = 0; i < model.listFilters().size(); ++i)
            if (model.listFilters().at(i).path() == path)
                return i;
        return -1;
    }
    static int choiceIndex(const ChangeListModel &model, int filter, const QString &label)
    {
        const QList<ListFilter::Choice> &choices = model.listFilters().at(filter).choices();
        for (int i = 0; i < choices.size(); ++i)
            if (choices.at(i).label == label)
                return i;
        return -1;
    }

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
        UserService::createUser("zoe", "zoe@example.com", "Zoe-passw0rd-1", {{"first_name", "Zoe"}, {"last_name", "Smith"}, {"is_staff", true}});
        UserService::createUser("adam", "adam@shop.example", "Adam-passw0rd-1", {{"first_name", "Adam"}, {"last_name", "Jones"}});
        UserService::createUser("mia", "mia.smithers@example.com", "Mia-passw0rd-1", {{"first_name", "Mia"}, {"last_name", "Brown"}, {"is_active", false}});
        UserService::createSuperuser("root", "root@example.com", "Root-passw0rd-1");
    }

    void optionsPassTheChecks()
    {
        const ModelAdmin user = AuthAdmin::userAdmin();
        user.check(meta("auth.User"));
        AuthAdmin::groupAdmin().check(meta("auth.Group"));
        QCOMPARE(user.listDisplay, QStringList({"username", "email", "first_name", "last_name", "is_staff"}));
        QCOMPARE(user.listFilter, QStringList({"is_staff", "is_superuser", "is_active"}));
        QCOMPARE(user.searchFields, QStringList({"username", "first_name", "last_name", "email"}));
        QCOMPARE(user.ordering, QStringList{"username"});
        QCOMPARE(user.readonlyFields, QStringList{"password"});
        QCOMPARE(user.fieldsets.size(), 4);
        QVERIFY(user.fieldsets.at(0).name.isEmpty());
        QCOMPARE(user.fieldsets.at(0).fields, QStringList({"username", "password"}));
        QCOMPARE(user.fieldsets.at(1).name, QString("Personal info"));
        QCOMPARE(user.fieldsets.at(1).fields, QStringList({"first_name", "last_name", "email"}));
        QCOMPARE(user.fieldsets.at(2).name, QString("Permissions"));
        QCOMPARE(user.fieldsets.at(2).fields, QStringList({"is_active", "is_staff", "is_superuser", "groups", "user_permissions"}));
        QCOMPARE(user.fieldsets.at(3).name, QString("Important dates"));
        QCOMPARE(user.fieldsets.at(3).fields, QStringList({"last_login", "date_joined"}));
        QCOMPARE(AuthAdmin::groupAdmin().searchFields, QStringList{"name"});
        QCOMPARE(AuthAdmin::groupAdmin().ordering, QStringList{"name"});

        // Django's list_filter also has "groups"; a ManyToMany filter does not
        // exist here, and the check says so rather than failing later.
        ModelAdmin withGroups = user;
        withGroups.listFilter << "groups";
        QVERIFY_THROWS_EXCEPTION(ImproperlyConfigured, withGroups.check(meta("auth.User")));
    }

    void registeredOnTheSite()
    {
        AdminSite site(Registry::instance());
        AuthAdmin::registerOn(site);
        QVERIFY(site.isRegistered("auth.User"));
        QVERIFY(site.isRegistered("auth.Group"));
        QVERIFY(!site.isRegistered("auth.Permission")); // Django registers no PermissionAdmin
        const ModelAdmin user = site.modelAdmin(meta("auth.User"));
        QCOMPARE(user.listDisplayLinks, QStringList{"username"});
        QCOMPARE(user.fieldsets.size(), 4);
        QCOMPARE(site.modelAdmin(meta("auth.Group")).listDisplay, QStringList{"__str__"});
    }

    void usersList()
    {
        AdminSite site(Registry::instance());
        AuthAdmin::registerOn(site);
        ChangeListModel model(meta("auth.User"), site.modelAdmin(meta("auth.User")));
        QVERIFY2(model.select(), qPrintable(model.lastError().text()));
        QCOMPARE(model.columnCount(), 5);
        QCOMPARE(column(model, 0), QStringList({"adam", "mia", "root", "zoe"})); // ordering: username
        QCOMPARE(column(model, 1), QStringList({"adam@shop.example", "mia.smithers@example.com", "root@example.com", "zoe@example.com"}));

        // search_fields: username, first_name, last_name, email, each icontains.
        model.setSearchText("smith");            // zoe by last name, mia by email
        QCOMPARE(column(model, 0), QStringList({"mia", "zoe"}));
        model.setSearchText("ADAM");             // username and first name, once
        QCOMPARE(column(model, 0), QStringList{"adam"});
        model.setSearchText("shop.example");
        QCOMPARE(column(model, 0), QStringList{"adam"});
        model.setSearchText("nobody");
        QCOMPARE(model.rowCount(), 0);
        model.setSearchText(QString());

        QCOMPARE(model.listFilters().size(), 3);
        const int staff = filterIndex(model, "is_staff");
        const int active = filterIndex(model, "is_active");
        const int superuser = filterIndex(model, "is_superuser");
        QVERIFY(staff >= 0 && active >= 0 && superuser >= 0);
        QCOMPARE(model.listFilters().at(staff).title(), QString("staff status"));
        model.setFilterChoice(staff, choiceIndex(model, staff, "Yes"));
        QCOMPARE(column(model, 0), QStringList({"root", "zoe"}));
        model.setFilterChoice(superuser, choiceIndex(model, superuser, "No"));
        QCOMPARE(column(model, 0), QStringList{"zoe"});
        model.clearFilters();
        model.setFilterChoice(active, choiceIndex(model, active, "No"));
        QCOMPARE(column(model, 0), QStringList{"mia"});
        model.setSearchText("smith");            // search and filters together
        QCOMPARE(column(model, 0), QStringList{"mia"});
        model.clearFilters();
        model.setSearchText(QString());
        QCOMPARE(model.totalCount(), 4);

        model.sort(0, Qt::DescendingOrder);      // a header click overrides the ordering
        QCOMPARE(column(model, 0), QStringList({"zoe", "root", "mia", "adam"}));
    }

    void groupsList()
    {
        AdminSite site(Registry::instance());
        AuthAdmin::registerOn(site);
        for (const char *name : {"editors", "admins", "support"})
            meta("auth.Group").objects().create({{"name", name}});
        ChangeListModel model(meta("auth.Group"), site.modelAdmin(meta("auth.Group")));
        QVERIFY2(model.select(), qPrintable(model.lastError().text()));
        QCOMPARE(column(model, 0), QStringList({"admins", "editors", "support"}));
        model.setSearchText("OR");
        QCOMPARE(column(model, 0), QStringList({"editors", "support"}));
    }

    void recordFormKeepsTheHashReadOnly()
    {
        ModelForm form(meta("auth.User"), AuthAdmin::userAdmin());
        const Model zoe = UserService::getByNaturalKey("zoe");
        form.load(zoe.pk());
        QVERIFY(form.formField("password")->readOnly);
        QCOMPARE(form.formField("password")->fieldset, QString());
        QCOMPARE(form.formField("groups")->fieldset, QString("Permissions"));
        const QString hash = zoe.value("password").toString();
        // A value given for the password is not bound: the hash stays as stored.
        QVERIFY(form.save({{"username", "zoe2"}, {"password", "plain-text"}}));
        const Model saved = UserService::getByNaturalKey("zoe2");
        QCOMPARE(saved.value("password").toString(), hash);
    }

    // Django's add_fieldsets: exactly username and the two password inputs,
    // which are no model fields; after the first save the form is the
    // user's change form, and loadNew() goes back to the add form.
    void addFormFields()
    {
        ModelForm form(meta("auth.User"), AuthAdmin::userAdmin());
        QVERIFY(form.isAdding());
        QStringList names;
        for (const FormField &f : form.fields())
            names << f.name;
        QCOMPARE(names, QStringList({"username", "password1", "password2"}));
        const FormField *password1 = form.formField("password1");
        QVERIFY(password1->password && !password1->field && password1->required && !password1->readOnly);
        QCOMPARE(password1->label, QString("Password"));
        QCOMPARE(password1->helpText, PasswordValidation::helpTexts().join('\n'));
        QCOMPARE(form.formField("password2")->label, QString("Password (again)"));
        QCOMPARE(form.formField("password2")->helpText, QString("Enter the same password as before, for verification."));
        QVERIFY(!form.formField("password"));       // no read-only "No password set." on the add form
        QVERIFY(!form.formField("username")->password);

        form.load(UserService::getByNaturalKey("zoe").pk());
        QVERIFY(!form.formField("password1"));
        QVERIFY(form.formField("password")->readOnly);
        form.loadNew();
        QVERIFY(form.formField("password1"));
    }

    void addFormChecks()
    {
        ModelAdmin admin = AuthAdmin::userAdmin();
        admin.addFieldsets = {{{}, {"username", "password1"}, {}, {}}};
        QVERIFY_THROWS_EXCEPTION(ImproperlyConfigured, admin.check(meta("auth.User"))); // password2 missing
        admin = AuthAdmin::userAdmin();
        admin.addFormSetsPassword = false;                                              // password1 is no field then
        QVERIFY_THROWS_EXCEPTION(ImproperlyConfigured, admin.check(meta("auth.User")));
        ModelAdmin group = AuthAdmin::groupAdmin();
        group.addFieldsets = {{{}, {"name", "password1", "password2"}, {}, {}}};
        group.addFormSetsPassword = true;                                               // a group has no password field
        try {
            group.check(meta("auth.Group"));
            QFAIL("a model without a password field was accepted");
        } catch (const ImproperlyConfigured &error) {
            QVERIFY2(error.message().contains("'password' field"), qPrintable(error.message()));
        }
    }

    void addUserPasswordsMismatch()
    {
        const qint64 users = meta("auth.User").objects().count();
        ModelForm form(meta("auth.User"), AuthAdmin::userAdmin());
        form.setUser(AdminUser(UserService::getByNaturalKey("root")));
        QVERIFY(!form.save({{"username", "newbie"}, {"password1", "Brand-new-Passw0rd"}, {"password2", "Brand-new-Passw0rd-typo"}}));
        QCOMPARE(form.errors().keys(), QStringList{"password2"});
        QCOMPARE(form.fieldErrors("password2"), QStringList{QString::fromUtf8("The two password fields didn\u2019t match.")});
        QVERIFY(form.isAdding());
        QCOMPARE(meta("auth.User").objects().count(), users);
        QCOMPARE(LogEntry::meta().objects().count(), 0);

        // Both missing: required, each beside its own input.
        QVERIFY(!form.save({{"username", "newbie"}, {"password1", ""}, {"password2", ""}}));
        QCOMPARE(form.fieldErrors("password1"), QStringList{SetPasswordMixin::requiredMessage()});
        QCOMPARE(form.fieldErrors("password2"), QStringList{SetPasswordMixin::requiredMessage()});
        // A taken username and a mismatch are reported together, as Django's form does.
        QVERIFY(!form.save({{"username", "zoe"}, {"password1", "Brand-new-Passw0rd"}, {"password2", "other"}}));
        QVERIFY2(form.fieldErrors("username").join(' ').contains("already exists"), qPrintable(form.fieldErrors("username").join(' ')));
        QCOMPARE(form.fieldErrors("password2"), QStringList{SetPasswordMixin::mismatchMessage()});
        QCOMPARE(meta("auth.User").objects().count(), users);
    }

    // The validators see the new user's own attributes as bound: the typed
    // username, not the empty one of a blank instance.
    void addUserValidatorFailure_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("expected");
        QTest::newRow("similar to the typed username") << "annabelle" << "annabelle1" << "The password is too similar to the username.";
        QTest::newRow("too short") << "newbie" << "Xq7#zk" << "This password is too short. It must contain at least 8 characters.";
        QTest::newRow("too common") << "newbie" << "qwertyuiop" << "This password is too common.";
        QTest::newRow("entirely numeric") << "newbie" << "8264917305" << "This password is entirely numeric.";
    }
    void addUserValidatorFailure()
    {
        QFETCH(QString, username);
        QFETCH(QString, password);
        QFETCH(QString, expected);
        const qint64 users = meta("auth.User").objects().count();
        ModelForm form(meta("auth.User"), AuthAdmin::userAdmin());
        form.setUser(AdminUser(UserService::getByNaturalKey("root")));
        QVERIFY(!form.save({{"username", username}, {"password1", password}, {"password2", password}}));
        QCOMPARE(form.errors().keys(), QStringList{"password2"});
        QVERIFY2(form.fieldErrors("password2").contains(expected), qPrintable(form.fieldErrors("password2").join('|')));
        QCOMPARE(meta("auth.User").objects().count(), users);
        QCOMPARE(LogEntry::meta().objects().count(), 0);
    }

    // Saved through ObjectWriter: the hash of password1 (which checks), an
    // addition in the admin log for the admin, and a history of the
    // addition's values without the hash or the typed password.
    void addUserSuccess()
    {
        QVERIFY(FieldChange::isInstalled());
        const AdminUser root(UserService::getByNaturalKey("root"));
        ModelForm form(meta("auth.User"), AuthAdmin::userAdmin());
        form.setUser(root);
        const QString password = "Brand-new-Passw0rd";
        QVERIFY2(form.save({{"username", "newbie"}, {"password1", password}, {"password2", password}}),
                 qPrintable(form.errors().keys().join(',')));
        QVERIFY(!form.isAdding());
        QVERIFY(form.formField("password") && form.formField("password")->readOnly); // now the change form
        QVERIFY(!form.formField("password1"));

        Model newbie = UserService::getByNaturalKey("newbie");
        const QString hash = newbie.value("password").toString();
        QVERIFY2(hash.startsWith("pbkdf2_sha256$1000$"), qPrintable(hash));
        QVERIFY(UserService::checkPassword(newbie, password));
        QVERIFY(!UserService::checkPassword(newbie, "Brand-new-Passw0rd-typo"));
        QCOMPARE(form.instance().value("password").toString(), hash);

        const QList<Model> log = LogEntry::history(newbie);
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().value("action_flag").toInt(), int(LogEntry::Addition));
        QCOMPARE(log.first().value("user").toString(), root.id().toString());
        QCOMPARE(LogEntry::changeMessageText(log.first()), QString("Added."));
        const QList<Model> changes = FieldChange::forEntry(log.first().pk());
        QStringList fields;
        for (const Model &change : changes) {
            fields << change.value("field_name").toString();
            const QString values = FieldChange::str(change);
            QVERIFY2(!values.contains(hash) && !values.contains(password), qPrintable(values));
        }
        QVERIFY(fields.contains("username"));
        QVERIFY(!fields.contains("password"));

        // The next save of the same form is a change, with no password inputs to fill.
        QVERIFY(form.save({{"username", "newbie"}, {"first_name", "New"}}));
        QCOMPARE(UserService::getByNaturalKey("newbie").value("password").toString(), hash);
        QCOMPARE(LogEntry::history(newbie).last().value("action_flag").toInt(), int(LogEntry::Change));
    }

    void addUserWithoutAddPermission()
    {
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, QStringLiteral("default"), 0);
        Model clerk = UserService::createUser("clerk", "", "Clerk-passw0rd-1", {{"is_staff", true}});
        clerk.manyRelated("user_permissions").add(QList<Model>{Permissions::get("auth.view_user"), Permissions::get("auth.change_user")});
        const qint64 users = meta("auth.User").objects().count();
        ModelForm form(meta("auth.User"), AuthAdmin::userAdmin());
        form.setUser(AdminUser(clerk));
        QVERIFY(!form.hasPermission("add"));
        try {
            form.save({{"username", "newbie"}, {"password1", "Brand-new-Passw0rd"}, {"password2", "Brand-new-Passw0rd"}});
            QFAIL("saved without the add permission");
        } catch (const PermissionDenied &denied) {
            QVERIFY2(denied.message().contains("auth.add_user"), qPrintable(denied.message()));
        }
        QCOMPARE(meta("auth.User").objects().count(), users);
        QCOMPARE(LogEntry::meta().objects().count(), 0);
    }
};

QTEST_MAIN(TestAuthAdmin)
#include "tst_authadmin.moc"
