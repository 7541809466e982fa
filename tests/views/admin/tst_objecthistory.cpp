// An object's history from the admin log with the old and new values kept
// beside it, shown as text (ForeignKeys by str, choices by label), and
// "revert this change": through the ModelForm (permissions, validation,
// optimistic check), logged as a new change that can itself be reverted, and
// refused when a field of the change has changed again since.
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
#include "views/admin/ModelForm.h"
#include "views/admin/ObjectHistory.h"
#include "views/admin/ObjectWriter.h"
#include "views/admin/RevertConflict.h"
#include <QtTest>

using namespace quango;

class TestObjectHistory : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    const ModelMeta *Author = nullptr, *Post = nullptr, *Tag = nullptr;
    Model m_ann, m_bob, m_qt, m_cpp;
    AdminUser m_editor;

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
    // Edits the post through the record form as the editor.
    void edit(const QVariant &pk, const QVariantMap &changes)
    {
        ModelForm form(*Post, ModelAdmin{});
        form.setUser(m_editor);
        form.load(pk);
        QVERIFY2(form.save(changes), qPrintable(ValidationError(form.errors()).message()));
    }
    QVariant addPost()
    {
        ModelForm form(*Post, ModelAdmin{});
        form.setUser(m_editor);
        const bool ok = form.save({{"title", "Hello"}, {"slug", "hello"}, {"author", m_ann.pk()}, {"status", "draft"}, {"tags", QVariantList{m_qt.pk()}}});
        if (!ok)
            qFatal("cannot add: %s", qPrintable(ValidationError(form.errors()).message()));
        return form.instance().pk();
    }
    const HistoryFieldChange *change(const HistoryEntry &entry, const QString &name)
    {
        for (const HistoryFieldChange &c : entry.changes)
            if (c.name == name)
                return &c;
        return nullptr;
    }

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
        m_editor = staffWith("editor", {"view", "add", "change", "delete"});
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void entriesWithOldAndNewValuesAsText()
    {
        const QVariant pk = addPost();
        edit(pk, {{"title", "Hello world"}, {"author", m_bob.pk()}, {"status", "published"}, {"tags", QVariantList{m_qt.pk(), m_cpp.pk()}}});
        const QList<HistoryEntry> entries = ObjectHistory(*Post, pk).entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).action, QStringLiteral("Added"));
        QCOMPARE(entries.at(0).message, QStringLiteral("Added."));
        QCOMPARE(entries.at(0).user, QStringLiteral("editor"));
        QVERIFY(!entries.at(0).isRevertible());
        QCOMPARE(change(entries.at(0), "title")->newText, QStringLiteral("Hello"));
        QVERIFY(!change(entries.at(0), "title")->hasOld);

        const HistoryEntry &edited = entries.at(1);
        QCOMPARE(edited.action, QStringLiteral("Changed"));
        QCOMPARE(edited.message, QStringLiteral("Changed Title, Author, Status and Tags."));
        QVERIFY(edited.actionTime.isValid());
        QVERIFY(edited.isRevertible());
        // Only what the user changed, in form order.
        QStringList names;
        for (const HistoryFieldChange &c : edited.changes)
            names << c.name;
        QCOMPARE(names, (QStringList{"title", "author", "status", "tags"}));
        QCOMPARE(change(edited, "title")->oldText, QStringLiteral("Hello"));
        QCOMPARE(change(edited, "title")->newText, QStringLiteral("Hello world"));
        QCOMPARE(change(edited, "author")->label, QStringLiteral("Author"));
        QCOMPARE(change(edited, "author")->oldText, QStringLiteral("Ann"));      // the related object's str
        QCOMPARE(change(edited, "author")->newText, QStringLiteral("Bob"));
        QCOMPARE(change(edited, "status")->oldText, QStringLiteral("Draft"));    // the choice's label
        QCOMPARE(change(edited, "status")->newText, QStringLiteral("Published"));
        QCOMPARE(change(edited, "status")->newJson, QStringLiteral("\"published\""));
        QCOMPARE(change(edited, "tags")->oldText, QStringLiteral("qt"));
        QCOMPARE(change(edited, "tags")->newText, QStringLiteral("qt, cpp"));
    }

    void revertPutsTheOldValuesBackAndIsLogged()
    {
        const QVariant pk = addPost();
        edit(pk, {{"title", "Hello world"}, {"author", m_bob.pk()}, {"tags", QVariantList{m_cpp.pk()}}});
        const QVariant changeId = ObjectHistory(*Post, pk).entries().last().id;

        ObjectHistory(*Post, pk).revert(changeId, m_editor);
        Model post = Post->objects().get(Q("pk", pk));
        QCOMPARE(post.value("title").toString(), QStringLiteral("Hello"));
        QCOMPARE(post.related("author").str(), QStringLiteral("Ann"));
        QCOMPARE(post.manyRelated("tags").pks(), QVariantList{m_qt.pk()});

        // A new change, with the values swapped: revertible in its turn.
        QList<HistoryEntry> entries = ObjectHistory(*Post, pk).entries();
        QCOMPARE(entries.size(), 3);
        const HistoryEntry &revert = entries.last();
        QCOMPARE(revert.action, QStringLiteral("Changed"));
        QCOMPARE(revert.user, QStringLiteral("editor"));
        QCOMPARE(change(revert, "title")->oldText, QStringLiteral("Hello world"));
        QCOMPARE(change(revert, "title")->newText, QStringLiteral("Hello"));
        QCOMPARE(change(revert, "tags")->newText, QStringLiteral("qt"));
        ObjectHistory(*Post, pk).revert(revert.id, m_editor);
        post = Post->objects().get(Q("pk", pk));
        QCOMPARE(post.value("title").toString(), QStringLiteral("Hello world"));
        QCOMPARE(post.related("author").str(), QStringLiteral("Bob"));
        QCOMPARE(ObjectHistory(*Post, pk).entries().size(), 4);
    }

    void revertRefusedWhenAFieldChangedAgain()
    {
        const QVariant pk = addPost();
        edit(pk, {{"title", "Second"}});
        const QVariant first = ObjectHistory(*Post, pk).entries().last().id;
        edit(pk, {{"title", "Third"}});
        edit(pk, {{"views", 5}});                     // another field: no conflict by itself
        const QVariant second = ObjectHistory(*Post, pk).entries().at(2).id;
        try {
            ObjectHistory(*Post, pk).revert(first, m_editor);
            QFAIL("reverting over a later change of the same field must throw");
        } catch (const RevertConflict &conflict) {
            QCOMPARE(conflict.field(), QStringLiteral("title"));
            QVERIFY2(conflict.message().contains("Title has changed again since"), qPrintable(conflict.message()));
            QVERIFY2(conflict.message().contains(QString::fromUtf8("\u201cThird\u201d")), qPrintable(conflict.message()));
        }
        QCOMPARE(Post->objects().get(Q("pk", pk)).value("title").toString(), QStringLiteral("Third"));
        QCOMPARE(ObjectHistory(*Post, pk).entries().size(), 4);

        // Undoing the later change first makes the earlier one revertible.
        ObjectHistory(*Post, pk).revert(second, m_editor);
        QCOMPARE(Post->objects().get(Q("pk", pk)).value("title").toString(), QStringLiteral("Second"));
        ObjectHistory(*Post, pk).revert(first, m_editor);
        const Model post = Post->objects().get(Q("pk", pk));
        QCOMPARE(post.value("title").toString(), QStringLiteral("Hello"));
        QCOMPARE(post.value("views").toInt(), 5);    // the other field's change stays
    }

    void overwritingKeepsTheOverwrittenValues()
    {
        const QVariant pk = addPost();
        ModelForm mine(*Post, ModelAdmin{});
        mine.setUser(m_editor);
        mine.load(pk);
        edit(pk, {{"title", "Theirs"}});                 // someone else, after mine loaded
        QVariantMap values = mine.initial();
        values["title"] = "Mine";
        QVERIFY_THROWS_EXCEPTION(ConcurrentModification, mine.save(values));
        QVERIFY(mine.save(values, ModelForm::Conflict::Overwrite));
        // Old is what the overwrite replaced (theirs), not the stale copy the form loaded.
        const HistoryEntry last = ObjectHistory(*Post, pk).entries().last();
        QCOMPARE(change(last, "title")->oldText, QStringLiteral("Theirs"));
        QCOMPARE(change(last, "title")->newText, QStringLiteral("Mine"));
        ObjectHistory(*Post, pk).revert(last.id, m_editor);
        QCOMPARE(Post->objects().get(Q("pk", pk)).value("title").toString(), QStringLiteral("Theirs"));
    }

    void revertNeedsTheChangePermissionAndAChange()
    {
        const QVariant pk = addPost();
        edit(pk, {{"title", "Second"}});
        const QList<HistoryEntry> entries = ObjectHistory(*Post, pk).entries();
        const AdminUser viewer = staffWith("viewer", {"view"});
        try {
            ObjectHistory(*Post, pk).revert(entries.last().id, viewer);
            QFAIL("reverting without blog.change_post must throw");
        } catch (const PermissionDenied &denied) {
            QVERIFY2(denied.message().contains("viewer") && denied.message().contains("blog.change_post"), qPrintable(denied.message()));
        }
        QVERIFY_THROWS_EXCEPTION(FieldError, ObjectHistory(*Post, pk).revert(entries.first().id, m_editor)); // an addition
        const QVariant other = addPost();
        QVERIFY_THROWS_EXCEPTION(FieldError, ObjectHistory(*Post, other).revert(entries.last().id, m_editor)); // not its entry
        // A field read-only in the admin's form is not put back behind its back.
        QVERIFY_THROWS_EXCEPTION(FieldError, ObjectHistory(*Post, pk).revert(entries.last().id, m_editor, ModelAdmin{.readonlyFields = {"title"}}));
        QCOMPARE(Post->objects().get(Q("pk", pk)).value("title").toString(), QStringLiteral("Second"));
        QCOMPARE(ObjectHistory(*Post, pk).entries().size(), 2);
    }

    void revertRefusedWhenTheOldValueIsInvalidNow()
    {
        const AdminUser boss(UserService::createSuperuser("boss", "boss@example.com", "pw-Admin-12345"));
        ModelForm form(*Author, ModelAdmin{});
        form.setUser(boss);
        form.load(m_ann.pk());
        QVERIFY(form.save({{"email", "ann@new.example"}}));
        const QVariant changeId = ObjectHistory(*Author, m_ann.pk()).entries().last().id;
        Author->objects().create({{"name", "Another Ann"}, {"email", "ann@example.com"}}); // takes the old address
        try {
            ObjectHistory(*Author, m_ann.pk()).revert(changeId, boss);
            QFAIL("reverting to a value full_clean refuses must throw");
        } catch (const ValidationError &error) {
            QVERIFY2(error.errors().value("email").join(' ').contains("already exists"), qPrintable(error.message()));
        }
        QCOMPARE(Author->objects().get(Q("pk", m_ann.pk())).value("email").toString(), QStringLiteral("ann@new.example"));
        QCOMPARE(ObjectHistory(*Author, m_ann.pk()).entries().size(), 1);
    }

    void relatedObjectsGoneSinceAreNamedSo()
    {
        const QVariant pk = addPost();
        edit(pk, {{"author", m_bob.pk()}});
        Author->objects().filter(Q("pk", m_ann.pk())).deleteRows();
        const QList<HistoryEntry> entries = ObjectHistory(*Post, pk).entries();
        QCOMPARE(change(entries.last(), "author")->oldText, QStringLiteral("%1 (deleted)").arg(m_ann.pk().toString()));
        QCOMPARE(change(entries.last(), "author")->newText, QStringLiteral("Bob"));
    }

    void deletionIsInTheHistory()
    {
        const QVariant pk = addPost();
        ModelForm form(*Post, ModelAdmin{});
        form.setUser(m_editor);
        form.load(pk);
        form.remove();
        const QList<HistoryEntry> entries = ObjectHistory(*Post, pk).entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.last().action, QStringLiteral("Deleted"));
        QVERIFY(!entries.last().isRevertible());
        QCOMPARE(change(entries.last(), "title")->oldText, QStringLiteral("Hello"));
        QVERIFY(!change(entries.last(), "title")->hasNew);
        QCOMPARE(change(entries.last(), "tags")->oldJson, QStringLiteral("[%1]").arg(m_qt.pk().toString()));
        QCOMPARE(change(entries.last(), "id")->oldJson, pk.toString());
    }
};

QTEST_MAIN(TestObjectHistory)
#include "tst_objecthistory.moc"
