// post_migrate: content types for every model, default permissions
// add/change/delete/view plus Meta permissions, created once.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/Permissions.h"
#include "contrib/contenttypes/ContentTypes.h"
#include "db/Connection.h"
#include "migrations/MigrationExecutor.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/fields/CharField.h"
#include <QtTest>

using namespace quango;

namespace {
// An app whose models have Meta permissions and their own default ones.
class ShopApp : public AppConfig {
public:
    ShopApp() : AppConfig("shop")
    {
        addModel("Order", {CharField("number", 20)},
                 {.verboseName = "purchase order", .permissions = {{"ship_order", "Can ship orders"}, {"refund_order", "Can refund orders"}}});
        addModel("Report", {CharField("title", 20)}, {.permissions = {{"export_report", "Can export reports"}}, .defaultPermissions = {"view"}});
    }
};
} // namespace

class TestPermissions : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;

    static QStringList codenames(const QString &appLabel)
    {
        QStringList out;
        for (const QVariant &v : Registry::instance().modelOrThrow("auth.Permission").objects()
                                     .filter(Q("content_type__app_label", appLabel)).valuesListFlat("codename"))
            out << v.toString();
        out.sort();
        return out;
    }
    static void postMigrate() { MigrationExecutor(Connection::get(), Registry::instance()).sendPostMigrate(0); }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().addApp(std::make_shared<ShopApp>());
        m_db.setUp();
        m_db.createTables();
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init() { m_db.resetTables(); }

    void defaultAndMetaPermissions()
    {
        const QList<Permission> order = Permissions::allPermissions(*Registry::instance().model("shop.Order"));
        QCOMPARE(order.size(), 6);
        QCOMPARE(order.at(0).codename, QString("add_order"));
        QCOMPARE(order.at(0).name, QString("Can add purchase order"));
        QCOMPARE(order.at(3).codename, QString("view_order"));
        QCOMPARE(order.at(4).codename, QString("ship_order"));
    }

    void postMigrateCreatesContentTypesAndPermissions()
    {
        postMigrate();
        const ModelMeta &ct = Registry::instance().modelOrThrow("contenttypes.ContentType");
        // One content type per installed model.
        QCOMPARE(ct.objects().count(), qint64(Registry::instance().models().size()));
        QVERIFY(ct.objects().filter(Q({{"app_label", "auth"}, {"model", "user"}})).exists());
        QVERIFY(ct.objects().filter(Q({{"app_label", "blog"}, {"model", "post"}})).exists());
        QCOMPARE(codenames("blog"), (QStringList{"add_author", "add_comment", "add_post", "add_tag", "change_author", "change_comment",
                                                 "change_post", "change_tag", "delete_author", "delete_comment", "delete_post",
                                                 "delete_tag", "view_author", "view_comment", "view_post", "view_tag"}));
        QCOMPARE(codenames("shop"), (QStringList{"add_order", "change_order", "delete_order", "export_report", "refund_order",
                                                 "ship_order", "view_order", "view_report"}));
        const Model perm = Permissions::get("auth.change_user");
        QCOMPARE(perm.value("name").toString(), QString("Can change user"));
        QCOMPARE(perm.str(), QString("Authentication and Authorization | user | Can change user"));
        QCOMPARE(Permissions::get("shop.ship_order").value("name").toString(), QString("Can ship orders"));
        QVERIFY_THROWS_EXCEPTION(DoesNotExist, Permissions::get("shop.fly_order"));
        QVERIFY_THROWS_EXCEPTION(DoesNotExist, Permissions::get("nodot"));

        // Idempotent: a second migrate adds nothing.
        const qint64 permissions = Registry::instance().modelOrThrow("auth.Permission").objects().count();
        const qint64 types = ct.objects().count();
        postMigrate();
        QCOMPARE(Registry::instance().modelOrThrow("auth.Permission").objects().count(), permissions);
        QCOMPARE(ct.objects().count(), types);
        QCOMPARE(Permissions::createPermissions(*Registry::instance().app("blog")), 0);

        // A permission deleted by hand comes back; the others stay as they are.
        Registry::instance().modelOrThrow("auth.Permission").objects().filter(Q("codename", "ship_order")).deleteRows();
        QCOMPARE(Permissions::createPermissions(*Registry::instance().app("shop")), 1);
    }

    void contentTypeLookups()
    {
        const ModelMeta &post = Registry::instance().modelOrThrow("blog.Post");
        const Model ct = ContentTypes::getForModel(post); // made on first use
        QCOMPARE(ct.value("app_label").toString(), QString("blog"));
        QCOMPARE(ct.value("model").toString(), QString("post"));
        QCOMPARE(ContentTypes::getForModel(post).pk(), ct.pk());
        QCOMPARE(ContentTypes::modelClass(ct), &post);
        QCOMPARE(ct.str(), QString("Blog | post"));
        QCOMPARE(ContentTypes::getForId(ct.pk()).pk(), ct.pk());
        // A stale row (model gone) shows its model name.
        const Model stale = ContentTypes::meta().objects().create({{"app_label", "gone"}, {"model", "ghost"}});
        QVERIFY(!ContentTypes::modelClass(stale));
        QCOMPARE(stale.str(), QString("ghost"));
        QVERIFY_THROWS_EXCEPTION(IntegrityError, ContentTypes::meta().objects().create({{"app_label", "gone"}, {"model", "ghost"}}));
    }
};

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
