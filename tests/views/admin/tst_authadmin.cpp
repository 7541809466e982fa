// django.contrib.auth.admin's UserAdmin and GroupAdmin as ModelAdmin options:
// they pass the admin checks, and the users' list filters, searches and sorts
// as Django's does; the record form keeps the hash read-only.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/UserService.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "views/admin/AdminSite.h"
#include "views/admin/AuthAdmin.h"
#include "views/admin/ChangeListModel.h"
#include "views/admin/ModelForm.h"
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
        QVERIFY(form.formField("password")->readOnly);
        QCOMPARE(form.formField("password")->fieldset, QString());
        QCOMPARE(form.formField("groups")->fieldset, QString("Permissions"));
        const Model zoe = UserService::getByNaturalKey("zoe");
        form.load(zoe.pk());
        const QString hash = zoe.value("password").toString();
        // A value given for the password is not bound: the hash stays as stored.
        QVERIFY(form.save({{"username", "zoe2"}, {"password", "plain-text"}}));
        const Model saved = UserService::getByNaturalKey("zoe2");
        QCOMPARE(saved.value("password").toString(), hash);
    }
};

QTEST_MAIN(TestAuthAdmin)
#include "tst_authadmin.moc"
