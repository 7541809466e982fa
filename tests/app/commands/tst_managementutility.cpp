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
#include "CommandRunner.h"
#include <QtTest>

using namespace quango;

class TestManagementUtility : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    int run(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        return testing::runCommand(args, out, err);
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
        QVERIFY2(out.contains("--database <URL>") && out.contains("--verbosity"), qPrintable(out)); // the global options
        QString overview;
        QCOMPARE(run({"--help"}, &overview), 0);
        QCOMPARE(overview, out);
        QCOMPARE(run({"help", "check"}, &out), 0);
        QVERIFY2(out.startsWith("Usage: quango check [options]"), qPrintable(out));
        QVERIFY(out.contains("--database-connection"));
        QVERIFY(!out.contains("--help-all")); // Qt's own options are not a command's
        QString same;
        QCOMPARE(run({"check", "--help"}, &same), 0);
        QCOMPARE(same, out);
        QCOMPARE(run({"--help", "check"}, &same), 0);
        QCOMPARE(same, out);
    }

    void unknownCommandAndOptions()
    {
        QString err;
        QCOMPARE(run({"frobnicate"}, nullptr, &err), 1);
        QVERIFY(err.contains("Unknown command: 'frobnicate'. Type 'quango help' for usage."));
        QCOMPARE(run({"--nope", "check"}, nullptr, &err), 2);
        QVERIFY(err.contains("--nope"));
        QCOMPARE(run({"check", "--nope"}, nullptr, &err), 2);
        QVERIFY2(err.contains("nope") && err.contains("Usage: quango check"), qPrintable(err));
        QCOMPARE(run({"--database"}, nullptr, &err), 2);
        QVERIFY2(err.contains("database"), qPrintable(err));
        QCOMPARE(run({"-v", "7", "check"}, nullptr, &err), 2);
        QVERIFY(err.contains("--verbosity takes 0, 1, 2 or 3"));
        QCOMPARE(run({"help", "frobnicate"}, nullptr, &err), 1);
        QVERIFY(err.contains("Unknown command: 'frobnicate'"));
    }

    void globalOptionsBeforeTheCommandOnly()
    {
        // After the command, --database is the command's business: check has
        // no such option, so it is a usage error rather than a silent switch.
        QString out, err;
        QCOMPARE(run({"check", "--database", url()}, &out, &err), 2);
        QCOMPARE(run({"-v2", "--database=" + url(), "check"}, &out, &err), 0);
        QVERIFY2(out.contains("no issues"), qPrintable(out + err));
    }

    void checkPassesOnTheDemoProject()
    {
        QString out, err;
        QCOMPARE(run({"--database", url(), "check"}, &out, &err), 0);
        QVERIFY2(out.contains("System check identified no issues"), qPrintable(out + err));
        QVERIFY(QFile::exists(m_dir.filePath("cli.sqlite3"))); // --database before the command was used
    }

    void migrateAppliesTheDemoMigrationsAndSyncsTheRest()
    {
        // The demo apps ship migrations (:/migrations/<app>); bench is made
        // unmigrated here so that --run-syncdb has an app to synchronize.
        AppConfig *bench = Registry::instance().app("bench");
        const QString benchPath = bench->migrationsPath();
        bench->setMigrationsPath(QString());
        const QString db = "sqlite://" + m_dir.filePath("migrate.sqlite3");
        QString out, err;
        QCOMPARE(run({"--database", db, "migrate"}, &out, &err), 0);
        QVERIFY2(out.contains("Apply all migrations: admin, auth, authtoken, blog, contenttypes, history, myapi") && out.contains("Applying blog.0001_initial... OK")
                     && out.contains("Applying myapi.0001_initial... OK"),
                 qPrintable(out + err));
        QVERIFY2(out.contains("Synchronize unmigrated apps: bench") && out.contains("only synchronized with --run-syncdb"), qPrintable(out));
        QStringList created;
        const QString key = signals::postMigrate.connect([&](const void *, const MigrateInfo &info) { created << info.app->label(); });
        QCOMPARE(run({"--database", db, "migrate", "--run-syncdb"}, &out, &err), 0);
        signals::postMigrate.disconnect(key);
        QVERIFY2(out.contains("Creating table bench_book") && out.contains("No migrations to apply."), qPrintable(out + err));
        QCOMPARE(created, (QStringList{"contenttypes", "auth", "admin", "authtoken", "history", "myapi", "blog", "bench"}));
        // The tables work: the ORM can write to them.
        Connections::configure(DatabaseUrl::parse(db));
        QVERIFY(SchemaEditor(Connection::get()).tableExists("myapi_profile"));
        QVERIFY(SchemaEditor(Connection::get()).tableExists("blog_post_tags"));
        Registry::instance().modelOrThrow("blog.Author").objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        Connections::closeAll();
        // Running it again changes nothing and says so.
        QCOMPARE(run({"--database", db, "migrate", "--run-syncdb"}, &out, &err), 0);
        QVERIFY2(out.contains("All tables exist already.") && out.contains("No migrations to apply."), qPrintable(out));
        QCOMPARE(run({"--database", db, "showmigrations", "blog"}, &out, &err), 0);
        QCOMPARE(out, QString("blog\n [X] 0001_initial\n"));
        QCOMPARE(run({"--database", db, "migrate", "nope"}, &out, &err), 1);
        QVERIFY(err.contains("No installed app with label 'nope'"));
        bench->setMigrationsPath(benchPath);
    }

    void shippedMigrationsMatchTheModels()
    {
        // What CI checks with `quango makemigrations --check`.
        QString out, err;
        QCOMPARE(run({"--database", url(), "makemigrations", "--check"}, &out, &err), 0);
        QVERIFY2(out.contains("No changes detected"), qPrintable(out + err));
    }

    void checkReportsBadSettings()
    {
        QString err;
        QCOMPARE(run({"--database", "mysql://x/y", "check"}, nullptr, &err), 1);
        QVERIFY2(err.contains("Invalid database URL 'mysql://x/y'") && err.contains("command line"), qPrintable(err));
        QVERIFY2(err.startsWith("SystemCheckError: System check identified some issues:\n\nERRORS:\nDATABASE_URL: (settings.E001)"), qPrintable(err));
        // A command that needs the database stops before running, naming the source.
        QCOMPARE(run({"--database", "mysql://x/y", "migrate"}, nullptr, &err), 1);
        QVERIFY2(err.startsWith("CommandError: Invalid database URL 'mysql://x/y'") && err.contains("command line"), qPrintable(err));
        qputenv("QUANGO_DATABASE_URL", "nonsense");
        QCOMPARE(run({"check"}, nullptr, &err), 1);
        QVERIFY2(err.contains("QUANGO_DATABASE_URL"), qPrintable(err));
        qunsetenv("QUANGO_DATABASE_URL");
        qputenv("QUANGO_DEBUG", "maybe");
        QCOMPARE(run({"--database", url(), "check"}, nullptr, &err), 1);
        qunsetenv("QUANGO_DEBUG");
        QVERIFY2(err.contains("DEBUG: (settings.E002) The setting DEBUG must be true or false, got 'maybe'"), qPrintable(err));
    }

    void checkReportsBrokenModels()
    {
        // A project of its own: one app whose ForeignKey names a model nobody has.
        Registry::instance().clear();
        auto broken = std::make_shared<AppConfig>("broken");
        broken->addModel("Thing", {ForeignKey("owner", "broken.Nobody", OnDelete::Cascade), CharField("name", 10)});
        Registry::instance().addApp(broken);
        QString out, err;
        QCOMPARE(run({"--database", url(), "check"}, &out, &err), 1);
        QCOMPARE(err, QStringLiteral("SystemCheckError: System check identified some issues:\n\nERRORS:\n"
                                     "broken.Thing.owner: (fields.E300) Field defines a relation with model 'broken.Nobody', "
                                     "which is either not installed, or is abstract.\n\n"
                                     "System check identified 1 issue (0 silenced).\n"));
        QVERIFY(out.isEmpty());
    }

    void cleanupTestCase()
    {
        Registry::instance().clear();
        Connections::closeAll();
    }
};

QTEST_GUILESS_MAIN(TestManagementUtility)
#include "tst_managementutility.moc"
