// dumpdata and loaddata through the command line: output to stdout and to a
// file, --indent, --exclude, --pks, the summary line, Django's messages for
// wrong arguments, and exit codes (2 with usage for bad arguments, 1 with
// "CommandError: ..." for errors).
#include "TestDatabase.h"
#include "app/ManagementUtility.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "orm/ManyRelatedManager.h"
#include "orm/Model.h"
#include "orm/QuerySet.h"
#include <QTemporaryDir>
#include "CommandRunner.h"
#include <QtTest>

using namespace quango;

class TestFixtureCommands : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    QTemporaryDir m_dir;

    int run(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        return testing::runCommand(QStringList{"--database", m_db.url()} + args, out, err);
    }

    static const ModelMeta *model(const char *label) { return &Registry::instance().modelOrThrow(label); }

    void createData()
    {
        Model ann(model("blog.Author"));
        ann.set("name", "Ann").set("email", "ann@example.com").save();
        Model bob(model("blog.Author"));
        bob.set("name", "Bob").set("email", "bob@example.com").save();
        Model tag(model("blog.Tag"));
        tag.set("name", "qt").save();
        Model post(model("blog.Post"));
        post.set("title", "Hi").set("slug", "hi").set("author", ann.pk())
            .set("created", QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC)).set("updated", QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
        post.save(SaveOptions{.raw = true});
        post.manyRelated("tags").set({tag.pk()});
    }

    QString write(const QString &name, const QByteArray &data)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(file.fileName()));
        file.write(data);
        return file.fileName();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("QUANGO_DATABASE_URL");
        installDemoApps(Registry::instance());
        m_db.setUp();
        m_db.createTables();
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init() { m_db.resetTables(); }

    void dumpToStdout()
    {
        createData();
        QString out, err;
        QCOMPARE(run({"dumpdata", "blog.Author"}, &out, &err), 0);
        QCOMPARE(out, QString(R"([{"model": "blog.author", "pk": 1, "fields": {"name": "Ann", "email": "ann@example.com", "bio": ""}}, )"
                              R"({"model": "blog.author", "pk": 2, "fields": {"name": "Bob", "email": "bob@example.com", "bio": ""}}])"));
        QVERIFY(err.isEmpty());
        QCOMPARE(run({"dumpdata", "blog.author", "--indent", "2"}, &out), 0);
        QVERIFY2(out.startsWith("[\n{\n  \"model\": \"blog.author\",\n  \"pk\": 1,\n  \"fields\": {\n    \"name\": \"Ann\",") && out.endsWith("}\n]\n"), qPrintable(out));
        // The whole blog app, in the app's model order and pk order.
        QCOMPARE(run({"dumpdata", "blog"}, &out), 0);
        QVERIFY(out.indexOf("\"blog.author\"") < out.indexOf("\"blog.tag\"") && out.indexOf("\"blog.tag\"") < out.indexOf("\"blog.post\""));
        QVERIFY2(out.contains("\"tags\": [1]"), qPrintable(out));
        // No label: every installed app.
        QCOMPARE(run({"dumpdata"}, &out), 0);
        QVERIFY(out.contains("\"blog.post\""));
    }

    void dumpOptions()
    {
        createData();
        QString out, err;
        const QString file = m_dir.filePath("out.json");
        QCOMPARE(run({"dumpdata", "blog", "-o", file}, &out), 0);
        QVERIFY(out.isEmpty());
        QString stdoutDump;
        QCOMPARE(run({"dumpdata", "blog"}, &stdoutDump), 0);
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(written.readAll()), stdoutDump);

        QCOMPARE(run({"dumpdata", "blog", "--exclude", "blog.Post", "-e", "blog.tag"}, &out), 0);
        QVERIFY(out.contains("\"blog.author\"") && !out.contains("\"blog.post\"") && !out.contains("\"blog.tag\""));
        QCOMPARE(run({"dumpdata", "-e", "blog", "-e", "myapi", "-e", "bench"}, &out), 0);
        QVERIFY2(!out.contains("\"blog.") && !out.contains("\"myapi."), qPrintable(out));

        QCOMPARE(run({"dumpdata", "blog.Author", "--pks", "2"}, &out), 0);
        QVERIFY(out.contains("\"Bob\"") && !out.contains("\"Ann\""));
        QCOMPARE(run({"dumpdata", "blog.Author", "--pks", "1, 2"}, &out), 0);
        QVERIFY(out.contains("\"Bob\"") && out.contains("\"Ann\""));
    }

    void dumpErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown app") << QStringList{"dumpdata", "nope"} << 1 << "CommandError: No installed app with label 'nope'.";
        QTest::newRow("unknown model") << QStringList{"dumpdata", "blog.Nope"} << 1 << "CommandError: Unknown model: blog.Nope";
        QTest::newRow("unknown exclude model") << QStringList{"dumpdata", "-e", "blog.Nope"} << 1 << "CommandError: Unknown model in excludes: blog.Nope";
        QTest::newRow("unknown exclude app") << QStringList{"dumpdata", "--exclude", "nope"} << 1 << "CommandError: No installed app with label 'nope' in excludes.";
        QTest::newRow("pks without model") << QStringList{"dumpdata", "--pks", "1"} << 1 << "CommandError: You can only use --pks option with one model";
        QTest::newRow("pks with app") << QStringList{"dumpdata", "blog", "--pks", "1"} << 1 << "CommandError: You can only use --pks option with one model";
        QTest::newRow("pks with two models") << QStringList{"dumpdata", "blog.Author", "blog.Tag", "--pks", "1"} << 1 << "CommandError: You can only use --pks option with one model";
        QTest::newRow("bad pk") << QStringList{"dumpdata", "blog.Author", "--pks", "x"} << 1 << "CommandError: --pks: 'x' is not a valid primary key of blog.Author";
        QTest::newRow("bad indent") << QStringList{"dumpdata", "--indent", "two"} << 2 << "argument --indent: invalid int value: 'two'";
        QTest::newRow("indent without value") << QStringList{"dumpdata", "--indent"} << 2 << "Usage: quango dumpdata";
        QTest::newRow("unknown option") << QStringList{"dumpdata", "--nope"} << 2 << "Unknown option '--nope'.";
        QTest::newRow("format") << QStringList{"dumpdata", "--format", "xml"} << 1 << "CommandError: Unknown serialization format: xml";
        QTest::newRow("unwritable output") << QStringList{"dumpdata", "-o", "/nonexistent-dir/x.json"} << 1 << "CommandError: Cannot write the fixture to '/nonexistent-dir/x.json'";
    }
    void dumpErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        QString out, err;
        QCOMPARE(run(args, &out, &err), code);
        QVERIFY2(err.contains(message), qPrintable(err));
        if (code == 2)
            QVERIFY2(err.contains("Usage: quango dumpdata"), qPrintable(err));
    }

    void loadAndRoundTrip()
    {
        createData();
        QString dump, out, err;
        QCOMPARE(run({"dumpdata", "blog", "--indent", "4", "-o", m_dir.filePath("blog.json")}), 0);
        QCOMPARE(run({"dumpdata", "blog"}, &dump), 0);
        m_db.resetTables();
        QCOMPARE(run({"loaddata", m_dir.filePath("blog.json")}, &out, &err), 0);
        QCOMPARE(out, QString("Installed 4 object(s) from 1 fixture(s)\n"));
        QVERIFY(err.isEmpty());
        QString again;
        QCOMPARE(run({"dumpdata", "blog"}, &again), 0);
        QCOMPARE(again, dump);
        // Two fixtures, one named without its extension; -v 0 is quiet.
        const QString tags = write("tags.json", R"([{"model": "blog.tag", "pk": 5, "fields": {"name": "sql"}}])");
        QCOMPARE(run({"loaddata", m_dir.filePath("tags"), m_dir.filePath("blog.json")}, &out), 0);
        QCOMPARE(out, QString("Installed 5 object(s) from 2 fixture(s)\n"));
        QCOMPARE(run({"-v", "0", "loaddata", tags}, &out), 0);
        QVERIFY(out.isEmpty());
        // --exclude and --ignorenonexistent.
        const QString extra = write("extra.json", R"([{"model": "blog.tag", "pk": 6, "fields": {"name": "x", "colour": 1}}, {"model": "blog.author", "pk": 9, "fields": {"name": "Z", "email": "z@example.com", "bio": ""}}])");
        QCOMPARE(run({"loaddata", extra, "-i", "-e", "blog.Author"}, &out), 0);
        QCOMPARE(out, QString("Installed 1 object(s) (of 2) from 1 fixture(s)\n"));
        QCOMPARE(QuerySet(model("blog.Tag")).filter(Q("pk", 6)).count(), 1);
        QCOMPARE(QuerySet(model("blog.Author")).filter(Q("pk", 9)).count(), 0);
        const QString empty = write("empty.json", "[]");
        QCOMPARE(run({"loaddata", empty}, &out, &err), 0);
        QCOMPARE(out, QString("Installed 0 object(s) from 1 fixture(s)\n"));
        QVERIFY2(err.contains(QString("No fixture data found for '%1'. (File format may be invalid.)").arg(empty)), qPrintable(err));
    }

    void loadErrors()
    {
        QString out, err;
        QCOMPARE(run({"loaddata"}, &out, &err), 2);
        QVERIFY2(err.contains("the following arguments are required: fixture") && err.contains("Usage: quango loaddata"), qPrintable(err));
        QCOMPARE(run({"loaddata", m_dir.filePath("nope.json")}, &out, &err), 1);
        QCOMPARE(err, QString("CommandError: No fixture named '%1' found.\n").arg(m_dir.filePath("nope.json")));
        const QString bad = write("bad.json", R"([{"model": "blog.tag", "pk": 1, "fields": {"name": "qt"}}, {"model": "blog.post", "pk": 3, "fields": {"title": "T", "slug": "t", "author": 9, "created": "2024-01-01T00:00:00Z", "updated": "2024-01-01T00:00:00Z"}}])");
        QCOMPARE(run({"loaddata", bad}, &out, &err), 1);
        QCOMPARE(err, QString("CommandError: Problem installing fixture '%1': blog.post(pk=3) field 'author': blog.author with pk 9 does not exist.\n").arg(bad));
        QVERIFY(out.isEmpty());
        QCOMPARE(QuerySet(model("blog.Tag")).count(), 0);
        const QString malformed = write("malformed.json", "[{");
        QCOMPARE(run({"loaddata", malformed}, &out, &err), 1);
        QVERIFY2(err.startsWith(QString("CommandError: Problem installing fixture '%1': malformed JSON").arg(malformed)), qPrintable(err));
        QCOMPARE(run({"loaddata", bad, "-e", "nope"}, &out, &err), 1);
        QCOMPARE(err, QString("CommandError: No installed app with label 'nope'.\n"));
        QCOMPARE(run({"loaddata", bad, "-e", "blog.Nope"}, &out, &err), 1);
        QCOMPARE(err, QString("CommandError: Unknown model: blog.Nope\n"));
        const QString xml = write("data.xml", "<x/>");
        QCOMPARE(run({"loaddata", xml}, &out, &err), 1);
        QVERIFY2(err.contains("xml is not a known serialization format"), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestFixtureCommands)
#include "tst_fixturecommands.moc"
