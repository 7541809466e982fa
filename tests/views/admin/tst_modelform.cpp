// The record form's logic without widgets: fields and widget hints from the
// ModelAdmin, initial values, binding and per-field / non-field errors, save
// through Model::save (signals) with the ManyToMany sets, and the optimistic
// concurrency check against the row as loaded.
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
#include "signals/ModelSignals.h"
#include "views/admin/ModelForm.h"
#include "views/admin/PermissionDenied.h"
#include <QtTest>

using namespace quango;

class TestModelForm : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    const ModelMeta *Author = nullptr, *Post = nullptr, *Tag = nullptr;
    Model m_ann, m_bob, m_python, m_qt, m_post;

    static QStringList names(const QList<FormField> &fields)
    {
        QStringList out;
        for (const FormField &f : fields)
            out << f.name;
        return out;
    }
    QVariantMap validInput() const
    {
        return {{"title", "Hello"}, {"slug", "hello"}, {"author", m_ann.pk()}, {"body", ""}, {"status", "draft"},
                {"published_at", QVariant()}, {"is_featured", false}, {"rating", "4.5"}, {"views", 3}, {"tags", QVariantList{m_qt.pk()}}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        Author = &Registry::instance().modelOrThrow("blog.Author");
        Post = &Registry::instance().modelOrThrow("blog.Post");
        Tag = &Registry::instance().modelOrThrow("blog.Tag");
    }
    void init()
    {
        m_db.resetTables();
        m_ann = Author->objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        m_bob = Author->objects().create({{"name", "Bob"}, {"email", "bob@example.com"}});
        m_python = Tag->objects().create({{"name", "python"}});
        m_qt = Tag->objects().create({{"name", "qt"}});
        m_post = Post->objects().create({{"title", "First"}, {"slug", "first"}, {"author", m_bob.pk()}, {"status", "published"}, {"views", 7}});
        m_post.manyRelated("tags").set(QVariantList{m_qt.pk(), m_python.pk()});
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void fieldsFollowTheFieldsetsWithHints()
    {
        ModelForm defaults(*Post, ModelAdmin{});
        // Every editable field; created/updated (auto_now) and the pk are not.
        QCOMPARE(names(defaults.fields()), (QStringList{"title", "slug", "author", "body", "status", "published_at", "is_featured", "rating", "views", "tags"}));

        ModelForm form(*Post, ModelAdmin{.readonlyFields = {"views", "created"},
                                         .fieldsets = {{"", {"title", "author", "views"}, {}, {}}, {"Publishing", {"status", "body", "tags"}, {"collapse"}, {}}}});
        QCOMPARE(names(form.fields()), (QStringList{"title", "author", "views", "status", "body", "tags", "created"}));
        const FormField *title = form.formField("title");
        QCOMPARE(title->label, QStringLiteral("Title"));
        QVERIFY(title->required);
        QVERIFY(!title->readOnly);
        QCOMPARE(title->hint, Field::WidgetHint::LineEdit);
        QCOMPARE(form.formField("author")->hint, Field::WidgetHint::ForeignKeyPicker);
        QCOMPARE(form.formField("status")->hint, Field::WidgetHint::ComboBox);
        QCOMPARE(form.formField("status")->fieldset, QStringLiteral("Publishing"));
        QCOMPARE(form.formField("body")->hint, Field::WidgetHint::TextEdit);
        QVERIFY(!form.formField("body")->required);
        QCOMPARE(form.formField("tags")->hint, Field::WidgetHint::ManyToManySelector);
        QVERIFY(form.formField("views")->readOnly);
        QVERIFY(form.formField("created")->readOnly);
        QVERIFY(!form.formField("published_at"));
    }

    void initialValuesForNewAndStored()
    {
        ModelForm form(*Post, ModelAdmin{});
        QVERIFY(form.isAdding());
        QCOMPARE(form.initial().value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(form.initial().value("is_featured").toBool(), false);
        QCOMPARE(form.initial().value("views").toInt(), 0);
        QVERIFY(form.initial().value("author").isNull());
        QCOMPARE(form.initial().value("tags").toList(), QVariantList{});

        form.load(m_post.pk());
        QVERIFY(!form.isAdding());
        QCOMPARE(form.initial().value("title").toString(), QStringLiteral("First"));
        QCOMPARE(form.initial().value("author").toString(), m_bob.pk().toString());
        QCOMPARE(form.initial().value("views").toInt(), 7);
        QCOMPARE(form.initial().value("tags").toList().size(), 2);
        QVERIFY_THROWS_EXCEPTION(DoesNotExist, form.load(9999));

        const QList<Choice> authors = form.relatedChoices("author");
        QCOMPARE(authors.size(), 2);
        QCOMPARE(authors.at(0).label, QStringLiteral("Ann")); // Author's ordering
        QCOMPARE(authors.at(1).value.toString(), m_bob.pk().toString());
        QVERIFY_THROWS_EXCEPTION(FieldError, form.relatedChoices("title"));
    }

    void errorsPerFieldAndNothingSaved()
    {
        ModelForm form(*Post, ModelAdmin{});
        QVariantMap input = validInput();
        input["title"] = "";
        input["views"] = "many";
        input["status"] = "bogus";
        input["author"] = QVariant();
        QVERIFY(!form.save(input));
        QCOMPARE(form.errors().keys(), (QStringList{"author", "status", "title", "views"}));
        QVERIFY2(form.fieldErrors("title").join(' ').contains("blank"), qPrintable(form.fieldErrors("title").join(' ')));
        QVERIFY2(form.fieldErrors("views").join(' ').contains("many"), qPrintable(form.fieldErrors("views").join(' ')));
        QVERIFY2(form.fieldErrors("status").join(' ').contains("bogus"), qPrintable(form.fieldErrors("status").join(' ')));
        QVERIFY(form.nonFieldErrors().isEmpty());
        QCOMPARE(Post->objects().count(), 1);
        QVERIFY(form.isAdding());

        // Fixed: saved, and the errors are gone.
        QVERIFY2(form.save(validInput()), qPrintable(form.errors().value("title").join(' ')));
        QVERIFY(form.errors().isEmpty());
        QCOMPARE(Post->objects().count(), 2);
        QVERIFY(!form.isAdding());
    }

    void uniqueAndNonFieldErrors()
    {
        ModelForm authorForm(*Author, ModelAdmin{});
        QVERIFY(!authorForm.save({{"name", "Ann again"}, {"email", "ann@example.com"}, {"bio", ""}}));
        QVERIFY2(authorForm.fieldErrors("email").join(' ').contains("already exists"), qPrintable(authorForm.fieldErrors("email").join(' ')));

        // A ValidationError from a pre_save receiver is a non-field error, and the transaction rolls back.
        const QString key = signals::preSave.connect([](const void *, Model &m, const SaveInfo &) {
            if (m.value("title").toString().contains("spam"))
                throw ValidationError(QStringLiteral("No spam, please."));
        }, Post);
        ModelForm form(*Post, ModelAdmin{});
        QVariantMap input = validInput();
        input["title"] = "Buy spam";
        const bool saved = form.save(input);
        signals::preSave.disconnect(key);
        QVERIFY(!saved);
        QCOMPARE(form.nonFieldErrors(), QStringList{"No spam, please."});
        QCOMPARE(Post->objects().count(), 1);
        QVERIFY(form.save(validInput()));   // the same form saves once the input is acceptable
        QCOMPARE(Post->objects().count(), 2);
    }

    void saveRunsSignalsAndSetsManyToMany()
    {
        QStringList events;
        const QString key = signals::postSave.connect([&](const void *, const Model &m, const SaveInfo &info) {
            events << QStringLiteral("%1 created=%2").arg(m.value("title").toString()).arg(info.created);
        }, Post);
        ModelForm form(*Post, ModelAdmin{});
        form.load(m_post.pk());
        QVariantMap input = form.initial();
        input["title"] = "First, edited";
        input["author"] = m_ann.pk();
        input["tags"] = QVariantList{m_python.pk()};
        QVERIFY(form.save(input));
        ModelForm added(*Post, ModelAdmin{});
        QVERIFY(added.save(validInput()));
        signals::postSave.disconnect(key);
        QCOMPARE(events, (QStringList{"First, edited created=0", "Hello created=1"}));

        const Model stored = Post->objects().get(Q("pk", m_post.pk()));
        QCOMPARE(stored.value("title").toString(), QStringLiteral("First, edited"));
        QCOMPARE(stored.value("author").toString(), m_ann.pk().toString());
        QCOMPARE(stored.value("views").toInt(), 7);
        QCOMPARE(stored.manyRelated("tags").pks(), QVariantList{m_python.pk()});
        QCOMPARE(added.instance().manyRelated("tags").pks(), QVariantList{m_qt.pk()});
        QCOMPARE(added.instance().value("rating").toString(), QStringLiteral("4.5"));
        // The form now holds what was saved: saving again is not a conflict.
        QCOMPARE(form.initial().value("title").toString(), QStringLiteral("First, edited"));
        QVERIFY(form.save(form.initial()));
    }

    void concurrentChangeIsRefused()
    {
        ModelForm form(*Post, ModelAdmin{});
        form.load(m_post.pk());
        QVariantMap mine = form.initial();
        mine["title"] = "Mine";

        // Someone else saves the row after the form loaded it.
        Model theirs = Post->objects().get(Q("pk", m_post.pk()));
        theirs.setValue("title", "Theirs");
        theirs.save();

        try {
            form.save(mine);
            QFAIL("saving over a concurrent change must throw");
        } catch (const ConcurrentModification &conflict) {
            QVERIFY2(conflict.changedFields().contains("title"), qPrintable(conflict.changedFields().join(',')));
            QVERIFY2(conflict.message().contains("changed by someone else"), qPrintable(conflict.message()));
        }
        QCOMPARE(Post->objects().get(Q("pk", m_post.pk())).value("title").toString(), QStringLiteral("Theirs"));

        // A ManyToMany change counts too.
        form.load(m_post.pk());
        m_post.manyRelated("tags").set(QVariantList{m_qt.pk()});
        QVERIFY_THROWS_EXCEPTION(ConcurrentModification, form.save(mine));

        // Overwrite replaces their version; reloading first also works.
        QVERIFY(form.save(mine, ModelForm::Conflict::Overwrite));
        QCOMPARE(Post->objects().get(Q("pk", m_post.pk())).value("title").toString(), QStringLiteral("Mine"));
        Post->objects().filter(Q("pk", m_post.pk())).update({{"views", 100}});
        mine = form.initial();
        mine["title"] = "Mine again";
        QVERIFY_THROWS_EXCEPTION(ConcurrentModification, form.save(mine));
        form.load(m_post.pk());
        QCOMPARE(form.initial().value("views").toInt(), 100);
        mine = form.initial();
        mine["title"] = "Mine again";
        QVERIFY(form.save(mine));

        // Deleted meanwhile: refused, with its own message.
        Post->objects().filter(Q("pk", m_post.pk())).deleteRows();
        try {
            form.save(mine);
            QFAIL("saving a deleted row must throw");
        } catch (const ConcurrentModification &conflict) {
            QVERIFY2(conflict.message().contains("deleted"), qPrintable(conflict.message()));
        }
    }

    void theUsersPermissionsAndTheAdminLog()
    {
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, QStringLiteral("default"), 0);
        auto staffWith = [](const QString &username, const QStringList &actions) {
            Model user = UserService::createUser(username, "", "An-editor-passw0rd", {{"is_staff", true}});
            for (const QString &action : actions)
                user.manyRelated("user_permissions").add(QList<Model>{Permissions::get("blog." + action + "_post")});
            return AdminUser(user);
        };
        ModelForm form(*Post, ModelAdmin{});
        form.setUser(staffWith("viewer", {"view"}));
        form.load(m_post.pk());
        QVERIFY(form.hasPermission("view"));
        QVERIFY(!form.hasPermission("change"));
        QVariantMap mine = form.initial();
        mine["title"] = "Mine";
        try {
            form.save(mine);
            QFAIL("saving without blog.change_post must throw");
        } catch (const PermissionDenied &denied) {
            QVERIFY2(denied.message().contains(QString::fromUtf8("\u201cviewer\u201d may not change posts")), qPrintable(denied.message()));
            QVERIFY2(denied.message().contains("blog.change_post"), qPrintable(denied.message()));
        }
        QVERIFY_THROWS_EXCEPTION(PermissionDenied, form.remove());
        ModelForm adding(*Post, ModelAdmin{});
        adding.setUser(form.user());
        QVERIFY_THROWS_EXCEPTION(PermissionDenied, adding.save(validInput()));
        QCOMPARE(Post->objects().count(), 1);
        QCOMPARE(Post->objects().get().value("title").toString(), QStringLiteral("First"));
        QCOMPARE(LogEntry::meta().objects().count(), 0);

        // With the permission: one change entry naming only the changed
        // fields, their old and new values beside it.
        form.setUser(staffWith("editor", {"view", "change"}));
        mine["tags"] = QVariantList{m_qt.pk()};
        QVERIFY(form.save(mine));
        QCOMPARE(LogEntry::meta().objects().count(), 1);
        const Model entry = LogEntry::meta().objects().get();
        QCOMPARE(entry.value("user").toString(), form.user().id().toString());
        QCOMPARE(entry.value("change_message").toString(), QStringLiteral("[{\"changed\": {\"fields\": [\"Title\", \"Tags\"]}}]"));
        const QList<Model> changes = FieldChange::forEntry(entry.pk());
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).value("old_value").toString(), QStringLiteral("\"First\""));
        QCOMPARE(changes.at(0).value("new_value").toString(), QStringLiteral("\"Mine\""));
        QCOMPARE(changes.at(1).value("field_name").toString(), QStringLiteral("tags"));
        QCOMPARE(changes.at(1).value("new_value").toString(), QStringLiteral("[%1]").arg(m_qt.pk().toString()));
        // Saved unchanged: Django's "No fields changed." entry, no values.
        QVERIFY(form.save(form.initial()));
        QCOMPARE(LogEntry::meta().objects().count(), 2);
        QCOMPARE(FieldChange::meta().objects().count(), 2);
    }
};

QTEST_MAIN(TestModelForm)
#include "tst_modelform.moc"
