// Every migration operation forwards and backwards with rows in the tables,
// through the executor (one transaction per migration, django_migrations),
// failures rolled back whole, SQLite's table remake keeping rows, FKs and indexes.
#include "MigrationTestSupport.h"
#include "TestDatabase.h"
#include "db/Atomic.h"
#include "migrations/MigrationError.h"
#include "migrations/MigrationExecutor.h"
#include "migrations/MigrationProgress.h"
#include "migrations/MigrationRecorder.h"
#include "migrations/operations/AddConstraint.h"
#include "migrations/operations/AddField.h"
#include "migrations/operations/AddIndex.h"
#include "migrations/operations/AlterField.h"
#include "migrations/operations/AlterModelOptions.h"
#include "migrations/operations/AlterModelTable.h"
#include "migrations/operations/AlterUniqueTogether.h"
#include "migrations/operations/CreateModel.h"
#include "migrations/operations/DeleteModel.h"
#include "migrations/operations/RemoveConstraint.h"
#include "migrations/operations/RemoveField.h"
#include "migrations/operations/RemoveIndex.h"
#include "migrations/operations/RenameField.h"
#include "migrations/operations/RenameModel.h"
#include "migrations/operations/RunSQL.h"
#include "orm/Exceptions.h"
#include "signals/ModelSignals.h"
#include <QtTest>

using namespace quango;
using namespace quango::testing;

namespace {
struct Recording : MigrationProgress {
    QStringList lines;
    void applyStart(const Migration &m, bool) override { lines << "apply " + m.label(); }
    void applySuccess(const Migration &m, bool, qint64) override { lines << "ok " + m.label(); }
    void unapplyStart(const Migration &m, bool) override { lines << "unapply " + m.label(); }
    void unapplySuccess(const Migration &m, bool, qint64) override { lines << "ok " + m.label(); }
    void failure(const Migration &m, const QString &) override { lines << "failed " + m.label(); }
};

OperationPtr createCategory()
{
    return std::make_shared<CreateModel>("Category", QList<QVariantMap>{idField(), f("CharField", "name", {{"max_length", 50}})});
}
OperationPtr createItem()
{
    return std::make_shared<CreateModel>("Item", QList<QVariantMap>{idField(), f("CharField", "name", {{"max_length", 20}}),
                                                                   f("ForeignKey", "category", {{"to", "shop.Category"}, {"on_delete", "CASCADE"}, {"null", true}}),
                                                                   f("IntegerField", "rank", {{"db_index", true}, {"default", 0}})});
}

void migrate(MigrationProject &project, const QString &app, const QString &target, MigrationProgress *progress = nullptr, bool fake = false)
{
    MigrationExecutor executor(Connection::get(), project.registry, progress);
    const MigrationKey key = target.isEmpty() ? MigrationKey{app, QString()} : executor.loader().resolve(app, target);
    executor.migrate(executor.migrationPlan({key}), fake);
}

void seed()
{
    exec("INSERT INTO shop_category (name) VALUES ('tools')");
    exec("INSERT INTO shop_category (name) VALUES ('toys')");
    exec("INSERT INTO shop_item (name, category_id, rank) VALUES ('hammer', 1, 1)");
    exec("INSERT INTO shop_item (name, category_id, rank) VALUES ('saw', 1, 2)");
    exec("INSERT INTO shop_item (name, category_id, rank) VALUES ('ball', 2, 3)");
}
QVariantList itemNames() { return column("SELECT name FROM shop_item ORDER BY id"); }
} // namespace

class TestOperations : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    std::unique_ptr<MigrationProject> m_project;

    // shop.0001: Category + Item with three rows.
    void base()
    {
        m_project = std::make_unique<MigrationProject>(QStringList{"shop"});
        m_project->write("shop", "0001_initial", {}, {createCategory(), createItem()});
    }
    void applyBase()
    {
        migrate(*m_project, "shop", "0001_initial");
        seed();
    }
    QSet<MigrationKey> applied() { return MigrationRecorder(Connection::get()).appliedMigrations(); }

private Q_SLOTS:
    void initTestCase() { m_db.setUp(); }
    void cleanupTestCase() { m_db.tearDown(); }
    void cleanup()
    {
        // Leave no tables behind: back to zero (also tests the backwards path).
        if (m_project && !applied().isEmpty())
            migrate(*m_project, "shop", QString());
        QVERIFY(!tableExists("shop_item"));
        QVERIFY(!tableExists("shop_category"));
        QVERIFY(applied().isEmpty());
    }

    void createAndDeleteModel()
    {
        base();
        m_project->write("shop", "0002_delete_item", {{"shop", "0001_initial"}}, {std::make_shared<DeleteModel>("Item")});
        Recording progress;
        migrate(*m_project, "shop", "0001_initial", &progress);
        QCOMPARE(progress.lines, (QStringList{"apply shop.0001_initial", "ok shop.0001_initial"}));
        QVERIFY(tableExists("shop_item"));
        QCOMPARE(applied(), (QSet<MigrationKey>{{"shop", "0001_initial"}}));
        const QVariantList applied = column("SELECT app || '.' || name FROM django_migrations");
        QCOMPARE(applied, (QVariantList{"shop.0001_initial"}));
        QCOMPARE(columns("django_migrations"), (QStringList{"id", "app", "name", "applied"}));
        seed();
        migrate(*m_project, "shop", "0002_delete_item");
        QVERIFY(!tableExists("shop_item"));
        QCOMPARE(column("SELECT count(*) FROM shop_category").value(0).toInt(), 2);
        migrate(*m_project, "shop", "0001_initial");
        QVERIFY(tableExists("shop_item"));
        QCOMPARE(columns("shop_item"), (QStringList{"id", "name", "category_id", "rank"}));
    }

    void addAndRemoveField()
    {
        base();
        m_project->write("shop", "0002_item_stock", {{"shop", "0001_initial"}},
                         {std::make_shared<AddField>("item", f("IntegerField", "stock", {{"default", 5}}))});
        m_project->write("shop", "0003_item_code", {{"shop", "0002_item_stock"}},
                         {std::make_shared<AddField>("item", f("CharField", "code", {{"max_length", 10}, {"default", "x"}}), false)});
        m_project->write("shop", "0004_remove_item_rank", {{"shop", "0003_item_code"}}, {std::make_shared<RemoveField>("item", "rank")});
        applyBase();
        migrate(*m_project, "shop", "0002");
        QCOMPARE(column("SELECT stock FROM shop_item ORDER BY id"), (QVariantList{5, 5, 5}));
        migrate(*m_project, "shop", "0003");
        QCOMPARE(column("SELECT code FROM shop_item ORDER BY id"), (QVariantList{"x", "x", "x"}));
        migrate(*m_project, "shop", "0004");
        QVERIFY(!columns("shop_item").contains("rank"));
        QCOMPARE(itemNames(), (QVariantList{"hammer", "saw", "ball"}));
        migrate(*m_project, "shop", "0003");
        QVERIFY(columns("shop_item").contains("rank")); // back with its default
        migrate(*m_project, "shop", "0001");
        QCOMPARE(columns("shop_item"), (QStringList{"id", "name", "category_id", "rank"}));
        QCOMPARE(itemNames(), (QVariantList{"hammer", "saw", "ball"}));
    }

    void alterFieldKeepsRowsForeignKeysAndIndexes()
    {
        base();
        m_project->write("shop", "0002_alter_item_name", {{"shop", "0001_initial"}},
                         {std::make_shared<AlterField>("item", f("CharField", "name", {{"max_length", 200}, {"null", true}})),
                          std::make_shared<AlterField>("category", f("CharField", "name", {{"max_length", 80}}))});
        applyBase();
        const QStringList indexesBefore = indexes("shop_item");
        QCOMPARE(indexesBefore.size(), 2); // rank and category
        migrate(*m_project, "shop", "0002");
        QCOMPARE(itemNames(), (QVariantList{"hammer", "saw", "ball"}));
        QCOMPARE(column("SELECT category_id FROM shop_item ORDER BY id"), (QVariantList{1, 1, 2}));
        QCOMPARE(indexes("shop_item"), indexesBefore);
        exec("INSERT INTO shop_item (name, rank) VALUES (NULL, 4)"); // now nullable
        exec("DELETE FROM shop_item WHERE name IS NULL");
        // The foreign key still holds.
        QVERIFY_THROWS_EXCEPTION(DatabaseError, atomic([] { exec("INSERT INTO shop_item (name, category_id, rank) VALUES ('bad', 99, 0)"); }));
        // Backwards: the same again, and the referenced table's rows are still referenced.
        migrate(*m_project, "shop", "0001");
        QCOMPARE(itemNames(), (QVariantList{"hammer", "saw", "ball"}));
        QCOMPARE(indexes("shop_item"), indexesBefore);
        QVERIFY_THROWS_EXCEPTION(DatabaseError, atomic([] { exec("DELETE FROM shop_category WHERE id = 2"); }));
        QVERIFY_THROWS_EXCEPTION(DatabaseError, atomic([] { exec("INSERT INTO shop_item (name, category_id, rank) VALUES ('bad', 99, 0)"); }));
        QCOMPARE(column("SELECT count(*) FROM shop_category").value(0).toInt(), 2);
    }

    void renameFieldModelAndTable()
    {
        base();
        m_project->write("shop", "0002_renames", {{"shop", "0001_initial"}},
                         {std::make_shared<RenameField>("item", "name", "title"), std::make_shared<RenameModel>("Item", "Product"),
                          std::make_shared<AlterModelTable>("Product", "shop_products"),
                          std::make_shared<AlterModelOptions>("Product", MetaOptions{.ordering = {"title"}, .verboseName = "product"})});
        applyBase();
        migrate(*m_project, "shop", "0002");
        QVERIFY(!tableExists("shop_item"));
        QCOMPARE(column("SELECT title FROM shop_products ORDER BY id"), (QVariantList{"hammer", "saw", "ball"}));
        migrate(*m_project, "shop", "0001");
        QVERIFY(!tableExists("shop_products"));
        QCOMPARE(itemNames(), (QVariantList{"hammer", "saw", "ball"}));
    }

    void indexesConstraintsUniqueTogether()
    {
        base();
        m_project->write("shop", "0002_item_idx", {{"shop", "0001_initial"}},
                         {std::make_shared<AddIndex>("item", Index{{"name", "-rank"}, "shop_item_name_idx"}),
                          std::make_shared<AddConstraint>("item", Constraint{Constraint::Kind::Check, "rank_positive", {}, Q("rank__gte", 0), Q()}),
                          std::make_shared<AlterUniqueTogether>("item", QList<QStringList>{{"name", "category"}})});
        m_project->write("shop", "0003_remove", {{"shop", "0002_item_idx"}},
                         {std::make_shared<RemoveIndex>("item", Index{{"name", "-rank"}, "shop_item_name_idx"}),
                          std::make_shared<RemoveConstraint>("item", Constraint{Constraint::Kind::Check, "rank_positive", {}, Q("rank__gte", 0), Q()}),
                          std::make_shared<AlterUniqueTogether>("item", QList<QStringList>{})});
        applyBase();
        migrate(*m_project, "shop", "0002");
        QVERIFY(indexes("shop_item").contains("shop_item_name_idx"));
        QVERIFY_THROWS_EXCEPTION(DatabaseError, atomic([] { exec("INSERT INTO shop_item (name, rank) VALUES ('neg', -1)"); }));
        QVERIFY_THROWS_EXCEPTION(DatabaseError, atomic([] { exec("INSERT INTO shop_item (name, category_id, rank) VALUES ('saw', 1, 9)"); }));
        QCOMPARE(itemNames(), (QVariantList{"hammer", "saw", "ball"}));
        migrate(*m_project, "shop", "0003");
        QVERIFY(!indexes("shop_item").contains("shop_item_name_idx"));
        exec("INSERT INTO shop_item (name, category_id, rank) VALUES ('saw', 1, -9)");
        exec("DELETE FROM shop_item WHERE rank = -9");
        migrate(*m_project, "shop", "0002"); // backwards of 0003
        QVERIFY(indexes("shop_item").contains("shop_item_name_idx"));
        QVERIFY_THROWS_EXCEPTION(DatabaseError, atomic([] { exec("INSERT INTO shop_item (name, rank) VALUES ('neg', -1)"); }));
        migrate(*m_project, "shop", "0001");
        QVERIFY(!indexes("shop_item").contains("shop_item_name_idx"));
        exec("INSERT INTO shop_item (name, category_id, rank) VALUES ('saw', 1, -9)");
    }

    void runSqlAndIrreversible()
    {
        base();
        m_project->write("shop", "0002_sql", {{"shop", "0001_initial"}},
                         {std::make_shared<RunSQL>(QStringList{"UPDATE shop_item SET rank = rank * 10"}, QStringList{"UPDATE shop_item SET rank = rank / 10"}, true)});
        m_project->write("shop", "0003_irreversible", {{"shop", "0002_sql"}},
                         {std::make_shared<RunSQL>(QStringList{"UPDATE shop_item SET rank = rank + 1"})});
        applyBase();
        migrate(*m_project, "shop", "0003");
        QCOMPARE(column("SELECT rank FROM shop_item ORDER BY id"), (QVariantList{11, 21, 31}));
        QVERIFY_THROWS_EXCEPTION(IrreversibleError, migrate(*m_project, "shop", "0001"));
        QCOMPARE(column("SELECT rank FROM shop_item ORDER BY id"), (QVariantList{11, 21, 31})); // nothing changed
        QCOMPARE(applied().size(), 3);
        // Clean up without running the irreversible SQL.
        migrate(*m_project, "shop", "0002", nullptr, true);
        migrate(*m_project, "shop", "0001");
        QCOMPARE(column("SELECT rank FROM shop_item ORDER BY id"), (QVariantList{1, 2, 3}));
    }

    void failureRollsBackWholeMigration()
    {
        base();
        m_project->write("shop", "0002_broken", {{"shop", "0001_initial"}},
                         {std::make_shared<AddField>("item", f("IntegerField", "stock", {{"default", 5}})),
                          std::make_shared<RunSQL>(QStringList{"UPDATE shop_item SET name = 'gone'"}),
                          std::make_shared<RunSQL>(QStringList{"INSERT INTO no_such_table VALUES (1)"})});
        applyBase();
        Recording progress;
        QVERIFY_THROWS_EXCEPTION(DatabaseError, migrate(*m_project, "shop", "0002", &progress));
        QCOMPARE(progress.lines.last(), QStringLiteral("failed shop.0002_broken"));
        QVERIFY(!columns("shop_item").contains("stock"));
        QCOMPARE(itemNames(), (QVariantList{"hammer", "saw", "ball"}));
        QCOMPARE(applied(), (QSet<MigrationKey>{{"shop", "0001_initial"}}));
        QVERIFY(!Connection::get().inAtomicBlock());
    }

    void crossAppPlanSignalsFakeAndSql()
    {
        m_project = std::make_unique<MigrationProject>(QStringList{"shop", "blog"});
        m_project->write("shop", "0001_initial", {}, {createCategory(), createItem()});
        m_project->write("blog", "0001_initial", {{"shop", "0001_initial"}},
                         {std::make_shared<CreateModel>("Review", QList<QVariantMap>{idField(), f("ForeignKey", "item", {{"to", "shop.Item"}, {"on_delete", "CASCADE"}})})});
        MigrationExecutor executor(Connection::get(), m_project->registry);
        const QList<MigrationStep> plan = executor.migrationPlan({{"blog", "0001_initial"}});
        QCOMPARE(plan.size(), 2);
        QCOMPARE(plan.at(0).migration->label(), QStringLiteral("shop.0001_initial"));
        QCOMPARE(plan.at(1).migration->label(), QStringLiteral("blog.0001_initial"));
        const QStringList sql = executor.collectSql(plan.at(0));
        QVERIFY(sql.first().startsWith("CREATE TABLE \"shop_category\""));
        QVERIFY(!tableExists("shop_category")); // collecting ran nothing
        QVERIFY_THROWS_EXCEPTION(MigrationError, executor.migrationPlan({{"blog", "0009_nope"}}));

        QStringList sent;
        signals::preMigrate.connect([&](const void *, const MigrateInfo &info) { sent << "pre " + info.app->label(); }, nullptr, "test-pre");
        signals::postMigrate.connect([&](const void *, const MigrateInfo &info) { sent << "post " + info.app->label(); }, nullptr, "test-post");
        migrate(*m_project, "blog", "0001_initial");
        signals::preMigrate.disconnect("test-pre");
        signals::postMigrate.disconnect("test-post");
        QCOMPARE(sent, (QStringList{"pre shop", "pre blog", "post shop", "post blog"}));
        QVERIFY(tableExists("blog_review"));
        // zero on shop unapplies blog first.
        MigrationExecutor again(Connection::get(), m_project->registry);
        const QList<MigrationStep> back = again.migrationPlan({{"shop", QString()}});
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0).migration->label(), QStringLiteral("blog.0001_initial"));
        QVERIFY(back.at(0).backwards);
        again.migrate(back);
        QVERIFY(!tableExists("blog_review"));
        // --fake records without DDL.
        migrate(*m_project, "shop", "0001_initial", nullptr, true);
        QVERIFY(!tableExists("shop_item"));
        QCOMPARE(applied().size(), 1);
        migrate(*m_project, "shop", QString(), nullptr, true);
    }
};

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
