// makemigrations, migrate, showmigrations and sqlmigrate as a user runs them:
// through ManagementUtility, with apps whose migrations folder is a temp dir,
// on the backend the test run names. Every test uses app labels of its own so
// that tables and django_migrations rows never meet.
#include "../../models/migrations/MigrationTestSupport.h"
#include "TestDatabase.h"
#include "app/ManagementUtility.h"
#include "app/commands/InteractiveMigrationQuestioner.h"
#include "app/demo/BenchApp.h"
#include "migrations/MigrationAutodetector.h"
#include "migrations/MigrationGraph.h"
#include "migrations/MigrationLoader.h"
#include "migrations/ProjectState.h"
#include "orm/Exceptions.h"
#include "orm/RelatedField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/IntegerField.h"
#include "CommandRunner.h"
#include <QtTest>
#include <functional>

using namespace quango;
using namespace quango::testing;

namespace {
using Declare = std::function<void(AppConfig &)>;
}

class TestMigrationCommands : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    QTemporaryDir m_tmp;

    int run(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        return testing::runCommand(QStringList{"--database", m_db.url()} + args, out, err);
    }

    QString folder(const QString &label) const { return m_tmp.filePath("migrations/" + label); }
    QStringList files(const QString &label) const { return QDir(folder(label)).entryList({"*.json"}, QDir::Files, QDir::Name); }
    QByteArray read(const QString &label, const QString &file) const
    {
        QFile f(QDir(folder(label)).filePath(file));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    void writeRaw(const QString &label, const QString &name, const QByteArray &json)
    {
        QFile file(QDir(folder(label)).filePath(name + ".json"));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
    }

    // The project is these apps, declared anew (what editing models.py is in Django).
    void install(const QList<QPair<QString, Declare>> &apps, const QList<std::shared_ptr<AppConfig>> &extra = {})
    {
        Registry &registry = Registry::instance();
        registry.clear();
        for (const auto &[label, declare] : apps) {
            auto app = std::make_shared<AppConfig>(label);
            app->setMigrationsPath(folder(label));
            declare(*app);
            registry.addApp(app);
        }
        for (const auto &app : extra)
            registry.addApp(app);
        registry.populate();
    }
    void install(const QString &label, const Declare &declare) { install({{label, declare}}); }

    QStringList applied(const QString &app)
    {
        QStringList out;
        if (!tableExists("django_migrations"))
            return out;
        for (const QVariant &name : column(QStringLiteral("SELECT name FROM django_migrations WHERE app = '%1' ORDER BY id").arg(app)))
            out << name.toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("QUANGO_DATABASE_URL");
        qunsetenv("DATABASE_URL");
        QVERIFY(m_tmp.isValid());
        Registry::instance().clear();
        m_db.setUp();
    }
    void cleanupTestCase()
    {
        Registry::instance().clear();
        m_db.tearDown();
    }

    void makemigrationsNamesCheckDryRunEmptyAndName()
    {
        install("mk", [](AppConfig &a) { a.addModel("Post", {CharField("title", 100)}); });
        QString out, err;
        QCOMPARE(run({"makemigrations", "mk", "--noinput"}, &out, &err), 0);
        QCOMPARE(files("mk"), QStringList{"0001_initial.json"});
        QVERIFY2(out.contains("Migrations for 'mk':") && out.contains("0001_initial.json") && out.contains("- Create model Post"), qPrintable(out + err));
        QCOMPARE(run({"makemigrations", "--check"}, &out, &err), 0);
        QVERIFY2(out.contains("No changes detected"), qPrintable(out + err));

        install("mk", [](AppConfig &a) { a.addModel("Post", {CharField("title", 100), IntegerField("views", {.defaultValue = 0})}); });
        QCOMPARE(run({"makemigrations", "--check"}, &out, &err), 1);
        QVERIFY2(out.contains("0002_post_views") && out.contains("Add field views to Post"), qPrintable(out + err));
        QCOMPARE(files("mk").size(), 1); // --check writes nothing
        QCOMPARE(run({"makemigrations", "mk", "--dry-run"}, &out, &err), 0);
        QVERIFY2(out.contains("0002_post_views.json"), qPrintable(out + err));
        QCOMPARE(files("mk").size(), 1);
        QCOMPARE(run({"makemigrations", "mk"}, &out, &err), 0);
        QCOMPARE(files("mk"), (QStringList{"0001_initial.json", "0002_post_views.json"}));
        const QJsonObject second = QJsonDocument::fromJson(read("mk", "0002_post_views.json")).object();
        QCOMPARE(second.value("dependencies").toArray(), (QJsonArray{QJsonArray{"mk", "0001_initial"}}));
        QCOMPARE(run({"makemigrations", "--check"}, &out, &err), 0);

        // --name, and --empty with and without it.
        install("mk", [](AppConfig &a) { a.addModel("Post", {CharField("title", 100), IntegerField("views", {.defaultValue = 0}),
                                                              IntegerField("likes", {.null = true})}); });
        QCOMPARE(run({"makemigrations", "mk", "--name", "likes"}, &out, &err), 0);
        QVERIFY2(files("mk").contains("0003_likes.json"), qPrintable(files("mk").join(' ')));
        QCOMPARE(run({"makemigrations", "mk", "--empty", "--name", "data_fix"}, &out, &err), 0);
        const QJsonObject empty = QJsonDocument::fromJson(read("mk", "0004_data_fix.json")).object();
        QVERIFY(empty.value("operations").toArray().isEmpty());
        QCOMPARE(empty.value("dependencies").toArray(), (QJsonArray{QJsonArray{"mk", "0003_likes"}}));
        QCOMPARE(run({"makemigrations", "mk", "--empty"}, &out, &err), 0);
        QCOMPARE(files("mk").size(), 5);
        QVERIFY2(files("mk").last().startsWith("0005_auto_"), qPrintable(files("mk").last()));
        QCOMPARE(run({"makemigrations", "--empty"}, &out, &err), 1); // needs an app label
        QVERIFY2(err.contains("at least one app label"), qPrintable(err));
        QCOMPARE(run({"makemigrations", "--check"}, &out, &err), 0);
        QCOMPARE(run({"migrate", "mk"}, &out, &err), 0);
        QCOMPARE(applied("mk").size(), 5);
    }

    void nonNullFieldNeedsADefault()
    {
        install("nn", [](AppConfig &a) { a.addModel("Post", {CharField("title", 100)}); });
        QString out, err;
        QCOMPARE(run({"makemigrations", "nn"}, &out, &err), 0);
        QCOMPARE(run({"migrate", "nn"}, &out, &err), 0);
        exec("INSERT INTO nn_post (title) VALUES ('kept')");

        install("nn", [](AppConfig &a) { a.addModel("Post", {CharField("title", 100), IntegerField("rank")}); });
        QCOMPARE(run({"makemigrations", "nn", "--noinput"}, &out, &err), 1);
        QVERIFY2(err.contains("It is impossible to add a non-nullable field 'rank' to Post without specifying a default")
                     && err.contains("--default nn.Post.rank=VALUE"),
                 qPrintable(err));
        QCOMPARE(files("nn").size(), 1);
        QCOMPARE(run({"makemigrations", "nn", "--no-input", "--default", "nn.Post.rank=5"}, &out, &err), 0);
        QCOMPARE(files("nn"), (QStringList{"0001_initial.json", "0002_post_rank.json"}));
        // The one-off default fills existing rows and is not kept in the state.
        const QJsonObject op = QJsonDocument::fromJson(read("nn", "0002_post_rank.json")).object().value("operations").toArray().at(0).toObject();
        QCOMPARE(op.value("preserve_default").toBool(true), false);
        QCOMPARE(run({"migrate", "nn"}, &out, &err), 0);
        QCOMPARE(rows("SELECT title, rank FROM nn_post"), (QList<QVariantList>{{"kept", 5}}));
        QCOMPARE(run({"makemigrations", "--check"}, &out, &err), 0);
    }

    void renameOnlyWhenAsked()
    {
        install("rn", [](AppConfig &a) { a.addModel("Post", {CharField("title", 100)}); });
        QString out, err;
        QCOMPARE(run({"makemigrations", "rn"}, &out, &err), 0);
        QCOMPARE(run({"migrate", "rn"}, &out, &err), 0);
        exec("INSERT INTO rn_post (title) VALUES ('hello')");

        install("rn", [](AppConfig &a) { a.addModel("Post", {CharField("heading", 100, {.null = true})}); });
        QCOMPARE(run({"makemigrations", "rn", "--dry-run"}, &out, &err), 0); // not a rename: the field changed too
        QVERIFY2(out.contains("Add field heading to Post") && out.contains("Remove field title from Post"), qPrintable(out + err));

        install("rn", [](AppConfig &a) { a.addModel("Post", {CharField("heading", 100)}); });
        QCOMPARE(run({"makemigrations", "rn", "--dry-run", "--noinput"}, &out, &err), 1); // no answer: remove + add, which needs a default
        QVERIFY2(err.contains("non-nullable field 'heading'"), qPrintable(err));
        QCOMPARE(run({"makemigrations", "rn", "--rename", "rn.Post.title=heading"}, &out, &err), 0);
        QVERIFY2(out.contains("Rename field title on Post to heading") && !out.contains("Remove field"), qPrintable(out + err));
        QCOMPARE(files("rn").last(), QStringLiteral("0002_rename_title_post_heading.json"));

        install("rn", [](AppConfig &a) { a.addModel("Article", {CharField("heading", 100)}); });
        QCOMPARE(run({"makemigrations", "rn", "--dry-run"}, &out, &err), 0);
        QVERIFY2(out.contains("Create model Article") && out.contains("Delete model Post"), qPrintable(out + err));
        QCOMPARE(run({"makemigrations", "rn", "--rename", "rn.Post=Article"}, &out, &err), 0);
        QVERIFY2(out.contains("Rename model Post to Article") && !out.contains("Delete model"), qPrintable(out + err));
        QCOMPARE(run({"migrate", "rn"}, &out, &err), 0);
        QCOMPARE(column("SELECT heading FROM rn_article"), QVariantList{"hello"});
        QCOMPARE(run({"migrate", "rn", "zero"}, &out, &err), 0);
        QVERIFY(!tableExists("rn_article") && !tableExists("rn_post"));
    }

    void interactiveQuestioner()
    {
        auto ask = [](const QString &input, const std::function<void(MigrationQuestioner &)> &body) {
            QString in = input, out;
            QTextStream inStream(&in), outStream(&out);
            InteractiveMigrationQuestioner questioner(inStream, outStream);
            body(questioner);
            outStream.flush();
            return out;
        };
        std::optional<QVariant> answer;
        QString shown = ask("1\n42\n", [&](MigrationQuestioner &q) { answer = q.askNotNullAddition("blog", "Post", "rank"); });
        QVERIFY(answer);
        QCOMPARE(answer->toInt(), 42);
        QVERIFY2(shown.startsWith("It is impossible to add a non-nullable field 'rank' to post without specifying a default. "
                                  "This is because the database needs something to populate existing rows.\nPlease select a fix:\n"
                                  " 1) Provide a one-off default now (will be set on all existing rows with a null value for this column)\n"
                                  " 2) Quit and manually define a default value in the model.\nSelect an option: "),
                 qPrintable(shown));
        QVERIFY2(shown.endsWith(">>> "), qPrintable(shown));
        shown = ask("x\n7\n1\n\n\"draft\"\n", [&](MigrationQuestioner &q) { answer = q.askNotNullAddition("blog", "Post", "status"); });
        QVERIFY(answer);
        QCOMPARE(answer->toString(), QStringLiteral("draft"));
        QVERIFY2(shown.count("Please select a valid option: ") == 2 && shown.contains("Please enter some code, or 'exit'"), qPrintable(shown));
        ask("2\n", [&](MigrationQuestioner &q) { answer = q.askNotNullAddition("blog", "Post", "rank"); });
        QVERIFY(!answer);
        ask("1\nexit\n", [&](MigrationQuestioner &q) { answer = q.askNotNullAddition("blog", "Post", "rank"); });
        QVERIFY(!answer);
        ask("", [&](MigrationQuestioner &q) { answer = q.askNotNullAddition("blog", "Post", "rank"); }); // end of input
        QVERIFY(!answer);
        shown = ask("", [&](MigrationQuestioner &q) {
            q.setDefault("blog.Post.rank", 3); // a flag's answer is not asked again
            answer = q.askNotNullAddition("blog", "post", "rank");
        });
        QVERIFY(answer);
        QCOMPARE(answer->toInt(), 3);
        QVERIFY(shown.isEmpty());

        bool renamed = false;
        shown = ask("y\n", [&](MigrationQuestioner &q) { renamed = q.askRenameField("blog", "Post", "title", "heading", "CharField"); });
        QVERIFY(renamed);
        QCOMPARE(shown, QStringLiteral("Was the field post.title renamed to post.heading (a CharField)? [y/N] "));
        shown = ask("maybe\nNo\n", [&](MigrationQuestioner &q) { renamed = q.askRenameField("blog", "Post", "title", "heading", "CharField"); });
        QVERIFY(!renamed);
        QVERIFY(shown.endsWith("Please answer yes or no: "));
        ask("\n", [&](MigrationQuestioner &q) { renamed = q.askRenameField("blog", "Post", "title", "heading", "CharField"); });
        QVERIFY(!renamed); // [y/N]: the default is no
        shown = ask("yes\n", [&](MigrationQuestioner &q) { renamed = q.askRenameModel("blog", "Post", "Article"); });
        QVERIFY(renamed);
        QCOMPARE(shown, QStringLiteral("Was the model blog.Post renamed to Article? [y/N] "));

        // The answers drive the autodetector: yes is a RenameField, no a remove + add.
        auto state = [](const QString &fieldName) {
            Registry registry;
            auto app = std::make_shared<AppConfig>("blog");
            app->addModel("Post", {CharField(fieldName, 100, {.null = true})});
            registry.addApp(app);
            registry.populate();
            return ProjectState::fromRegistry(registry);
        };
        for (const bool yes : {true, false}) {
            QString in = yes ? "y\n" : "n\n", out;
            QTextStream inStream(&in), outStream(&out);
            InteractiveMigrationQuestioner questioner(inStream, outStream);
            MigrationAutodetector detector(state("title"), state("heading"), questioner);
            QStringList described;
            for (const OperationPtr &op : detector.operations().value("blog"))
                described << op->describe();
            const QStringList expected = yes ? QStringList{"Rename field title on Post to heading"}
                                             : QStringList{"Add field heading to Post", "Remove field title from Post"};
            QCOMPARE(described, expected);
        }
    }

    void migrateTargetsZeroPlanFakeShowAndSql()
    {
        install("mg", [](AppConfig &a) { a.addModel("Post", {CharField("title", 100)}); });
        QString out, err;
        QCOMPARE(run({"makemigrations", "mg"}, &out, &err), 0);
        install("mg", [](AppConfig &a) { a.addModel("Post", {CharField("title", 100), IntegerField("views", {.defaultValue = 0})}); });
        QCOMPARE(run({"makemigrations", "mg"}, &out, &err), 0);

        QCOMPARE(run({"showmigrations", "mg"}, &out, &err), 0);
        QCOMPARE(out, QStringLiteral("mg\n [ ] 0001_initial\n [ ] 0002_post_views\n"));
        QCOMPARE(run({"migrate", "mg", "0001"}, &out, &err), 0);
        QVERIFY2(out.contains("Target specific migration: 0001_initial, from mg") && out.contains("  Applying mg.0001_initial... OK\n")
                     && !out.contains("0002"),
                 qPrintable(out + err));
        QCOMPARE(run({"showmigrations", "mg"}, &out, &err), 0);
        QCOMPARE(out, QStringLiteral("mg\n [X] 0001_initial\n [ ] 0002_post_views\n"));
        QCOMPARE(columns("mg_post"), (QStringList{"id", "title"}));

        QCOMPARE(run({"migrate", "mg", "--plan"}, &out, &err), 0);
        QCOMPARE(out, QStringLiteral("Planned operations:\nmg.0002_post_views\n    Add field views to post\n"));
        QCOMPARE(applied("mg"), QStringList{"0001_initial"}); // --plan changes nothing
        QCOMPARE(run({"migrate", "mg", "zero", "--plan"}, &out, &err), 0);
        QCOMPARE(out, QStringLiteral("Planned operations:\nmg.0001_initial\n    Undo Create model Post\n"));

        QCOMPARE(run({"migrate", "mg"}, &out, &err), 0);
        QVERIFY2(out.contains("Applying mg.0002_post_views... OK"), qPrintable(out + err));
        QCOMPARE(columns("mg_post"), (QStringList{"id", "title", "views"}));
        QCOMPARE(run({"migrate", "mg", "0001"}, &out, &err), 0);
        QVERIFY2(out.contains("Unapplying mg.0002_post_views... OK"), qPrintable(out + err));
        QCOMPARE(columns("mg_post"), (QStringList{"id", "title"}));
        QCOMPARE(run({"migrate", "mg", "zero"}, &out, &err), 0);
        QVERIFY2(out.contains("Unapply all migrations: mg") && out.contains("Unapplying mg.0001_initial... OK"), qPrintable(out + err));
        QVERIFY(!tableExists("mg_post"));
        QCOMPARE(run({"showmigrations"}, &out, &err), 0);
        QCOMPARE(out, QStringLiteral("mg\n [ ] 0001_initial\n [ ] 0002_post_views\n"));

        QCOMPARE(run({"migrate", "mg", "--fake"}, &out, &err), 0);
        QVERIFY2(out.contains("Applying mg.0001_initial... FAKED") && out.contains("Applying mg.0002_post_views... FAKED"), qPrintable(out));
        QVERIFY(!tableExists("mg_post"));
        QCOMPARE(applied("mg"), (QStringList{"0001_initial", "0002_post_views"}));
        QCOMPARE(run({"migrate", "mg", "zero", "--fake"}, &out, &err), 0);
        QVERIFY(applied("mg").isEmpty());

        QCOMPARE(run({"sqlmigrate", "mg", "0001"}, &out, &err), 0);
        QVERIFY2(out.startsWith("BEGIN;\nCREATE TABLE \"mg_post\" (") && out.endsWith("COMMIT;\n"), qPrintable(out + err));
        QCOMPARE(run({"sqlmigrate", "mg", "0001", "--backwards"}, &out, &err), 0);
        QVERIFY2(out.contains("DROP TABLE \"mg_post\""), qPrintable(out + err));
        QCOMPARE(run({"sqlmigrate", "mg", "0002_post_views"}, &out, &err), 0);
        QVERIFY2(out.contains("ALTER TABLE \"mg_post\" ADD COLUMN \"views\"") || out.contains("CREATE TABLE \"new__mg_post\""), qPrintable(out + err));
        QVERIFY(!tableExists("mg_post") && applied("mg").isEmpty()); // sqlmigrate runs nothing

        // A target that does not exist changes nothing.
        QCOMPARE(run({"migrate", "mg", "0001"}, &out, &err), 0);
        QCOMPARE(run({"migrate", "mg", "0099"}, &out, &err), 1);
        QVERIFY2(err.contains("Cannot find a migration matching '0099' from app 'mg'"), qPrintable(err));
        QCOMPARE(run({"migrate", "nosuchapp"}, &out, &err), 1);
        QVERIFY2(err.contains("nosuchapp"), qPrintable(err));
        QCOMPARE(applied("mg"), QStringList{"0001_initial"});
        QCOMPARE(columns("mg_post"), (QStringList{"id", "title"}));
        QCOMPARE(run({"migrate", "mg", "zero"}, &out, &err), 0);
    }

    void brokenFilesApplyNothing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("problem");
        QTest::newRow("bad JSON") << QByteArray("{\"dependencies\": [[\"br\", \"0001_initial\"]], \"operations\": [") << "invalid JSON";
        QTest::newRow("unknown operation") << QByteArray(R"json({"dependencies": [["br", "0001_initial"]], "operations": [{"type": "FrobnicateModel", "name": "Post"}]})json")
                                          << "Unknown operation 'FrobnicateModel'";
        QTest::newRow("unknown field type")
            << QByteArray(R"json({"dependencies": [["br", "0001_initial"]], "operations": [{"type": "AddField", "model_name": "Post", "field": {"name": "x", "type": "BogusField"}}]})json")
            << "Unknown field type 'BogusField'";
        QTest::newRow("missing dependency") << QByteArray(R"json({"dependencies": [["br", "0001_initial"], ["other", "0007_gone"]], "operations": []})json")
                                           << "nonexistent node other.0007_gone";
    }
    void brokenFilesApplyNothing()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, problem);
        QDir(folder("br")).removeRecursively();
        install("br", [](AppConfig &a) { a.addModel("Post", {CharField("title", 100)}); });
        QString out, err;
        QCOMPARE(run({"makemigrations", "br"}, &out, &err), 0);
        writeRaw("br", "0002_broken", json);
        const QString file = QDir(folder("br")).filePath("0002_broken.json");
        for (const QStringList &command : {QStringList{"migrate"}, QStringList{"migrate", "br"}, QStringList{"makemigrations", "--check"},
                                           QStringList{"showmigrations"}}) {
            QCOMPARE(run(command, &out, &err), 1);
            QVERIFY2(err.contains(file) && err.contains(problem), qPrintable(command.join(' ') + ": " + err));
        }
        QVERIFY(applied("br").isEmpty());
        QVERIFY(!tableExists("br_post"));
    }

    void irreversibleRunSqlRefusedWholly()
    {
        install("ir", [](AppConfig &a) { a.addModel("Post", {CharField("title", 100)}); });
        QString out, err;
        QCOMPARE(run({"makemigrations", "ir"}, &out, &err), 0);
        writeRaw("ir", "0002_data",
                                     R"json({"dependencies": [["ir", "0001_initial"]], "operations": [{"type": "RunSQL", "sql": "INSERT INTO ir_post (title) VALUES ('seed')"}]})json");
        writeRaw("ir", "0003_more",
                                     R"json({"dependencies": [["ir", "0002_data"]], "operations": [{"type": "RunSQL", "sql": "UPDATE ir_post SET title = 'more'", "reverse_sql": "UPDATE ir_post SET title = 'seed'"}]})json");
        QCOMPARE(run({"migrate", "ir"}, &out, &err), 0);
        QCOMPARE(run({"migrate", "ir", "0001"}, &out, &err), 1);
        QVERIFY2(err.contains("Operation Raw SQL operation in ir.0002_data is not reversible"), qPrintable(err));
        // 0003 is reversible and comes first in the plan: it was not undone either.
        QCOMPARE(applied("ir"), (QStringList{"0001_initial", "0002_data", "0003_more"}));
        QCOMPARE(column("SELECT title FROM ir_post"), QVariantList{"more"});
        QCOMPARE(run({"migrate", "ir", "zero", "--plan"}, &out, &err), 0);
        QVERIFY2(out.contains("Undo Raw SQL operation -> IRREVERSIBLE"), qPrintable(out));
    }

    void failingMigrationRolledBackWithData()
    {
        install("fl", [](AppConfig &a) { a.addModel("Post", {CharField("title", 100)}); });
        QString out, err;
        QCOMPARE(run({"makemigrations", "fl"}, &out, &err), 0);
        QCOMPARE(run({"migrate", "fl"}, &out, &err), 0);
        exec("INSERT INTO fl_post (title) VALUES ('one'), ('two')");
        install("fl", [](AppConfig &a) { a.addModel("Post", {CharField("title", 100), IntegerField("views", {.defaultValue = 7})}); });
        QCOMPARE(run({"makemigrations", "fl"}, &out, &err), 0);
        // A hand-added last step that fails after the column was added and the rows changed.
        QFile file(QDir(folder("fl")).filePath("0002_post_views.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonArray operations = json.value("operations").toArray();
        operations.append(QJsonObject{{"type", "RunSQL"}, {"sql", "UPDATE fl_post SET title = 'changed'"}, {"reverse_sql", QJsonArray()}});
        operations.append(QJsonObject{{"type", "RunSQL"}, {"sql", "INSERT INTO fl_no_such_table VALUES (1)"}, {"reverse_sql", QJsonArray()}});
        json.insert("operations", operations);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(json).toJson());
        file.close();

        QCOMPARE(run({"migrate", "fl"}, &out, &err), 1);
        QVERIFY2(out.contains("Applying fl.0002_post_views... FAILED") && err.contains("fl_no_such_table"), qPrintable(out + err));
        QCOMPARE(applied("fl"), QStringList{"0001_initial"});
        QCOMPARE(columns("fl_post"), (QStringList{"id", "title"}));
        QCOMPARE(column("SELECT title FROM fl_post ORDER BY id"), (QVariantList{"one", "two"}));
    }

    void migrationsDirKeepsAppsThatShipTheirOwn()
    {
        // bench ships its migrations as the resource :/migrations/bench; "md"
        // has none of its own. --migrations-dir only takes over "md".
        const QString dir = m_tmp.filePath("mdroot");
        auto bench = std::make_shared<demo::BenchApp>();
        QVERIFY(MigrationLoader::hasMigrationFiles(bench->migrationsPath()));
        install({{"md", [](AppConfig &a) { a.addModel("Note", {CharField("text", 100)}); }}}, {bench});
        Registry::instance().app("md")->setMigrationsPath(m_tmp.filePath("nowhere/md"));
        QString out, err;
        QCOMPARE(run({"makemigrations", "--migrations-dir", dir}, &out, &err), 0);
        QVERIFY2(out.contains("Migrations for 'md':") && !out.contains("'bench'"), qPrintable(out + err));
        QVERIFY(QFile::exists(dir + "/md/0001_initial.json"));
        QVERIFY(!QDir(dir + "/bench").exists());
        QCOMPARE(run({"makemigrations", "--check", "--migrations-dir", dir}, &out, &err), 0);

        // A change to bench cannot be written into the resource, and nothing
        // is written when one app cannot be (md changed too).
        bench = std::make_shared<demo::BenchApp>();
        bench->addModel("Shelf", {CharField("label", 20)});
        install({{"md", [](AppConfig &a) { a.addModel("Note", {CharField("text", 100), IntegerField("stars", {.null = true})}); }}}, {bench});
        Registry::instance().app("md")->setMigrationsPath(m_tmp.filePath("nowhere/md"));
        QCOMPARE(run({"makemigrations", "bench"}, &out, &err), 1);
        QVERIFY2(err.contains("App 'bench' reads its migrations from the Qt resource ':/migrations/bench'")
                     && err.contains("--migrations-dir pointing at the source folder"),
                 qPrintable(err));
        QCOMPARE(run({"makemigrations", "--migrations-dir", dir}, &out, &err), 1);
        QVERIFY2(err.contains("':/migrations/bench'"), qPrintable(err));
        QCOMPARE(QDir(dir + "/md").entryList(QDir::Files), QStringList{"0001_initial.json"});
        // A source folder that holds bench/ takes it over; several folders may be given.
        const QString source = m_tmp.filePath("source");
        QVERIFY(QDir().mkpath(source + "/bench"));
        for (const QString &name : QDir(":/migrations/bench").entryList(QDir::Files))
            QVERIFY(QFile::copy(":/migrations/bench/" + name, source + "/bench/" + name));
        QCOMPARE(run({"makemigrations", "--migrations-dir", dir, "--migrations-dir", source}, &out, &err), 0);
        QVERIFY2(QFile::exists(source + "/bench/0002_shelf.json") && QFile::exists(dir + "/md/0002_note_stars.json"), qPrintable(out + err));
        QVERIFY(!QDir(dir + "/bench").exists());
        QCOMPARE(run({"makemigrations", "--check", "--migrations-dir", source, "--migrations-dir", dir}, &out, &err), 0);
    }

    void mutualForeignKeysAcrossAppsSplit()
    {
        install({{"cya", [](AppConfig &a) { a.addModel("Author", {CharField("name", 50), ForeignKey("favourite", "cyb.Book", OnDelete::SetNull, {.null = true})}); }},
                 {"cyb", [](AppConfig &a) { a.addModel("Book", {CharField("title", 50), ForeignKey("author", "cya.Author", OnDelete::Cascade)}); }}});
        QString out, err;
        QCOMPARE(run({"makemigrations"}, &out, &err), 0);
        QCOMPARE(files("cya"), (QStringList{"0001_initial.json", "0002_initial.json"}));
        QCOMPARE(files("cyb"), QStringList{"0001_initial.json"});
        const QJsonObject a1 = QJsonDocument::fromJson(read("cya", "0001_initial.json")).object();
        const QJsonObject a2 = QJsonDocument::fromJson(read("cya", "0002_initial.json")).object();
        const QJsonObject b1 = QJsonDocument::fromJson(read("cyb", "0001_initial.json")).object();
        QVERIFY(a1.value("dependencies").toArray().isEmpty());
        QVERIFY(!QJsonDocument(a1).toJson().contains("favourite"));
        QCOMPARE(a2.value("dependencies").toArray(), (QJsonArray{QJsonArray{"cya", "0001_initial"}, QJsonArray{"cyb", "0001_initial"}}));
        QCOMPARE(a2.value("operations").toArray().at(0).toObject().value("type").toString(), QStringLiteral("AddField"));
        QCOMPARE(b1.value("dependencies").toArray(), (QJsonArray{QJsonArray{"cya", "0001_initial"}}));
        QCOMPARE(run({"makemigrations", "--check"}, &out, &err), 0);
        QCOMPARE(run({"migrate"}, &out, &err), 0);
        QCOMPARE(columns("cya_author"), (QStringList{"id", "name", "favourite_id"}));
        exec("INSERT INTO cya_author (name) VALUES ('ann')");
        exec("INSERT INTO cyb_book (title, author_id) VALUES ('tome', 1)");
        exec("UPDATE cya_author SET favourite_id = 1");
        QCOMPARE(run({"migrate", "cya", "zero"}, &out, &err), 0); // cyb goes first: it depends on cya
        QVERIFY(!tableExists("cya_author") && !tableExists("cyb_book"));
    }

    void renameModelRenamesManyToManyTables()
    {
        auto v1 = [](AppConfig &a) {
            a.addModel("Tag", {CharField("name", 20)});
            a.addModel("Post", {CharField("title", 50), ManyToManyField("tags", "Tag"), ManyToManyField("related", "Post")});
        };
        install({{"rm", v1}, {"rx", [](AppConfig &a) { a.addModel("Reader", {ManyToManyField("tagged", "rm.Tag")}); }}});
        QString out, err;
        QCOMPARE(run({"makemigrations"}, &out, &err), 0);
        QCOMPARE(run({"migrate"}, &out, &err), 0);
        exec("INSERT INTO rm_tag (name) VALUES ('qt')");
        exec("INSERT INTO rm_post (title) VALUES ('a'), ('b')");
        exec("INSERT INTO rm_post_tags (post_id, tag_id) VALUES (1, 1)");
        exec("INSERT INTO rm_post_related (from_post_id, to_post_id) VALUES (1, 2)");
        exec("INSERT INTO rx_reader DEFAULT VALUES");
        exec("INSERT INTO rx_reader_tagged (reader_id, tag_id) VALUES (1, 1)");

        install({{"rm", [](AppConfig &a) {
                      a.addModel("Label", {CharField("name", 20)});
                      a.addModel("Article", {CharField("title", 50), ManyToManyField("tags", "Label"), ManyToManyField("related", "Article")});
                  }},
                 {"rx", [](AppConfig &a) { a.addModel("Reader", {ManyToManyField("tagged", "rm.Label")}); }}});
        QCOMPARE(run({"makemigrations", "--rename", "rm.Tag=Label", "--rename", "rm.Post=Article"}, &out, &err), 0);
        QVERIFY2(out.contains("Rename model Tag to Label") && out.contains("Rename model Post to Article") && !out.contains("Delete"), qPrintable(out + err));
        // Like Django, the rename depends on the app that points at the model
        // (so that its relation is repointed in every replay order); that app
        // needs no migration of its own.
        QCOMPARE(files("rm").last(), QStringLiteral("0002_rename_post_article_rename_tag_label.json"));
        QCOMPARE(files("rx"), QStringList{"0001_initial.json"});
        const QJsonArray dependencies = QJsonDocument::fromJson(read("rm", files("rm").last())).object().value("dependencies").toArray();
        QCOMPARE(dependencies, (QJsonArray{QJsonArray{"rm", "0001_initial"}, QJsonArray{"rx", "0001_initial"}}));
        QCOMPARE(run({"migrate"}, &out, &err), 0);
        QVERIFY2(!tableExists("rm_post_tags") && tableExists("rm_article_tags"), qPrintable(out + err));
        QCOMPARE(rows("SELECT article_id, label_id FROM rm_article_tags"), (QList<QVariantList>{{1, 1}}));
        QCOMPARE(rows("SELECT from_article_id, to_article_id FROM rm_article_related"), (QList<QVariantList>{{1, 2}}));
        QCOMPARE(rows("SELECT reader_id, label_id FROM rx_reader_tagged"), (QList<QVariantList>{{1, 1}}));
        QVERIFY2(run({"makemigrations", "--check"}, &out, &err) == 0, qPrintable(out + err));
        // Backwards restores the old names, rows included.
        QCOMPARE(run({"migrate", "rm", "0001"}, &out, &err), 0);
        QCOMPARE(rows("SELECT post_id, tag_id FROM rm_post_tags"), (QList<QVariantList>{{1, 1}}));
        QCOMPARE(rows("SELECT from_post_id, to_post_id FROM rm_post_related"), (QList<QVariantList>{{1, 2}}));
        QCOMPARE(rows("SELECT reader_id, tag_id FROM rx_reader_tagged"), (QList<QVariantList>{{1, 1}}));
    }

    void uniqueTogetherDroppedByTheNameCreateModelGaveIt()
    {
        auto item = [](QList<QStringList> together) {
            return [together](AppConfig &a) { a.addModel("Item", {CharField("name", 20), CharField("category", 20)}, {.uniqueTogether = together}); };
        };
        install("ut", item({{"name", "category"}}));
        QString out, err;
        QCOMPARE(run({"makemigrations", "ut"}, &out, &err), 0);
        QCOMPARE(run({"migrate", "ut"}, &out, &err), 0);
        exec("INSERT INTO ut_item (name, category) VALUES ('a', 'x')");
        QVERIFY_THROWS_EXCEPTION(Error, exec("INSERT INTO ut_item (name, category) VALUES ('a', 'x')"));
        install("ut", item({}));
        QCOMPARE(run({"makemigrations", "ut"}, &out, &err), 0);
        QVERIFY2(out.contains("Alter unique_together for Item (0 constraint(s))"), qPrintable(out + err));
        QCOMPARE(run({"migrate", "ut"}, &out, &err), 0);
        exec("INSERT INTO ut_item (name, category) VALUES ('a', 'x')");
        exec("DELETE FROM ut_item WHERE id > 1"); // the failed insert used id 2 on PostgreSQL
        QVERIFY2(run({"migrate", "ut", "0001"}, &out, &err) == 0, qPrintable(out + err)); // added back under the same name
        QVERIFY_THROWS_EXCEPTION(Error, exec("INSERT INTO ut_item (name, category) VALUES ('a', 'x')"));
        QCOMPARE(run({"migrate", "ut"}, &out, &err), 0);
        QCOMPARE(run({"migrate", "ut", "zero"}, &out, &err), 0);
        QVERIFY(!tableExists("ut_item"));
    }
};

QTEST_GUILESS_MAIN(TestMigrationCommands)
#include "tst_migrationcommands.moc"
