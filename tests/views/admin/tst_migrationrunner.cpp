// The migrations page's logic on an unmigrated SQLite database of the demo
// project: the state per app, the pending plan, migrate with its progress
// events in order, the SQL text, a dry run that leaves the file untouched,
// drift after manual changes, make migrations into a temp folder, a failing
// migration reported and rolled back, and revert to a target.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "db/SchemaEditor.h"
#include "migrations/MigrationError.h"
#include "views/admin/MigrationRunner.h"
#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace quango;

namespace {
const QString brokenMigration = QStringLiteral(R"json({
    "dependencies": [["blog", "0001_initial"]],
    "operations": [
        {"type": "AddField", "model_name": "tag", "field": {"name": "note", "type": "CharField", "max_length": 20, "null": true}},
        {"type": "RunSQL", "sql": ["INSERT INTO no_such_table VALUES (1)"]}
    ]
})json");
const QString goodMigration = QStringLiteral(R"json({
    "dependencies": [["blog", "0001_initial"]],
    "operations": [
        {"type": "AddField", "model_name": "tag", "field": {"name": "note", "type": "CharField", "max_length": 20, "null": true}}
    ]
})json");
} // namespace

class TestMigrationRunner : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    QStringList m_events;

    static QStringList tables() { return SchemaEditor(Connection::get()).tableNames(); }
    static QStringList columnsOf(const QString &table)
    {
        QStringList out;
        std::unique_ptr<QSqlQuery> query = Connection::get().executeUncached(QStringLiteral("SELECT name FROM pragma_table_info(?)"), {table});
        while (query->next())
            out << query->value(0).toString();
        return out;
    }
    static QByteArray fileHash(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }
    // Every migration the project has (the built-in and demo apps', one each).
    static int migrationCount()
    {
        int count = 0;
        for (const MigrationRunner::AppMigrations &entry : MigrationRunner(Registry::instance()).status())
            count += int(entry.migrations.size());
        return count;
    }
    QString dbPath() const { return DatabaseUrl::parse(m_db.url()).path(); }
    static const MigrationRunner::AppMigrations &app(const QList<MigrationRunner::AppMigrations> &status, const QString &label)
    {
        for (const MigrationRunner::AppMigrations &entry : status)
            if (entry.appLabel == label)
                return entry;
        qFatal("no app %s", qPrintable(label));
    }
    void listen(MigrationRunner &runner)
    {
        m_events.clear();
        connect(&runner, &MigrationRunner::planStarted, this, [this](int steps) { m_events << QStringLiteral("plan %1").arg(steps); });
        connect(&runner, &MigrationRunner::stepStarted, this, [this](const QString &label, bool backwards, int index, int steps) {
            m_events << QStringLiteral("%1 %2 %3/%4").arg(backwards ? "unapply" : "apply", label).arg(index).arg(steps);
        });
        connect(&runner, &MigrationRunner::stepFinished, this,
                [this](const QString &label, bool, qint64) { m_events << QStringLiteral("ok %1").arg(label); });
        connect(&runner, &MigrationRunner::stepFailed, this,
                [this](const QString &label, const QString &) { m_events << QStringLiteral("failed %1").arg(label); });
    }
    // A development tree: blog's 0001 as shipped plus a second migration.
    static void writeBlogTree(const QTemporaryDir &dir, const QString &name, const QString &json)
    {
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("blog")));
        QFile::remove(dir.filePath(QStringLiteral("blog/0001_initial.json")));
        QVERIFY(QFile::copy(QStringLiteral(":/migrations/blog/0001_initial.json"), dir.filePath(QStringLiteral("blog/0001_initial.json"))));
        for (const QString &old : QDir(dir.filePath(QStringLiteral("blog"))).entryList({QStringLiteral("0002_*")}))
            QFile::remove(dir.filePath(QStringLiteral("blog/") + old));
        QFile file(dir.filePath(QStringLiteral("blog/%1.json").arg(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json.toUtf8());
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp(); // no tables: the database is unmigrated
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void statusListsEveryAppUnapplied()
    {
        MigrationRunner runner(Registry::instance());
        const QList<MigrationRunner::AppMigrations> status = runner.status();
        QCOMPARE(status.size(), Registry::instance().apps().size());
        const MigrationRunner::AppMigrations &blog = app(status, "blog");
        QCOMPARE(blog.migrations.size(), 1);
        QCOMPARE(blog.migrations.first().key, (MigrationKey{"blog", "0001_initial"}));
        QVERIFY(!blog.migrations.first().applied);
        QCOMPARE(blog.migrations.first().operations,
                 (QStringList{"Create model Author", "Create model Tag", "Create model Post", "Create model Comment"}));
        QCOMPARE(blog.migrations.first().path, QStringLiteral(":/migrations/blog/0001_initial.json"));
        for (const MigrationRunner::AppMigrations &entry : status)
            for (const MigrationRunner::MigrationInfo &info : entry.migrations)
                QVERIFY2(!info.applied, qPrintable(info.key.second));
    }

    void pendingPlanInDependencyOrder()
    {
        MigrationRunner runner(Registry::instance());
        const QList<MigrationRunner::PlannedStep> plan = runner.pendingPlan();
        QStringList labels;
        for (const MigrationRunner::PlannedStep &step : plan) {
            QVERIFY(!step.backwards);
            labels << step.label();
        }
        QCOMPARE(labels.size(), migrationCount());
        QVERIFY(labels.size() >= 7);
        QVERIFY(labels.indexOf("contenttypes.0001_initial") < labels.indexOf("auth.0001_initial"));
        QVERIFY(labels.indexOf("auth.0001_initial") < labels.indexOf("admin.0001_initial"));
        QVERIFY(labels.indexOf("auth.0001_initial") < labels.indexOf("myapi.0001_initial"));
        QCOMPARE(plan.at(labels.indexOf("blog.0001_initial")).operations.first(), QStringLiteral("Create model Author"));
    }

    void sqlForwardsAndBackwards()
    {
        MigrationRunner runner(Registry::instance());
        const QString forwards = runner.sql({"blog", "0001_initial"}, false);
        QVERIFY(forwards.startsWith("BEGIN;\n"));
        QVERIFY(forwards.endsWith("COMMIT;\n"));
        QVERIFY2(forwards.contains("CREATE TABLE \"blog_post\""), qPrintable(forwards));
        const QString backwards = runner.sql({"blog", "0001_initial"}, true);
        QVERIFY2(backwards.contains("DROP TABLE \"blog_post\""), qPrintable(backwards));
        QVERIFY(!backwards.contains("CREATE TABLE"));
        QVERIFY(tables().isEmpty()); // collecting SQL runs nothing
        QVERIFY_THROWS_EXCEPTION(MigrationError, runner.sql({"blog", "0009_nothing"}, false));
    }

    void dryRunLeavesTheDatabaseUntouched()
    {
        Connection::get().executeScript({"CREATE TABLE keep_me (id integer)"});
        const QByteArray before = fileHash(dbPath());
        QVERIFY(!before.isEmpty());
        MigrationRunner runner(Registry::instance());
        listen(runner);
        const MigrationDryRun::Result result = runner.dryRun();
        QVERIFY2(result.ok(), qPrintable(result.error));
        const int n = migrationCount();
        QCOMPARE(result.plan.size(), n);
        QCOMPARE(result.applied, result.plan);
        QVERIFY(result.where.contains(dbPath()));
        QCOMPARE(m_events.first(), QStringLiteral("plan %1").arg(n));
        QCOMPARE(m_events.size(), 1 + 2 * n);
        const QString text = MigrationRunner::describe(result);
        QVERIFY2(text.contains("Applying blog.0001_initial... OK"), qPrintable(text));
        QVERIFY(text.contains("would apply cleanly"));
        QCOMPARE(fileHash(dbPath()), before);
        QCOMPARE(tables(), QStringList{"keep_me"});
        QVERIFY(!QFile::exists(DatabaseUrl::parse(Connections::settings(MigrationDryRun::copyAlias()).url()).path()));
        Connection::get().executeScript({"DROP TABLE keep_me"});
    }

    void migrateReportsEachStepInOrder()
    {
        MigrationRunner runner(Registry::instance());
        listen(runner);
        const MigrationRunner::Result result = runner.migrate();
        QVERIFY2(result.ok(), qPrintable(result.error));
        const int n = migrationCount();
        QCOMPARE(result.done.size(), n);
        QCOMPARE(m_events.size(), 1 + 2 * n);
        QCOMPARE(m_events.at(0), QStringLiteral("plan %1").arg(n));
        for (int i = 0; i < result.plan.size(); ++i) {
            QCOMPARE(m_events.at(1 + 2 * i), QStringLiteral("apply %1 %2/%3").arg(result.plan.at(i).label()).arg(i).arg(n));
            QCOMPARE(m_events.at(2 + 2 * i), QStringLiteral("ok %1").arg(result.plan.at(i).label()));
        }
        QVERIFY(result.text().contains("Applying blog.0001_initial... OK"));
        QVERIFY(tables().contains("blog_post"));
        for (const MigrationRunner::AppMigrations &entry : runner.status())
            for (const MigrationRunner::MigrationInfo &info : entry.migrations)
                QVERIFY2(info.applied, qPrintable(info.key.second));
        QVERIFY(runner.pendingPlan().isEmpty());
        QCOMPARE(runner.migrate().text(), QStringLiteral("No migrations to apply."));
    }

    void noDriftAfterMigrate()
    {
        MigrationRunner runner(Registry::instance());
        const MigrationRunner::DriftReport report = runner.checkDrift();
        QVERIFY2(report.clean(), qPrintable(report.text()));
        QVERIFY(report.pending.isEmpty());
        QVERIFY(report.text().contains("matches the applied migrations"));
    }

    void driftAfterManualChanges()
    {
        const QString index = SchemaEditor(Connection::get()).indexName("blog_comment", {"post_id"}, QString());
        Connection::get().executeScript({"ALTER TABLE blog_author ADD COLUMN nickname varchar(10) NULL", "ALTER TABLE blog_author DROP COLUMN bio",
                                         "CREATE TABLE legacy_notes (id integer)", QStringLiteral("DROP INDEX \"%1\"").arg(index)});
        MigrationRunner runner(Registry::instance());
        const MigrationRunner::DriftReport report = runner.checkDrift();
        using Kind = SchemaDifference::Kind;
        QVERIFY2(report.differences.contains(SchemaDifference{Kind::ExtraColumn, "blog_author", "nickname", {}, "varchar(10) NULL"}), qPrintable(report.text()));
        QVERIFY(report.differences.contains(SchemaDifference{Kind::MissingColumn, "blog_author", "bio", "text NOT NULL", {}}));
        QVERIFY(report.differences.contains(SchemaDifference{Kind::ExtraTable, "legacy_notes", {}, {}, {}}));
        QVERIFY(report.differences.contains(SchemaDifference{Kind::MissingIndex, "blog_comment", index, {}, {}}));
        QCOMPARE(report.differences.size(), 4);
        const QString text = report.text();
        QVERIFY2(text.contains("Extra column blog_author.nickname (varchar(10) NULL)"), qPrintable(text));
        QVERIFY(text.contains("Missing column blog_author.bio (text NOT NULL)"));
        QVERIFY(text.contains("Extra table legacy_notes"));
        Connection::get().executeScript({"DROP TABLE legacy_notes", "ALTER TABLE blog_author DROP COLUMN nickname",
                                         "ALTER TABLE blog_author ADD COLUMN bio text NOT NULL DEFAULT ''",
                                         QStringLiteral("CREATE INDEX \"%1\" ON blog_comment (post_id)").arg(index)});
        QVERIFY2(runner.checkDrift().clean(), qPrintable(runner.checkDrift().text()));
    }

    void makeMigrationsWritesIntoTheTree()
    {
        MigrationRunner runner(Registry::instance());
        QVERIFY(!runner.canMakeMigrations());
        QVERIFY(runner.makeMigrationsUnavailableReason().contains("No migrations folder"));
        QVERIFY_THROWS_EXCEPTION(MigrationError, runner.makeMigrations());

        QTemporaryDir tree;
        runner.setMigrationsDirs({tree.filePath("missing")});
        QVERIFY(!runner.canMakeMigrations());
        QVERIFY(QDir(tree.path()).mkpath("blog")); // blog's migrations live here now, and there are none
        runner.setMigrationsDirs({tree.path()});
        QVERIFY(runner.canMakeMigrations());
        const MigrationRunner::MakeMigrationsResult result = runner.makeMigrations();
        QCOMPARE(result.written.keys(), QStringList{"blog"});
        QCOMPARE(result.written.value("blog"), QStringList{tree.filePath("blog/0001_initial.json")});
        QVERIFY(QFile::exists(tree.filePath("blog/0001_initial.json")));
        QVERIFY2(result.text.contains("- Create model Post"), qPrintable(result.text));
        QCOMPARE(runner.makeMigrations().text, QStringLiteral("No changes detected."));
    }

    void failingMigrationIsReportedAndRolledBack()
    {
        QTemporaryDir tree;
        writeBlogTree(tree, "0002_broken", brokenMigration);
        MigrationRunner runner(Registry::instance());
        runner.setMigrationsDirs({tree.path()});
        listen(runner);
        const MigrationRunner::Result result = runner.migrate();
        QVERIFY(!result.ok());
        QCOMPARE(result.failedMigration, QStringLiteral("blog.0002_broken"));
        QVERIFY2(result.error.contains("no_such_table"), qPrintable(result.error));
        QCOMPARE(m_events, (QStringList{"plan 1", "apply blog.0002_broken 0/1", "failed blog.0002_broken"}));
        QVERIFY2(result.text().contains("blog.0002_broken failed and was rolled back"), qPrintable(result.text()));
        // The first operation ran, then was rolled back with the second: no column, no record.
        QVERIFY(!columnsOf("blog_tag").contains("note"));
        QVERIFY(!app(runner.status(), "blog").migrations.last().applied);
        QCOMPARE(runner.pendingPlan().size(), 1);

        // A dry run finds the same failure without touching the file.
        const QByteArray before = fileHash(dbPath());
        const MigrationDryRun::Result dry = runner.dryRun();
        QCOMPARE(dry.failedMigration, QStringLiteral("blog.0002_broken"));
        QVERIFY(dry.applied.isEmpty());
        QVERIFY(MigrationRunner::describe(dry).contains("Migrating would fail at blog.0002_broken"));
        QCOMPARE(fileHash(dbPath()), before);
    }

    void revertToTarget()
    {
        QTemporaryDir tree;
        writeBlogTree(tree, "0002_tag_note", goodMigration);
        MigrationRunner runner(Registry::instance());
        runner.setMigrationsDirs({tree.path()});
        QVERIFY(runner.migrate().ok());
        QVERIFY(columnsOf("blog_tag").contains("note"));

        const QList<MigrationRunner::PlannedStep> plan = runner.planTo({"blog", "0001_initial"});
        QCOMPARE(plan.size(), 1);
        QCOMPARE(plan.first().label(), QStringLiteral("blog.0002_tag_note"));
        QVERIFY(plan.first().backwards);
        QCOMPARE(plan.first().operations, QStringList{"Undo Add field note to tag"});
        listen(runner);
        const MigrationRunner::Result back = runner.migrateTo({"blog", "0001_initial"});
        QVERIFY2(back.ok(), qPrintable(back.error));
        QCOMPARE(m_events, (QStringList{"plan 1", "unapply blog.0002_tag_note 0/1", "ok blog.0002_tag_note"}));
        QVERIFY(!columnsOf("blog_tag").contains("note"));
        QVERIFY(app(runner.status(), "blog").migrations.first().applied);
        QVERIFY(!app(runner.status(), "blog").migrations.last().applied);

        // "zero": the whole app.
        const MigrationRunner::Result zero = runner.migrateTo({"blog", QString()});
        QVERIFY2(zero.ok(), qPrintable(zero.error));
        QCOMPARE(zero.done, QStringList{"blog.0001_initial"});
        QVERIFY(!tables().contains("blog_post"));
        QVERIFY(tables().contains("auth_user"));
        QVERIFY(runner.planTo({"blog", QString()}).isEmpty());
    }
};

QTEST_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"
