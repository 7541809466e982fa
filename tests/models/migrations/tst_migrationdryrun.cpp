// MigrationDryRun on both backends: the pending migrations run on a copy
// (SQLite) or in a rolled-back transaction (PostgreSQL), step by step, and
// the real database stays as it was, also when a migration fails.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "db/SchemaEditor.h"
#include "migrations/Migration.h"
#include "migrations/MigrationDryRun.h"
#include "migrations/MigrationExecutor.h"
#include "migrations/MigrationProgress.h"
#include <QTemporaryDir>
#include <QtTest>

using namespace quango;

namespace {
class Steps : public MigrationProgress {
public:
    QStringList events;
    void planStart(int steps) override { events << QStringLiteral("plan %1").arg(steps); }
    void applyStart(const Migration &m, bool) override { events << "apply " + m.label(); }
    void applySuccess(const Migration &m, bool, qint64) override { events << "ok " + m.label(); }
    void failure(const Migration &m, const QString &) override { events << "failed " + m.label(); }
};
} // namespace

class TestMigrationDryRun : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    static QStringList tables() { return SchemaEditor(Connection::get()).tableNames(); }
    static int pendingCount()
    {
        MigrationExecutor executor(Connection::get(), Registry::instance());
        return int(executor.migrationPlan(executor.leafTargets()).size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void appliesEverythingSomewhereElse()
    {
        Connection::get().executeScript({"CREATE TABLE keep_me (id integer)"});
        const int n = pendingCount();
        QVERIFY(n >= 7);
        MigrationDryRun dry(Connection::get(), Registry::instance());
        Steps steps;
        const MigrationDryRun::Result result = dry.run(&steps);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.plan.size(), n);
        QCOMPARE(result.applied, result.plan);
        QCOMPARE(steps.events.size(), 1 + 2 * n);
        QCOMPARE(steps.events.first(), QStringLiteral("plan %1").arg(n));
        QCOMPARE(steps.events.at(1), QStringLiteral("apply %1.%2").arg(result.plan.first().first, result.plan.first().second));
        QVERIFY(result.where.contains(m_db.isPostgres() ? "rolled back" : "a copy of"));
        QCOMPARE(tables(), QStringList{"keep_me"});
        // The real database still works, and a real migrate afterwards has the whole plan.
        MigrationExecutor executor(Connection::get(), Registry::instance());
        QCOMPARE(executor.migrationPlan(executor.leafTargets()).size(), n);
        QVERIFY(!Connection::get().inAtomicBlock());
        Connection::get().executeScript({"DROP TABLE keep_me"});
    }

    void aFailureIsReportedAndNothingStays()
    {
        QTemporaryDir tree;
        QVERIFY(QDir(tree.path()).mkpath("blog"));
        QVERIFY(QFile::copy(":/migrations/blog/0001_initial.json", tree.filePath("blog/0001_initial.json")));
        QFile file(tree.filePath("blog/0002_broken.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"json({"dependencies": [["blog", "0001_initial"]],
                       "operations": [{"type": "RunSQL", "sql": ["INSERT INTO no_such_table VALUES (1)"]}]})json");
        file.close();

        const int n = pendingCount() + 1;
        MigrationDryRun dry(Connection::get(), Registry::instance());
        dry.setMigrationsRoots({tree.path()});
        Steps steps;
        const MigrationDryRun::Result result = dry.run(&steps);
        QVERIFY(!result.ok());
        QCOMPARE(result.failedMigration, QStringLiteral("blog.0002_broken"));
        QVERIFY2(result.error.contains("no_such_table"), qPrintable(result.error));
        QCOMPARE(result.plan.size(), n);
        // Everything planned before the broken migration applied, nothing after it ran.
        const qsizetype at = result.plan.indexOf(MigrationKey{"blog", "0002_broken"});
        QVERIFY(at > 0);
        QCOMPARE(result.applied, result.plan.mid(0, at));
        QCOMPARE(steps.events.last(), QStringLiteral("failed blog.0002_broken"));
        QVERIFY(tables().isEmpty());
        QVERIFY(!Connection::get().inAtomicBlock());
    }
};

QTEST_MAIN(TestMigrationDryRun)
#include "tst_migrationdryrun.moc"
