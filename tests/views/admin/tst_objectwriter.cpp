// The one write path of the admin (list page and record form): the user's
// permission checked first, then the object, its admin log entry and its
// field history in one transaction; without a user, unchecked and unlogged.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/admin/LogEntry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "contrib/history/FieldChange.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "views/admin/AdminUser.h"
#include "views/admin/ChangeListModel.h"
#include "views/admin/ObjectWriter.h"
#include <QSqlError>
#include <QtTest>

using namespace quango;

class TestObjectWriter : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    const ModelMeta *Author = nullptr, *Post = nullptr, *Tag = nullptr;
    Model m_ann, m_bob, m_qt, m_cpp;

    AdminUser staffWith(const QString &username, const QStringList &actions)
    {
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, QStringLiteral("default"), 0);
        Model user = UserService::createUser(username, "", "An-editor-passw0rd", {{"is_staff", true}});
        QList<Model> permissions;
        for (const QString &action : actions)
            permissions << Permissions::get("blog." + action + "_post");
        user.manyRelated("user_permissions").add(permissions);
        return AdminUser(user);
    }
    Model newPost(const QString &title)
    {
        Model post(Post);
        post.setValue("title", title);
        post.setValue("slug", title.toLower());
        post.setValue("author", m_ann.pk());
        return post;
    }
    // field name -> (old JSON or "<none>", new JSON or "<none>")
    QMap<QString, QPair<QString, QString>> changesOf(const Model &entry)
    {
        QMap<QString, QPair<QString, QString>> out;
        for (const Model &row : FieldChange::forEntry(entry.pk()))
            out.insert(row.value("field_name").toString(),
                       {row.value("old_value").isNull() ? "<none>" : row.value("old_value").toString(),
                        row.value("new_value").isNull() ? "<none>" : row.value("new_value").toString()});
        return out;
    }
    QList<Model> entries() { return LogEntry::meta().objects().orderBy({"id"}).list(); }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        Author = &Registry::instance().modelOrThrow("blog.Author");
        Post = &Registry::instance().modelOrThrow("blog.Post");
        Tag = &Registry::instance().modelOrThrow("blog.Tag");
    }
    void init()
    {
        m_db.resetTables();
        m_ann = Author->objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        m_bob = Author->objects().create({{"name", "Bob"}, {"email", "bob@example.com"}});
        m_qt = Tag->objects().create({{"name", "qt"}});
        m_cpp = Tag->objects().create({{"name", "cpp"}});
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void refusedWithoutThePermission()
    {
        const AdminUser viewer = staffWith("viewer", {"view"});
        const ObjectWriter writer(*Post, viewer);
        QVERIFY(writer.permits("view"));
        QVERIFY(!writer.permits("change"));
        Model post = newPost("Hello");
        try {
            writer.add(post);
            QFAIL("adding without blog.add_post must throw");
        } catch (const PermissionDenied &denied) {
            // Names the user, the action, the model and the permission to grant.
            QVERIFY2(denied.message().contains(QString::fromUtf8("\u201cviewer\u201d")), qPrintable(denied.message()));
            QVERIFY2(denied.message().contains("may not add posts"), qPrintable(denied.message()));
            QVERIFY2(denied.message().contains("blog.add_post"), qPrintable(denied.message()));
            QCOMPARE(denied.action(), QStringLiteral("add"));
            QCOMPARE(denied.permission(), QStringLiteral("blog.add_post"));
        }
        QVERIFY(post.isAdding());
        Model stored = Post->objects().create({{"title", "Stored"}, {"slug", "stored"}, {"author", m_ann.pk()}});
        const QVariantMap before = FieldChange::snapshot(stored);
        stored.setValue("title", "Changed");
        QVERIFY_THROWS_EXCEPTION(PermissionDenied, writer.change(stored, before, {"title"}));
        QVERIFY_THROWS_EXCEPTION(PermissionDenied, writer.remove(stored));
        QCOMPARE(Post->objects().get().value("title").toString(), QStringLiteral("Stored"));
        QCOMPARE(LogEntry::meta().objects().count(), 0);
        QCOMPARE(FieldChange::meta().objects().count(), 0);
    }

    void writesAreLoggedWithOldAndNewValues()
    {
        const AdminUser editor = staffWith("editor", {"view", "add", "change", "delete"});
        const ObjectWriter writer(*Post, editor);
        Model post = newPost("Hello");
        writer.add(post, [&](Model &saved) { saved.manyRelated("tags").set({m_cpp.pk(), m_qt.pk()}); });

        QList<Model> log = entries();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.at(0).value("action_flag").toInt(), int(LogEntry::Addition));
        QCOMPARE(log.at(0).value("user").toString(), editor.id().toString());
        auto changes = changesOf(log.at(0));
        // Every field's initial value, the ManyToMany set by `also` included.
        QCOMPARE(changes.value("title"), (QPair<QString, QString>{"<none>", "\"Hello\""}));
        QCOMPARE(changes.value("author"), (QPair<QString, QString>{"<none>", m_ann.pk().toString()}));
        QCOMPARE(changes.value("status"), (QPair<QString, QString>{"<none>", "\"draft\""}));
        QCOMPARE(changes.value("tags"), (QPair<QString, QString>{"<none>", "[1, 2]"}));
        QCOMPARE(changes.size(), Post->concreteFields().size() + Post->manyToManyFields().size());

        const QVariantMap before = FieldChange::snapshot(Post->objects().get(Q("pk", post.pk())));
        post.setValue("title", "Hi");
        post.setValue("author", m_bob.pk());
        writer.change(post, before, {"title", "author"});
        log = entries();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(1).value("change_message").toString(), QStringLiteral("[{\"changed\": {\"fields\": [\"Title\", \"Author\"]}}]"));
        changes = changesOf(log.at(1));
        QCOMPARE(changes.keys(), (QStringList{"author", "title"}));
        QCOMPARE(changes.value("title"), (QPair<QString, QString>{"\"Hello\"", "\"Hi\""}));
        QCOMPARE(changes.value("author"), (QPair<QString, QString>{m_ann.pk().toString(), m_bob.pk().toString()}));

        // A deletion keeps every last value: enough to create the row again with its pk.
        const QVariant pk = post.pk();
        const DeleteResult result = writer.remove(post);
        QCOMPARE(result.total, 3); // the post and its two tag links
        QVERIFY(!Post->objects().filter(Q("pk", pk)).exists());
        log = entries();
        QCOMPARE(log.size(), 3);
        QCOMPARE(log.at(2).value("action_flag").toInt(), int(LogEntry::Deletion));
        QCOMPARE(log.at(2).value("object_repr").toString(), QStringLiteral("Hi"));
        Model again(Post);
        QVariantList tags;
        for (const Model &row : FieldChange::forEntry(log.at(2).pk())) {
            QVERIFY(row.value("new_value").isNull());
            const Field *field = Post->field(row.value("field_name").toString());
            const QVariant value = FieldChange::decodeValue(field, row.value("old_value").toString());
            if (field->isConcrete())
                again.setValue(field->name(), value);
            else
                tags = value.toList();
        }
        QCOMPARE(again.pk().toString(), pk.toString());
        again.save();
        again.manyRelated("tags").set(tags);
        const Model restored = Post->objects().get(Q("pk", pk));
        QCOMPARE(restored.value("title").toString(), QStringLiteral("Hi"));
        QCOMPARE(restored.related("author").str(), QStringLiteral("Bob"));
        QCOMPARE(restored.manyRelated("tags").pks().size(), 2);
    }

    void oneTransactionAndNoLogWithoutAUser()
    {
        const AdminUser editor = staffWith("editor", {"add"});
        Model post = newPost("Hello");
        // A failing write after the save rolls the object and its log back.
        QVERIFY_THROWS_EXCEPTION(ValidationError, ObjectWriter(*Post, editor).add(post, [](Model &) {
            throw ValidationError(QStringLiteral("The tags could not be set."));
        }));
        QCOMPARE(Post->objects().count(), 0);
        QCOMPARE(LogEntry::meta().objects().count(), 0);
        QCOMPARE(FieldChange::meta().objects().count(), 0);

        // Nobody logged in (no auth app): written, nothing to check or log.
        Model other = newPost("Other");
        ObjectWriter(*Post, AdminUser()).add(other);
        QCOMPARE(Post->objects().count(), 1);
        QCOMPARE(LogEntry::meta().objects().count(), 0);
    }

    void passwordHashesAreNotCopied()
    {
        const AdminUser boss(UserService::createSuperuser("boss", "boss@example.com", "pw-Admin-12345"));
        const ModelMeta &user = UserService::userMeta();
        Model ann(&user);
        ann.setValue("username", "ann");
        ann.setValue("password", "pbkdf2_sha256$1000$salt$hash");
        ObjectWriter(user, boss).add(ann);
        const QList<Model> log = entries();
        QCOMPARE(log.size(), 1);
        const auto changes = changesOf(log.at(0));
        QCOMPARE(changes.value("username").second, QStringLiteral("\"ann\""));
        QVERIFY(!changes.contains("password"));
        ObjectWriter(user, boss).remove(ann);
        QVERIFY(!changesOf(entries().last()).contains("password"));
        QVERIFY(changesOf(entries().last()).contains("username"));
    }

    void theListPageWritesThroughIt()
    {
        const AdminUser editor = staffWith("editor", {"view", "change"});
        Post->objects().create({{"title", "Alpha"}, {"slug", "alpha"}, {"author", m_ann.pk()}, {"views", 10}});
        ChangeListModel model(*Post, ModelAdmin{.listDisplay = {"title", "views"}}.withDefaults(*Post));
        model.setUser(editor);
        QVERIFY(model.select());
        QVERIFY2(model.setData(model.index(0, 1), 99), qPrintable(model.lastError().text()));
        const QList<Model> log = entries();
        QCOMPARE(log.size(), 1);
        QCOMPARE(changesOf(log.at(0)), (QMap<QString, QPair<QString, QString>>{{"views", {"10", "99"}}}));
        // Refused the same way, with the same message.
        QVERIFY(!model.removeRows(0, 1));
        QVERIFY2(model.lastError().text().contains(ObjectWriter(*Post, editor).denied("delete").message()), qPrintable(model.lastError().text()));
    }
};

QTEST_MAIN(TestObjectWriter)
#include "tst_objectwriter.moc"
