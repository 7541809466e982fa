// makemigrations' parts: the autodetector on model changes, the writer and
// loader round trip, and the errors of broken files and bad graphs.
#include "MigrationTestSupport.h"
#include "TestDatabase.h"
#include "migrations/MigrationAutodetector.h"
#include "migrations/MigrationError.h"
#include "migrations/MigrationLoader.h"
#include "migrations/MigrationQuestioner.h"
#include "migrations/ProjectState.h"
#include "orm/RelatedField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/IntegerField.h"
#include "orm/fields/TextField.h"
#include <QtTest>

using namespace quango;
using namespace quango::testing;

namespace {
// Models in code for apps "blog" and "accounts", built per test.
struct Code {
    Registry registry;
    std::shared_ptr<AppConfig> blog = std::make_shared<AppConfig>("blog");
    std::shared_ptr<AppConfig> accounts = std::make_shared<AppConfig>("accounts");
    ProjectState state()
    {
        registry.addApp(accounts);
        registry.addApp(blog);
        registry.populate();
        return ProjectState::fromRegistry(registry);
    }
};

QStringList types(const QList<OperationPtr> &ops)
{
    QStringList out;
    for (const OperationPtr &op : ops)
        out << op->type() + ":" + op->nameFragment();
    return out;
}
} // namespace

class TestAutodetector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void newModelsInitialAndCrossAppDependency()
    {
        Code code;
        code.accounts->addModel("Author", {CharField("name", 100)});
        code.blog->addModel("Post", {CharField("title", 200), ForeignKey("author", "accounts.Author", OnDelete::Cascade),
                                     ForeignKey("parent", "Comment", OnDelete::SetNull, {.null = true})});
        code.blog->addModel("Comment", {TextField("text")});
        MigrationQuestioner questioner;
        MigrationAutodetector detector(ProjectState(), code.state(), questioner);
        MigrationGraph graph;
        const auto changes = detector.changes(graph);
        QCOMPARE(changes.keys(), (QStringList{"accounts", "blog"}));
        const MigrationPtr blog = changes.value("blog").first();
        QCOMPARE(blog->name(), QStringLiteral("0001_initial"));
        QVERIFY(blog->isInitial());
        QCOMPARE(types(blog->operations()), (QStringList{"CreateModel:comment", "CreateModel:post"})); // FK target first
        QCOMPARE(blog->dependencies(), (QList<MigrationKey>{{"accounts", "0001_initial"}}));
        QVERIFY(changes.value("accounts").first()->dependencies().isEmpty());
    }

    void mutualForeignKeysAcrossAppsAreSplit()
    {
        // Like Django: a cycle of foreign keys between new models of two apps
        // becomes CreateModel without the key, then AddField (and the options
        // that name the key) in the app's second migration.
        Code code;
        code.accounts->addModel("Author", {CharField("name", 100), ForeignKey("favourite", "blog.Post", OnDelete::SetNull, {.null = true})},
                                {.indexes = {Index{{"favourite", "name"}, "author_fav_idx"}}, .uniqueTogether = {{"name", "favourite"}}});
        code.blog->addModel("Post", {CharField("title", 200), ForeignKey("author", "accounts.Author", OnDelete::Cascade)});
        const ProjectState inCode = code.state();
        MigrationQuestioner questioner;
        MigrationAutodetector detector(ProjectState(), inCode, questioner);
        MigrationGraph graph;
        const auto changes = detector.changes(graph);
        QCOMPARE(changes.value("accounts").size(), 2);
        const MigrationPtr first = changes.value("accounts").at(0), second = changes.value("accounts").at(1);
        QCOMPARE(first->name(), QStringLiteral("0001_initial"));
        QCOMPARE(second->name(), QStringLiteral("0002_initial"));
        QVERIFY(first->dependencies().isEmpty());
        const QJsonObject create = first->operations().at(0)->toJson();
        QVERIFY2(!QJsonDocument(create).toJson().contains("favourite"), QJsonDocument(create).toJson().constData());
        QCOMPARE(types(second->operations()), (QStringList{"AddField:author_favourite", "AlterUniqueTogether:alter_author_unique_together",
                                                           "AddIndex:author_author_fav_idx"}));
        QCOMPARE(second->dependencies(), (QList<MigrationKey>{{"accounts", "0001_initial"}, {"blog", "0001_initial"}}));
        QCOMPARE(changes.value("blog").size(), 1);
        QCOMPARE(changes.value("blog").first()->dependencies(), (QList<MigrationKey>{{"accounts", "0001_initial"}}));
        // Replaying the three gives the models in code.
        ProjectState replayed;
        for (const MigrationPtr &m : {first, changes.value("blog").first(), second})
            m->mutateState(replayed);
        QCOMPARE(replayed.model("accounts", "Author").fields, inCode.model("accounts", "Author").fields);
        QCOMPARE(replayed.model("accounts", "Author").options.uniqueTogether, (QList<QStringList>{{"name", "favourite"}}));
    }

    void fieldChangesRenamesAndDefaults()
    {
        auto before = [] {
            Code code;
            code.blog->addModel("Post", {CharField("title", 200), IntegerField("views"), TextField("body")});
            code.blog->addModel("Old", {CharField("x", 10)});
            return code.state();
        }();
        Code code;
        code.blog->addModel("Post", {CharField("title", 300), IntegerField("hits"), IntegerField("likes"), CharField("slug", 50, {.blank = true})},
                            {.ordering = {"-likes"}});
        code.blog->addModel("New", {TextField("y")});
        const ProjectState after = code.state();

        // Not asked: removed+added stays a remove and an add; "likes" needs a default.
        MigrationQuestioner plain;
        QVERIFY_THROWS_EXCEPTION(MigrationError, MigrationAutodetector(before, after, plain).operations());
        try {
            MigrationAutodetector(before, after, plain).operations();
        } catch (const MigrationError &e) {
            QVERIFY2(e.message().contains("'hits'") || e.message().contains("'likes'"), qPrintable(e.message()));
        }
        MigrationQuestioner answers;
        answers.setDefault("blog.Post.likes", 0);
        answers.setDefault("blog.Post.hits", 0);
        auto ops = MigrationAutodetector(before, after, answers).operations().value("blog");
        QCOMPARE(types(ops), (QStringList{"CreateModel:new", "AddField:post_hits", "AddField:post_likes", "AddField:post_slug",
                                          "AlterField:alter_post_title", "RemoveField:remove_post_views", "RemoveField:remove_post_body",
                                          "DeleteModel:delete_old", "AlterModelOptions:alter_post_options"}));
        const QJsonObject likes = ops.at(2)->toJson();
        QCOMPARE(likes.value("preserve_default").toBool(true), false);
        QCOMPARE(likes.value("field").toObject().value("default").toInt(), 0);

        // Asked: the rename is produced, and needs no default.
        MigrationQuestioner renames;
        renames.addRename("blog.Post.views=hits");
        renames.setDefault("blog.Post.likes", 0);
        ops = MigrationAutodetector(before, after, renames).operations().value("blog");
        QVERIFY(types(ops).contains("RenameField:rename_views_post_hits"));
        QVERIFY(!types(ops).contains("AddField:post_hits"));
        QVERIFY(!types(ops).contains("RemoveField:remove_post_views"));
    }

    void writtenMigrationsLoadBackToTheSameState()
    {
        Code code;
        code.accounts->addModel("Author", {CharField("name", 100, {.defaultValue = "anon", .unique = true})},
                                {.ordering = {"name"}, .indexes = {{{"name"}, "author_name_idx"}},
                                 .constraints = {{Constraint::Kind::Check, "name_not_x", {}, ~Q("name", "x") & (Q("name__startswith", "a") | Q("name__len__gt", 1)), {}}}});
        code.blog->addModel("Post", {CharField("title", 200), ForeignKey("author", "accounts.Author", OnDelete::Cascade),
                                     ManyToManyField("fans", "accounts.Author", {.relatedName = "liked"})},
                            {.uniqueTogether = {{"title", "author"}}});
        const ProjectState target = code.state();
        MigrationProject project({"accounts", "blog"});
        MigrationQuestioner questioner;
        MigrationLoader loader(project.registry);
        loader.load();
        for (const auto &list : MigrationAutodetector(loader.projectState(), target, questioner).changes(loader.graph()))
            for (const MigrationPtr &m : list)
                MigrationWriter(*m).write(project.path(m->appLabel()));
        loader.load();
        QCOMPARE(loader.migratedApps(), (QStringList{"accounts", "blog"}));
        // makemigrations --check: nothing left to detect.
        QVERIFY(MigrationAutodetector(loader.projectState(), target, questioner).operations().isEmpty());
        // And the state renders (relations resolve).
        QCOMPARE(loader.projectState().meta("blog", "post").field("author")->column(), QStringLiteral("author_id"));
        QVERIFY(QFile::exists(project.path("blog") + "/0001_initial.json"));
    }

    void loaderErrorsNameTheFile_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad json") << QByteArray("{\"operations\": [") << "invalid JSON";
        QTest::newRow("unknown operation") << QByteArray(R"({"dependencies": [], "operations": [{"type": "Frobnicate"}]})") << "Unknown operation 'Frobnicate'";
        QTest::newRow("unknown field type") << QByteArray(R"({"dependencies": [], "operations": [{"type": "CreateModel", "name": "X", "fields": [{"type": "WarpField", "name": "w"}]}]})")
                                            << "Unknown field type 'WarpField'";
        QTest::newRow("missing dependency") << QByteArray(R"({"dependencies": [["blog", "0000_ghost"]], "operations": []})") << "nonexistent node blog.0000_ghost";
    }
    void loaderErrorsNameTheFile()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        MigrationProject project({"blog"});
        project.writeRaw("blog", "0001_initial", json);
        MigrationLoader loader(project.registry);
        try {
            loader.load();
            QFAIL("no error");
        } catch (const MigrationError &e) {
            QVERIFY2(e.message().contains(expected), qPrintable(e.message()));
            QVERIFY2(e.message().contains("0001_initial"), qPrintable(e.message()));
        }
    }

    void graphErrors()
    {
        {
            MigrationProject project({"blog", "shop"});
            project.writeRaw("blog", "0001_initial", R"({"dependencies": [["shop", "0001_initial"]], "operations": []})");
            project.writeRaw("shop", "0001_initial", R"({"dependencies": [["blog", "0001_initial"]], "operations": []})");
            MigrationLoader loader(project.registry);
            try {
                loader.load();
                QFAIL("no error");
            } catch (const MigrationError &e) {
                QVERIFY2(e.message().contains("Circular") && e.message().contains("blog/0001_initial.json")
                             && e.message().contains("shop/0001_initial.json"), qPrintable(e.message()));
            }
        }
        MigrationProject project({"blog"});
        project.writeRaw("blog", "0001_initial", R"({"dependencies": [], "operations": []})");
        project.writeRaw("blog", "0002_a", R"({"dependencies": [["blog", "0001_initial"]], "operations": []})");
        project.writeRaw("blog", "0002_b", R"({"dependencies": [["blog", "0001_initial"]], "operations": []})");
        MigrationLoader loader(project.registry);
        loader.load();
        try {
            loader.checkConflicts();
            QFAIL("no error");
        } catch (const MigrationError &e) {
            QVERIFY2(e.message().contains("0002_a.json") && e.message().contains("0002_b.json"), qPrintable(e.message()));
        }
        QCOMPARE(MigrationAutodetector::nextNumber(loader.graph(), "blog"), QStringLiteral("0003"));
        QCOMPARE(loader.resolve("blog", "0002_a").second, QStringLiteral("0002_a"));
        QVERIFY_THROWS_EXCEPTION(MigrationError, loader.resolve("blog", "0002"));
    }
};

QTEST_GUILESS_MAIN(TestAutodetector)
#include "tst_autodetector.moc"
