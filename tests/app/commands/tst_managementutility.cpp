// The quango command line: global options before the command, help, unknown
// commands, check on a good and a broken project, errors as exit codes.
#include "app/ManagementUtility.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "db/SchemaEditor.h"
#include "orm/Manager.h"
#include "signals/ModelSignals.h"
#include "orm/RelatedField.h"
#include "orm/fields/CharField.h"
#include <QTemporaryDir>
#include <QtTest>

using namespace quango;

class TestManagementUtility : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    int run(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        QString o, e;
        QTextStream outStream(&o), errStream(&e);
        const int code = ManagementUtility(QStringList{"quango"} + args, outStream, errStream).execute();
        outStream.flush();
        errStream.flush();
        if (out)
            *out = o;
        if (err)
            *err = e;
        return code;
    }

    QString url() const { return "sqlite://" + m_dir.filePath("cli.sqlite3"); }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("QUANGO_DATABASE_URL");
        installDemoApps(Registry::instance());
    }

    void helpListsCommands()
    {
        QString out;
        QCOMPARE(run({"help"}, &out), 0);
        QVERIFY2(out.contains("check") && out.contains("gui") && out.contains("help"), qPrintable(out));
        QCOMPARE(run({"help", "check"}, &out), 0);
        QVERIFY(out.contains("--database-connection"));
        QCOMPARE(run({"check", "--help"}, &out), 0);
        QVERIFY(out.contains("--database-connection"));
    }

    void unknownCommandAndOptions()
    {
        QString err;
        QCOMPARE(run({"frobnicate"}, nullptr, &err), 1);
        QVERIFY(err.contains("Unknown command: 'frobnicate'. Type 'quango help' for usage."));
        QCOMPARE(run({"--nope", "check"}, nullptr, &err), 2);
        QVERIFY(err.contains("--nope"));
        QCOMPARE(run({"check", "--nope"}, nullptr, &err), 2);
        QCOMPARE(run({"--database"}, nullptr, &err), 2);
        QVERIFY(err.contains("needs a value"));
    }

    void checkPassesOnTheDemoProject()
    {
        QString out, err;
        QCOMPARE(run({"--database", url(), "check"}, &out, &err), 0);
        QVERIFY2(out.contains("System check identified no issues"), qPrintable(out + err));
        QVERIFY(QFile::exists(m_dir.filePath("cli.sqlite3"))); // --database before the command was used
    }

    void migrateRunSyncdbCreatesTables()
    {
        const QString db = "sqlite://" + m_dir.filePath("migrate.sqlite3");
        QString out, err;
        QCOMPARE(run({"--database", db, "migrate"}, &out, &err), 0);
        QVERIFY2(out.contains("only synchronized with --run-syncdb"), qPrintable(out));
        QStringList created;
        const QString key = signals::postMigrate.connect([&](const void *, const MigrateInfo &info) { created << info.app->label(); });
        QCOMPARE(run({"--database", db, "migrate", "--run-syncdb"}, &out, &err), 0);
        signals::postMigrate.disconnect(key);
        QVERIFY2(out.contains("Creating table blog_post") && out.contains("Creating table blog_post_tags"), qPrintable(out + err));
        QCOMPARE(created, (QStringList{"myapi", "blog", "bench"}));
        // The tables work: the ORM can write to them.
        Connections::configure(DatabaseUrl::parse(db));
        QVERIFY(SchemaEditor(Connection::get()).tableExists("myapi_profile"));
        Registry::instance().modelOrThrow("blog.Author").objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        Connections::closeAll();
        // Running it again changes nothing and says so.
        QCOMPARE(run({"--database", db, "migrate", "--run-syncdb"}, &out, &err), 0);
        QVERIFY(out.contains("All tables exist already."));
        QCOMPARE(run({"--database", db, "migrate", "nope"}, &out, &err), 1);
        QVERIFY(err.contains("No installed app with label 'nope'"));
    }

    void checkReportsBadSettings()
    {
        QString err;
        QCOMPARE(run({"--database", "mysql://x/y", "check"}, nullptr, &err), 1);
        QVERIFY2(err.contains("Invalid database URL 'mysql://x/y'") && err.contains("command line"), qPrintable(err));
        qputenv("QUANGO_DATABASE_URL", "nonsense");
        QCOMPARE(run({"check"}, nullptr, &err), 1);
        QVERIFY2(err.contains("QUANGO_DATABASE_URL"), qPrintable(err));
        qunsetenv("QUANGO_DATABASE_URL");
    }

    void checkReportsBrokenModels()
    {
        auto broken = std::make_shared<AppConfig>("broken");
        broken->addModel("Thing", {ForeignKey("owner", "broken.Nobody", OnDelete::Cascade), CharField("name", 10)});
        Registry::instance().addApp(broken);
        QString err;
        QCOMPARE(run({"--database", url(), "check"}, nullptr, &err), 1);
        QVERIFY2(err.contains("broken.Thing.owner: (fields.E300) Field defines a relation with model 'broken.Nobody'"), qPrintable(err));
        QVERIFY(err.contains("System check identified 1 issue"));
    }
};

QTEST_GUILESS_MAIN(TestManagementUtility)
#include "tst_managementutility.moc"
