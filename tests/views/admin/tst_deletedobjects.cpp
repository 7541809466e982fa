// Django admin's get_deleted_objects on the blog demo: the cascade as a tree
// (Author -> Posts -> Comments), the counts per model, what PROTECT blocks
// (listed, not thrown) and the models a user may not delete (perms_needed).
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/AppConfig.h"
#include "apps/Registry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "orm/RelatedField.h"
#include "orm/fields/CharField.h"
#include "views/admin/AdminUser.h"
#include "views/admin/DeletedObjects.h"
#include <QtTest>

using namespace quango;

namespace {
// The demo apps have no PROTECT foreign key: a model of this suite's own.
class PinApp : public AppConfig {
public:
    PinApp() : AppConfig(QStringLiteral("pintest"))
    {
        auto *pin = addModel(QStringLiteral("Pin"), {
            ForeignKey(QStringLiteral("post"), QStringLiteral("blog.Post"), OnDelete::Protect, {.relatedName = QStringLiteral("pins")}),
            CharField(QStringLiteral("note"), 50),
        });
        pin->setStr([](const Model &m) { return QStringLiteral("pinned: %1").arg(m.value(QStringLiteral("note")).toString()); });
    }
};

// The tree as indented lines, children sorted (posts share a creation time,
// so their Meta ordering -created leaves ties in any order).
void flatten(const QList<DeletedObjects::Node> &nodes, int depth, QStringList &out)
{
    QList<DeletedObjects::Node> sorted = nodes;
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.text < b.text; });
    for (const DeletedObjects::Node &node : sorted) {
        out << QString(depth * 2, QLatin1Char(' ')) + node.text;
        flatten(node.children, depth + 1, out);
    }
}
QStringList lines(const DeletedObjects &deleted)
{
    QStringList out;
    flatten(deleted.tree(), 0, out);
    return out;
}
} // namespace

class TestDeletedObjects : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    const ModelMeta *Author = nullptr, *Post = nullptr, *Comment = nullptr, *Tag = nullptr, *Pin = nullptr;
    Model m_ann, m_bob, m_alpha, m_bravo, m_charlie;

    Model post(const QString &title, const Model &author)
    {
        return Post->objects().create({{"title", title}, {"slug", title.toLower()}, {"author", author.pk()}});
    }
    void comment(const Model &post, const QString &who)
    {
        Comment->objects().create({{"post", post.pk()}, {"author_name", who}, {"body", "text"}});
    }
    AdminUser staffWith(const QStringList &permissions)
    {
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, QStringLiteral("default"), 0);
        Model user = UserService::createUser("editor", "", "An-editor-passw0rd", {{"is_staff", true}});
        QList<Model> granted;
        for (const QString &name : permissions)
            granted << Permissions::get(name);
        user.manyRelated("user_permissions").add(granted);
        return AdminUser(user);
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        if (!Registry::instance().app("pintest"))
            Registry::instance().addApp(std::make_shared<PinApp>());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        Author = &Registry::instance().modelOrThrow("blog.Author");
        Post = &Registry::instance().modelOrThrow("blog.Post");
        Comment = &Registry::instance().modelOrThrow("blog.Comment");
        Tag = &Registry::instance().modelOrThrow("blog.Tag");
        Pin = &Registry::instance().modelOrThrow("pintest.Pin");
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void init()
    {
        m_db.resetTables();
        m_ann = Author->objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        m_bob = Author->objects().create({{"name", "Bob"}, {"email", "bob@example.com"}});
        m_alpha = post("Alpha", m_ann);
        m_bravo = post("Bravo", m_ann);
        m_charlie = post("Charlie", m_bob);
        comment(m_alpha, "Zoe");
        comment(m_alpha, "Yan");
        comment(m_bravo, "Xia");
        comment(m_charlie, "Wes");
        const Model tag = Tag->objects().create({{"name", "news"}});
        m_alpha.manyRelated("tags").add(QVariantList{tag.pk()});
    }

    void cascadeTreeAndCounts()
    {
        const DeletedObjects deleted = DeletedObjects::collect({m_ann});
        QCOMPARE(lines(deleted), (QStringList{
            "Author: Ann",
            "  Post: Alpha",
            "    Comment: Comment by Yan",
            "    Comment: Comment by Zoe",
            "  Post: Bravo",
            "    Comment: Comment by Xia",
        }));
        QCOMPARE(deleted.summary(), QStringLiteral("Authors: 1, Posts: 2, Comments: 3"));
        QCOMPARE(deleted.total(), 6);
        QVERIFY(deleted.protectedObjects().isEmpty());
        QVERIFY(deleted.permissionsNeeded().isEmpty());
        QVERIFY(deleted.canDelete());
        QCOMPARE(Comment->objects().count(), 4); // a dry run
        QCOMPARE(Author->objects().count(), 2);
    }

    void severalObjectsEachOnce()
    {
        // Ann's Alpha is both chosen and reached from Ann: shown once, under Ann.
        const DeletedObjects deleted = DeletedObjects::collect({m_ann, m_alpha, m_charlie});
        QCOMPARE(lines(deleted), (QStringList{
            "Author: Ann",
            "  Post: Bravo",
            "    Comment: Comment by Xia",
            "Post: Alpha",
            "  Comment: Comment by Yan",
            "  Comment: Comment by Zoe",
            "Post: Charlie",
            "  Comment: Comment by Wes",
        }));
        QCOMPARE(deleted.summary(), QStringLiteral("Authors: 1, Posts: 3, Comments: 4"));
    }

    void protectIsListedNotThrown()
    {
        Pin->objects().create({{"post", m_bravo.pk()}, {"note", "top"}});
        Pin->objects().create({{"post", m_bravo.pk()}, {"note", "again"}});
        const DeletedObjects deleted = DeletedObjects::collect({m_ann});
        QCOMPARE(deleted.protectedObjects(), (QStringList{"Pin: pinned: top", "Pin: pinned: again"}));
        QVERIFY(!deleted.canDelete());
        // What would go is still shown, as Django's page does.
        QCOMPARE(deleted.summary(), QStringLiteral("Authors: 1, Posts: 2, Comments: 3"));
        // Bob's posts are not pinned.
        QVERIFY(DeletedObjects::collect({m_bob}).canDelete());
    }

    void permissionsNeeded()
    {
        QVERIFY(DeletedObjects::collect({m_ann}, AdminUser()).permissionsNeeded().isEmpty()); // nobody logged in: no checks
        const AdminUser editor = staffWith({"blog.delete_author", "blog.delete_post"});
        DeletedObjects deleted = DeletedObjects::collect({m_ann}, editor);
        QCOMPARE(deleted.permissionsNeeded(), QStringList{"comment"});
        QVERIFY(!deleted.canDelete());
        // Bravo without comments needs nothing more.
        Comment->objects().filter(Q("post", m_bravo.pk())).deleteRows();
        QVERIFY(DeletedObjects::collect({m_bravo}, editor).canDelete());
        const Model root = UserService::createSuperuser("root", "root@example.com", "A-root-passw0rd");
        QVERIFY(DeletedObjects::collect({m_ann}, AdminUser(root)).canDelete());
    }
};

QTEST_MAIN(TestDeletedObjects)
#include "tst_deletedobjects.moc"
