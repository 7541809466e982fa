// SchemaEditor: tables, indexes, constraints and M2M tables from metadata, and
// column changes that keep every row (SQLite's table remake, PostgreSQL's ALTER).
#include "TestDatabase.h"
#include "apps/Registry.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "db/SchemaEditor.h"
#include "orm/Exceptions.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/IntegerField.h"
#include <QtTest>

using namespace quango;

// One version of the "shop" app's schema, in a registry of its own.
struct Version {
    Registry registry;
    const ModelMeta *item = nullptr;
    explicit Version(QList<FieldDecl> itemFields, MetaOptions options = {})
    {
        auto app = std::make_shared<AppConfig>("shop");
        app->addModel("Category", {CharField("name", 50)});
        options.dbTable = "shop_item";
        item = app->addModel("Item", itemFields, options);
        registry.addApp(app);
        registry.populate();
    }
    const ModelMeta *category() const { return registry.model("shop.Category"); }
};

class TestSchemaEditor : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;

    QVariantList names(const ModelMeta *item)
    {
        return QuerySet(item).orderBy({"id"}).valuesListFlat("name").list();
    }

private Q_SLOTS:
    void initTestCase() { m_db.setUp(); }
    void cleanupTestCase() { m_db.tearDown(); }

    void lifecycle()
    {
        Connection &conn = Connection::get();
        Version v1({CharField("name", 20), ForeignKey("category", "Category", OnDelete::Cascade, {.null = true}),
                    ManyToManyField("related", "Item", {.blank = true})},
                   {.uniqueTogether = {{"name", "category"}},
                    .constraints = {{Constraint::Kind::Check, "shop_item_name_not_x", {}, ~Q("name", "x")}}});
        SchemaEditor editor(conn);
        editor.createModel(*v1.category());
        editor.createModel(*v1.item);
        QVERIFY(editor.tableExists("shop_item"));
        QVERIFY(editor.tableExists("shop_item_related"));
        const auto *m2m = dynamic_cast<const ManyToManyField *>(v1.item->field("related"));
        QCOMPARE(m2m->sourceColumn(), QStringLiteral("from_item_id")); // self-referential naming
        QCOMPARE(m2m->targetColumn(), QStringLiteral("to_item_id"));

        const Model cat = QuerySet(v1.category()).create({{"name", "tools"}});
        QuerySet(v1.item).create({{"name", "hammer"}, {"category", cat}});
        QuerySet(v1.item).create({{"name", "saw"}});
        QVERIFY_THROWS_EXCEPTION(IntegrityError, atomic([&] { QuerySet(v1.item).create({{"name", "hammer"}, {"category", cat}}); }));
        QVERIFY_THROWS_EXCEPTION(IntegrityError, atomic([&] { QuerySet(v1.item).create({{"name", "x"}}); }));

        // Add a non-null column with a default: existing rows get it.
        Version v2({CharField("name", 20), ForeignKey("category", "Category", OnDelete::Cascade, {.null = true}),
                    ManyToManyField("related", "Item", {.blank = true}), IntegerField("stock", {.defaultValue = 5})},
                   {.uniqueTogether = {{"name", "category"}}});
        atomic([&] { editor.addField(*v2.item, *v2.item->field("stock")); });
        QCOMPARE(QuerySet(v2.item).filter(Q("stock", 5)).count(), 2);
        QCOMPARE(names(v2.item), (QVariantList{"hammer", "saw"}));

        // Widen a column and make it nullable: rows stay.
        Version v3({CharField("name", 200, {.null = true}), ForeignKey("category", "Category", OnDelete::Cascade, {.null = true}),
                    ManyToManyField("related", "Item", {.blank = true}), IntegerField("stock", {.defaultValue = 5})},
                   {.uniqueTogether = {{"name", "category"}}});
        atomic([&] { editor.alterField(*v3.item, *v2.item->field("name"), *v3.item->field("name")); });
        QuerySet(v3.item).create({{"name", QString(150, QLatin1Char('n'))}});
        QuerySet(v3.item).create({{"name", QVariant()}});
        QCOMPARE(QuerySet(v3.item).count(), 4);
        QCOMPARE(QuerySet(v3.item).filter(Q("category__name", "tools")).count(), 1); // the FK survived

        // Back to non-null with a default: NULLs take the default.
        Version v4({CharField("name", 200, {.defaultValue = "unnamed"}), ForeignKey("category", "Category", OnDelete::Cascade, {.null = true}),
                    ManyToManyField("related", "Item", {.blank = true}), IntegerField("stock", {.defaultValue = 5})},
                   {.uniqueTogether = {{"name", "category"}}});
        atomic([&] { editor.alterField(*v4.item, *v3.item->field("name"), *v4.item->field("name")); });
        QCOMPARE(QuerySet(v4.item).filter(Q("name", "unnamed")).count(), 1);

        // Remove a column: the others stay.
        Version v5({CharField("name", 200, {.defaultValue = "unnamed"}), ForeignKey("category", "Category", OnDelete::Cascade, {.null = true}),
                    ManyToManyField("related", "Item", {.blank = true})},
                   {.uniqueTogether = {{"name", "category"}}});
        atomic([&] { editor.removeField(*v5.item, *v4.item->field("stock")); });
        QCOMPARE(QuerySet(v5.item).count(), 4);
        QVERIFY_THROWS_EXCEPTION(DatabaseError, conn.execute("SELECT stock FROM shop_item") /* unquoted: SQLite reads an unknown "name" as a string */);

        // A failed change inside a transaction leaves everything as it was.
        try {
            Atomic block;
            editor.addIndex(*v5.item, Index{{"name"}, "shop_item_name_idx"});
            conn.execute("SELECT * FROM no_such_table");
        } catch (const DatabaseError &) {
        }
        QCOMPARE(QuerySet(v5.item).count(), 4);

        SchemaEditor collector(conn, true);
        collector.deleteModel(*v5.item);
        QCOMPARE(collector.collectedSql().size(), 2);
        QVERIFY(collector.collectedSql().first().startsWith("DROP TABLE \"shop_item_related\""));
        QVERIFY(editor.tableExists("shop_item")); // collecting ran nothing
        editor.deleteModel(*v5.item);
        editor.deleteModel(*v5.category());
        QVERIFY(!editor.tableExists("shop_item"));
        QVERIFY(!editor.tableExists("shop_item_related"));
    }

    void ddlText()
    {
        Version v({CharField("name", 20, {.unique = true}), IntegerField("qty", {.dbIndex = true})});
        SchemaEditor editor(Connection::get(), true);
        const QString table = editor.tableSql(*v.item);
        QVERIFY2(table.contains("\"name\" varchar(20) NOT NULL UNIQUE"), qPrintable(table));
        QVERIFY(editor.indexStatements(*v.item).join(';').contains("ON \"shop_item\" (\"qty\")"));
        QCOMPARE(editor.indexName("t", {"a"}, "").size(), 1 + 1 + 1 + 1 + 8);
        QVERIFY(editor.indexName(QString(80, 'x'), {"col"}, "_idx").size() <= 63);
    }
};

QTEST_GUILESS_MAIN(TestSchemaEditor)
#include "tst_schemaeditor.moc"
