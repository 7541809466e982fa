// SchemaEditor on the backend QUANGO_TEST_BACKEND names: tables, indexes,
// constraints and M2M tables from metadata, and schema changes that keep every
// row (SQLite's table remake, PostgreSQL's ALTER TABLE). Rows are written and
// read with plain SQL so that only the schema editor is under test.
#include "TestDatabase.h"
#include "apps/Registry.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "db/SchemaEditor.h"
#include "orm/Exceptions.h"
#include "orm/RelatedField.h"
#include "orm/fields/BooleanField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/IntegerField.h"
#include "orm/fields/PositiveIntegerField.h"
#include "orm/fields/TextField.h"
#include <QCryptographicHash>
#include <QSqlQuery>
#include <QtTest>

using namespace quango;

namespace {

Connection &db() { return Connection::get(); }
bool postgres() { return db().vendor() == DatabaseOperations::Vendor::Postgres; }

void exec(const QString &sql, const QVariantList &params = {})
{
    QSqlQuery &query = db().execute(sql, params);
    query.finish();
}

QVariantList column(const QString &sql, const QVariantList &params = {})
{
    QSqlQuery &query = db().execute(sql, params);
    QVariantList values;
    while (query.next())
        values << (query.isNull(0) ? QVariant() : query.value(0)); // NULL as an invalid QVariant
    query.finish();
    return values;
}

qint64 scalar(const QString &sql, const QVariantList &params = {}) { return column(sql, params).value(0).toLongLong(); }

QStringList indexesOf(const QString &table)
{
    const QVariantList names = postgres()
        ? column("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? ORDER BY indexname", {table})
        : column("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name", {table});
    QStringList out;
    for (const QVariant &name : names)
        out << name.toString();
    return out;
}

QStringList columnsOf(const QString &table)
{
    const QVariantList names = postgres()
        ? column("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? "
                 "ORDER BY ordinal_position", {table})
        : column("SELECT name FROM pragma_table_info(?) ORDER BY cid", {table});
    QStringList out;
    for (const QVariant &name : names)
        out << name.toString();
    return out;
}

QString digest(const QString &text, int length)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex().left(length));
}

// One version of an app's schema, in a registry of its own: a migration sees
// the model before and after a change as two separate metadata objects.
struct Version {
    Registry registry;
    QString label;
    explicit Version(const QString &appLabel, const QList<QPair<QString, QList<FieldDecl>>> &models,
                     const QHash<QString, MetaOptions> &options = {})
        : label(appLabel)
    {
        auto app = std::make_shared<AppConfig>(label);
        for (const auto &[name, fields] : models)
            app->addModel(name, fields, options.value(name));
        registry.addApp(app);
        registry.populate();
    }
    const ModelMeta &operator[](const QString &model) const { return registry.modelOrThrow(label + '.' + model); }
    const Field &field(const QString &model, const QString &name) const { return *(*this)[model].fieldOrThrow(name); }
};

// The "shop" app at step n of the lifecycle test.
struct ShopSpec {
    int nameLength = 20;
    bool nameNull = false;
    QVariant nameDefault;
    bool note = false;          // nullable text column, added
    bool stock = false;         // NOT NULL with default 5, added then removed
    int categoryNameLength = 50;
    bool checkConstraint = true;
};

std::unique_ptr<Version> shop(const ShopSpec &spec)
{
    QList<FieldDecl> item{CharField("name", spec.nameLength, {.null = spec.nameNull, .defaultValue = spec.nameDefault}),
                          ForeignKey("category", "Category", OnDelete::Cascade, {.null = true}),
                          PositiveIntegerField("qty", {.defaultValue = 0}),
                          ManyToManyField("related", "self", {.blank = true})};
    if (spec.note)
        item << TextField("note", {.null = true});
    if (spec.stock)
        item << IntegerField("stock", {.defaultValue = 5});
    MetaOptions options{.dbTable = "shop_item", .uniqueTogether = {{"name", "category"}}};
    if (spec.checkConstraint)
        options.constraints = {Constraint{Constraint::Kind::Check, "shop_item_name_not_x", {}, ~Q("name", "x"), {}}};
    return std::make_unique<Version>(
        "shop", QList<QPair<QString, QList<FieldDecl>>>{{"Category", {CharField("name", spec.categoryNameLength)}}, {"Item", item}},
        QHash<QString, MetaOptions>{{"Item", options}});
}

} // namespace

class TestSchemaEditor : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    std::shared_ptr<AppConfig> m_catalog;

private Q_SLOTS:
    void initTestCase()
    {
        // An app of the test's own in the global registry: TestDatabase creates its tables only.
        m_catalog = std::make_shared<AppConfig>("schematest");
        m_catalog->addModel("Author", {CharField("name", 100, {.unique = true})});
        m_catalog->addModel("Tag", {CharField("label", 30, {.dbIndex = true})});
        m_catalog->addModel("Book", {CharField("title", 200), ForeignKey("author", "Author", OnDelete::Cascade),
                                     ManyToManyField("tags", "Tag", {.blank = true})});
        Registry::instance().addApp(m_catalog);
        Registry::instance().populate();
        m_db.setUp({m_catalog.get()});
        m_db.createTables();
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void createTablesFromTheRegistry()
    {
        SchemaEditor editor(db());
        for (const char *table : {"schematest_author", "schematest_tag", "schematest_book", "schematest_book_tags"})
            QVERIFY2(editor.tableExists(table), table);
        QVERIFY(!editor.tableExists("schematest_nothing"));
        QCOMPARE(columnsOf("schematest_book_tags"), (QStringList{"id", "book_id", "tag_id"}));
        // The ForeignKey and the db_index column are indexed, the unique column is not indexed twice.
        QVERIFY2(indexesOf("schematest_book").contains(editor.indexName("schematest_book", {"author_id"}, "")),
                 qPrintable(indexesOf("schematest_book").join(' ')));
        QVERIFY(indexesOf("schematest_tag").contains(editor.indexName("schematest_tag", {"label"}, "")));
        for (const char *m2mColumn : {"book_id", "tag_id"})
            QVERIFY(indexesOf("schematest_book_tags").contains(editor.indexName("schematest_book_tags", {m2mColumn}, "")));

        exec("INSERT INTO schematest_author (name) VALUES (?)", {"Ann"});
        exec("INSERT INTO schematest_tag (label) VALUES (?)", {"sf"});
        exec("INSERT INTO schematest_book (title, author_id) VALUES (?, ?)", {"Dune", 1});
        exec("INSERT INTO schematest_book_tags (book_id, tag_id) VALUES (?, ?)", {1, 1});
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO schematest_author (name) VALUES (?)", {"Ann"}));
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO schematest_book (title, author_id) VALUES (?, ?)", {"Lost", 999}));
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO schematest_book (title) VALUES (?)", {"No author"}));
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO schematest_book_tags (book_id, tag_id) VALUES (?, ?)", {1, 1}));

        // Tables that exist are left alone.
        QCOMPARE(editor.createModels({&Registry::instance().modelOrThrow("schematest.Book")}), QStringList());

        // Per-test-case isolation: every table empty, ids from 1 again.
        m_db.resetTables();
        QCOMPARE(scalar("SELECT count(*) FROM schematest_book"), 0);
        QCOMPARE(scalar("SELECT count(*) FROM schematest_book_tags"), 0);
        exec("INSERT INTO schematest_author (name) VALUES (?)", {"Bob"});
        QCOMPARE(scalar("SELECT id FROM schematest_author"), 1);
        m_db.resetTables();
    }

    void ddlText()
    {
        Version v("ddl", {{"Thing", {CharField("name", 20, {.unique = true}), IntegerField("qty", {.dbIndex = true}),
                                     PositiveIntegerField("size", {.null = true}), ForeignKey("parent", "self", OnDelete::Cascade, {.null = true}),
                                     ManyToManyField("friends", "self")}}},
                  {{"Thing", MetaOptions{.indexes = {Index{{"-qty", "name"}, {}}, Index{{"name"}, "ddl_named_idx"}},
                                         .uniqueTogether = {{"name", "qty"}},
                                         .constraints = {Constraint{Constraint::Kind::Check, "ddl_qty_small", {}, Q("qty__lt", 100), {}},
                                                         Constraint{Constraint::Kind::Unique, "ddl_unique_big", {"qty"}, {}, Q("qty__gte", 50)}}}}});
        const ModelMeta &thing = v["Thing"];
        SchemaEditor editor(db(), true);
        const QString table = editor.tableSql(thing);
        QVERIFY2(table.startsWith("CREATE TABLE \"ddl_thing\" ("), qPrintable(table));
        QVERIFY2(table.contains("\"name\" varchar(20) NOT NULL UNIQUE"), qPrintable(table));
        QVERIFY2(table.contains("\"qty\" integer NOT NULL"), qPrintable(table));
        QVERIFY2(table.contains("CHECK (\"size\" >= 0)"), qPrintable(table));
        QVERIFY2(table.contains("\"parent_id\" integer NULL REFERENCES \"ddl_thing\" (\"id\") DEFERRABLE INITIALLY DEFERRED"), qPrintable(table));
        QVERIFY2(table.contains(QStringLiteral("CONSTRAINT \"%1\" UNIQUE (\"name\", \"qty\")")
                                    .arg(editor.indexName("ddl_thing", {"name", "qty"}, "_uniq"))),
                 qPrintable(table)); // unique_together, named like Django's
        QVERIFY2(table.contains("CONSTRAINT \"ddl_qty_small\" CHECK ("), qPrintable(table));
        QVERIFY2(table.contains("\"qty\" < 100"), qPrintable(table));
        QVERIFY2(!table.contains("ddl_unique_big"), qPrintable(table)); // a partial unique constraint is an index
        QVERIFY2(!QString(table).remove("GENERATED BY DEFAULT AS IDENTITY").contains("DEFAULT"), qPrintable(table)); // defaults live in code

        const QString indexes = editor.indexStatements(thing).join('\n');
        QVERIFY2(indexes.contains(QStringLiteral("CREATE INDEX \"ddl_thing_qty_%1\" ON \"ddl_thing\" (\"qty\")").arg(digest("ddl_thingqty", 8))),
                 qPrintable(indexes));
        QVERIFY2(indexes.contains("ON \"ddl_thing\" (\"parent_id\")"), qPrintable(indexes));
        QVERIFY2(!indexes.contains(editor.indexName("ddl_thing", {"name"}, "")), qPrintable(indexes)); // unique: indexed already
        // Meta index without a name: Django's set_name_with_model.
        QVERIFY2(indexes.contains(QStringLiteral("CREATE INDEX \"ddl_thing_qty_%1_idx\" ON \"ddl_thing\" (\"qty\" DESC, \"name\")")
                                      .arg(digest("ddl_thing-qtynameidx", 6))),
                 qPrintable(indexes));
        QVERIFY2(indexes.contains("CREATE INDEX \"ddl_named_idx\" ON \"ddl_thing\" (\"name\")"), qPrintable(indexes));
        QVERIFY2(indexes.contains("CREATE UNIQUE INDEX \"ddl_unique_big\" ON \"ddl_thing\" (\"qty\") WHERE "), qPrintable(indexes));
        QVERIFY2(indexes.contains("\"qty\" >= 50"), qPrintable(indexes));

        // Django's _create_index_name: <table>_<columns>_<md5(table + columns)[:8]><suffix>.
        QCOMPARE(editor.indexName("shop_item", {"name", "category_id"}, "_uniq"),
                 QStringLiteral("shop_item_name_category_id_%1_uniq").arg(digest("shop_itemnamecategory_id", 8)));
        const QString longTable(80, 'x');
        const QString cut = editor.indexName(longTable, {"col"}, "_idx");
        if (postgres()) {
            QVERIFY(cut.size() <= 63);
            QVERIFY2(cut.endsWith(digest(longTable + "col", 8) + "_idx"), qPrintable(cut)); // the hash survives the cut
        } else {
            QCOMPARE(cut, longTable + "_col_" + digest(longTable + "col", 8) + "_idx");
        }

        // M2M tables named like Django's, self-references with from_/to_.
        const auto *friends = dynamic_cast<const ManyToManyField *>(thing.field("friends"));
        QCOMPARE(friends->throughTable(), QStringLiteral("ddl_thing_friends"));
        QCOMPARE(friends->sourceColumn(), QStringLiteral("from_thing_id"));
        QCOMPARE(friends->targetColumn(), QStringLiteral("to_thing_id"));
        const auto *tags = dynamic_cast<const ManyToManyField *>(Registry::instance().modelOrThrow("schematest.Book").field("tags"));
        QCOMPARE(tags->throughTable(), QStringLiteral("schematest_book_tags"));
        QCOMPARE(tags->sourceColumn(), QStringLiteral("book_id"));
        QCOMPARE(tags->targetColumn(), QStringLiteral("tag_id"));
    }

    void collectOnlyRunsNothing()
    {
        Version v("collect", {{"Box", {CharField("label", 10), ManyToManyField("inside", "self")}}});
        SchemaEditor collector(db(), true);
        collector.createModel(v["Box"]);
        const QStringList sql = collector.collectedSql();
        QVERIFY2(sql.size() >= 4, qPrintable(sql.join('\n'))); // table, M2M table and its two indexes
        QVERIFY(sql.first().startsWith("CREATE TABLE \"collect_box\""));
        QVERIFY(sql.first().endsWith(';'));
        QVERIFY(sql.join('\n').contains("CREATE TABLE \"collect_box_inside\""));
        collector.deleteModel(v["Box"]);
        QCOMPARE(collector.collectedSql().mid(sql.size()),
                 (QStringList{QStringLiteral("DROP TABLE \"collect_box_inside\"%1;").arg(postgres() ? " CASCADE" : ""),
                              QStringLiteral("DROP TABLE \"collect_box\"%1;").arg(postgres() ? " CASCADE" : "")}));
        QCOMPARE(collector.createModels({&v["Box"]}), (QStringList{"collect_box", "collect_box_inside"}));
        SchemaEditor editor(db());
        QVERIFY(!editor.tableExists("collect_box"));
        QVERIFY(!editor.tableExists("collect_box_inside"));
        QVERIFY(editor.collectedSql().isEmpty());
    }

    void createModelsOrdersForeignKeys()
    {
        // Given in the wrong order, and with a cycle: PostgreSQL checks REFERENCES at CREATE.
        Version v("cyc", {{"Shelf", {CharField("name", 10), ForeignKey("room", "Room", OnDelete::Cascade)}},
                          {"Room", {CharField("name", 10), ForeignKey("favourite", "Shelf", OnDelete::SetNull, {.null = true})}},
                          {"Tag", {ManyToManyField("shelves", "Shelf")}}});
        SchemaEditor editor(db());
        QStringList created;
        atomic([&] { created = editor.createModels({&v["Tag"], &v["Shelf"], &v["Room"]}); });
        QCOMPARE(created.size(), 4);
        QVERIFY(created.contains("cyc_tag_shelves"));
        exec("INSERT INTO cyc_room (name) VALUES ('hall')");
        exec("INSERT INTO cyc_shelf (name, room_id) VALUES ('top', 1)");
        exec("UPDATE cyc_room SET favourite_id = 1");
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO cyc_shelf (name, room_id) VALUES ('lost', 99)"));
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("UPDATE cyc_room SET favourite_id = 99"));
        QCOMPARE(editor.createModels({&v["Shelf"], &v["Room"], &v["Tag"]}), QStringList()); // all there
        atomic([&] {
            exec("UPDATE cyc_room SET favourite_id = NULL");
            editor.deleteModel(v["Tag"]);
            editor.deleteModel(v["Shelf"]);
            editor.deleteModel(v["Room"]);
        });
        QVERIFY(!editor.tableExists("cyc_shelf"));
    }

    void lifecycle()
    {
        SchemaEditor editor(db());
        auto v1 = shop({});
        atomic([&] {
            editor.createModel((*v1)["Category"]);
            editor.createModel((*v1)["Item"]);
        });
        QVERIFY(editor.tableExists("shop_category"));
        QVERIFY(editor.tableExists("shop_item"));
        QVERIFY(editor.tableExists("shop_item_related"));
        QCOMPARE(columnsOf("shop_item_related"), (QStringList{"id", "from_item_id", "to_item_id"}));

        exec("INSERT INTO shop_category (name) VALUES ('tools')");
        exec("INSERT INTO shop_item (name, category_id, qty) VALUES ('hammer', 1, 3)");
        exec("INSERT INTO shop_item (name, category_id, qty) VALUES ('saw', NULL, 1)");
        exec("INSERT INTO shop_item (name, category_id, qty) VALUES ('drill', 1, 0)");
        exec("DELETE FROM shop_item WHERE name = 'drill'"); // id 3 must never come back
        exec("INSERT INTO shop_item_related (from_item_id, to_item_id) VALUES (1, 2)");
        exec("INSERT INTO shop_item_related (from_item_id, to_item_id) VALUES (2, 1)");

        // unique_together, the Meta check and the column check reject bad rows.
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO shop_item (name, category_id, qty) VALUES ('hammer', 1, 0)"));
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO shop_item (name, qty) VALUES ('x', 0)"));
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO shop_item (name, qty) VALUES ('bad', -1)"));
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO shop_item (qty) VALUES (1)")); // name NOT NULL, no schema default

        // A nullable column: existing rows hold NULL.
        auto v2 = shop({.note = true});
        atomic([&] { editor.addField((*v2)["Item"], v2->field("Item", "note")); });
        QCOMPARE(column("SELECT note FROM shop_item ORDER BY id"), (QVariantList{QVariant(), QVariant()}));
        exec("UPDATE shop_item SET note = 'sharp' WHERE name = 'hammer'");

        // A NOT NULL column with a default: existing rows get the default.
        auto v3 = shop({.note = true, .stock = true});
        atomic([&] { editor.addField((*v3)["Item"], v3->field("Item", "stock")); });
        QCOMPARE(column("SELECT stock FROM shop_item ORDER BY id"), (QVariantList{5, 5}));
        QCOMPARE(column("SELECT note FROM shop_item ORDER BY id"), (QVariantList{"sharp", QVariant()}));

        // Widen a column and make it nullable: rows stay, longer and NULL values fit.
        auto v4 = shop({.nameLength = 200, .nameNull = true, .note = true, .stock = true});
        atomic([&] { editor.alterField((*v4)["Item"], v3->field("Item", "name"), v4->field("Item", "name")); });
        exec("INSERT INTO shop_item (name, qty, stock) VALUES (?, 0, 1)", {QString(150, QLatin1Char('n'))});
        exec("INSERT INTO shop_item (name, qty, stock) VALUES (NULL, 0, 1)");
        QCOMPARE(scalar("SELECT count(*) FROM shop_item"), 4);
        QCOMPARE(column("SELECT name FROM shop_item WHERE category_id = 1"), (QVariantList{"hammer"})); // the FK column survived
        QCOMPARE(scalar("SELECT count(*) FROM shop_item WHERE id = 3"), 0); // the deleted id was not reused
        QVERIFY(scalar("SELECT min(id) FROM shop_item WHERE stock = 1") > 3);

        // Back to NOT NULL with a default: NULLs take the default.
        auto v5 = shop({.nameLength = 200, .nameDefault = "unnamed", .note = true, .stock = true});
        atomic([&] { editor.alterField((*v5)["Item"], v4->field("Item", "name"), v5->field("Item", "name")); });
        QCOMPARE(column("SELECT name FROM shop_item WHERE stock = 1 ORDER BY id"), (QVariantList{QString(150, QLatin1Char('n')), "unnamed"}));
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO shop_item (name, qty, stock) VALUES (NULL, 0, 1)"));

        // Remove a column: the others stay.
        auto v6 = shop({.nameLength = 200, .nameDefault = "unnamed", .note = true});
        atomic([&] { editor.removeField((*v6)["Item"], v5->field("Item", "stock")); });
        QVERIFY(!columnsOf("shop_item").contains("stock"));
        QCOMPARE(scalar("SELECT count(*) FROM shop_item"), 4);
        QCOMPARE(column("SELECT note FROM shop_item WHERE id = 1"), (QVariantList{"sharp"}));
        QVERIFY_THROWS_EXCEPTION(DatabaseError, exec("SELECT stock FROM shop_item"));

        // Remake a table other rows point to (SQLite rebuilds "shop_category", which
        // items reference): the references hold and the transaction commits.
        auto v7 = shop({.nameLength = 200, .nameDefault = "unnamed", .note = true, .categoryNameLength = 120});
        atomic([&] { editor.alterField((*v7)["Category"], v6->field("Category", "name"), v7->field("Category", "name")); });
        exec("INSERT INTO shop_category (name) VALUES (?)", {QString(100, QLatin1Char('c'))});
        QCOMPARE(scalar("SELECT count(*) FROM shop_item i JOIN shop_category c ON c.id = i.category_id"), 1);
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO shop_item (name, category_id, qty) VALUES ('lost', 99, 0)"));
        // The self-referential M2M rows survived every remake of "shop_item", and still check.
        QCOMPARE(scalar("SELECT count(*) FROM shop_item_related"), 2);
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO shop_item_related (from_item_id, to_item_id) VALUES (1, 99)"));
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO shop_item_related (from_item_id, to_item_id) VALUES (1, 2)"));
        // Rows that point nowhere still fail the remake's transaction, and change nothing.
        if (!postgres()) {
            QVERIFY_THROWS_EXCEPTION(IntegrityError, atomic([&] {
                exec("PRAGMA defer_foreign_keys = ON");
                exec("DELETE FROM shop_category");
                editor.alterField((*v6)["Category"], v7->field("Category", "name"), v6->field("Category", "name"));
            }));
            QCOMPARE(scalar("SELECT count(*) FROM shop_category"), 2);
        }

        // Drop the Meta check constraint, then add it back (rows that break it stay out).
        auto v8 = shop({.nameLength = 200, .nameDefault = "unnamed", .note = true, .categoryNameLength = 120, .checkConstraint = false});
        const Constraint check = (*v7)["Item"].options().constraints.first();
        atomic([&] { editor.removeConstraint((*v8)["Item"], check); });
        exec("INSERT INTO shop_item (name, qty) VALUES ('x', 0)");
        QVERIFY_THROWS_EXCEPTION(IntegrityError, atomic([&] { editor.addConstraint((*v7)["Item"], check); }));
        exec("DELETE FROM shop_item WHERE name = 'x'");
        atomic([&] { editor.addConstraint((*v7)["Item"], check); });
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO shop_item (name, qty) VALUES ('x', 0)"));
        QCOMPARE(scalar("SELECT count(*) FROM shop_item"), 4);

        // Meta indexes come and go.
        const Index byNote{{"note", "-qty"}, {}};
        atomic([&] { editor.addIndex((*v7)["Item"], byNote); });
        const QStringList withIndex = indexesOf("shop_item");
        QVERIFY2(withIndex.contains(QStringLiteral("shop_item_note_%1_idx").arg(digest("shop_itemnote-qtyidx", 6))), qPrintable(withIndex.join(' ')));
        atomic([&] { editor.removeIndex((*v7)["Item"], byNote); });
        QCOMPARE(indexesOf("shop_item").size(), withIndex.size() - 1);

        // A failed change inside a transaction leaves everything as it was.
        try {
            Atomic block;
            editor.addIndex((*v7)["Item"], Index{{"name"}, "shop_item_name_idx"});
            exec("SELECT * FROM no_such_table");
        } catch (const DatabaseError &) {
        }
        QVERIFY(!indexesOf("shop_item").contains("shop_item_name_idx"));
        QCOMPARE(scalar("SELECT count(*) FROM shop_item"), 4);

        // Rename the table and back.
        atomic([&] { editor.alterDbTable((*v7)["Category"], "shop_category", "shop_kind"); });
        QVERIFY(editor.tableExists("shop_kind"));
        QVERIFY(!editor.tableExists("shop_category"));
        QCOMPARE(scalar("SELECT count(*) FROM shop_kind"), 2);
        atomic([&] { editor.alterDbTable((*v7)["Category"], "shop_kind", "shop_category"); });

        // Delete: the M2M table goes first, then the table.
        atomic([&] {
            editor.deleteModel((*v7)["Item"]);
            editor.deleteModel((*v7)["Category"]);
        });
        QVERIFY(!editor.tableExists("shop_item"));
        QVERIFY(!editor.tableExists("shop_item_related"));
        QVERIFY(!editor.tableExists("shop_category"));
    }

    void alterUniqueIndexAndColumnName()
    {
        auto version = [](bool unique, bool indexed, const QString &column) {
            return std::make_unique<Version>(
                "alt", QList<QPair<QString, QList<FieldDecl>>>{
                           {"Code", {CharField("code", 10, {.unique = unique, .dbIndex = indexed, .dbColumn = column}),
                                     PositiveIntegerField("rank", {.defaultValue = 0}), BooleanField("active", {.defaultValue = true})}}});
        };
        SchemaEditor editor(db());
        auto unique = version(true, false, {});
        atomic([&] { editor.createModel((*unique)["Code"]); });
        exec("INSERT INTO alt_code (code, \"rank\", active) VALUES ('a', 1, ?)", {true});
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO alt_code (code, \"rank\", active) VALUES ('a', 2, ?)", {true}));

        // unique -> db_index: duplicates allowed, an index instead.
        auto indexed = version(false, true, {});
        atomic([&] { editor.alterField((*indexed)["Code"], unique->field("Code", "code"), indexed->field("Code", "code")); });
        exec("INSERT INTO alt_code (code, \"rank\", active) VALUES ('a', 2, ?)", {false});
        const QString indexName = editor.indexName("alt_code", {"code"}, "");
        QVERIFY2(indexesOf("alt_code").contains(indexName), qPrintable(indexesOf("alt_code").join(' ')));

        // Only the column name changes: the data moves with it.
        auto renamed = version(false, true, "code_text");
        atomic([&] { editor.alterField((*renamed)["Code"], indexed->field("Code", "code"), renamed->field("Code", "code")); });
        QVERIFY(columnsOf("alt_code").contains("code_text"));
        QVERIFY(!columnsOf("alt_code").contains("code"));
        QCOMPARE(column("SELECT code_text FROM alt_code ORDER BY id"), (QVariantList{"a", "a"}));

        // Drop the index, then only-Python changes are no-ops.
        auto plain = version(false, false, "code_text");
        atomic([&] { editor.alterField((*plain)["Code"], renamed->field("Code", "code"), plain->field("Code", "code")); });
        QVERIFY(!indexesOf("alt_code").contains(indexName));
        SchemaEditor collector(db(), true);
        collector.alterField((*plain)["Code"], plain->field("Code", "code"), plain->field("Code", "code"));
        QCOMPARE(collector.collectedSql(), QStringList());

        // A partial unique constraint: unique among active rows only.
        const Constraint activeCode{Constraint::Kind::Unique, "alt_code_active_code", {"code"}, {}, Q("active", true)};
        atomic([&] { editor.addConstraint((*plain)["Code"], activeCode); });
        exec("INSERT INTO alt_code (code_text, \"rank\", active) VALUES ('a', 3, ?)", {false});
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO alt_code (code_text, \"rank\", active) VALUES ('a', 3, ?)", {true}));
        exec("INSERT INTO alt_code (code_text, \"rank\", active) VALUES ('b', 3, ?)", {true});
        atomic([&] { editor.removeConstraint((*plain)["Code"], activeCode); });
        exec("INSERT INTO alt_code (code_text, \"rank\", active) VALUES ('b', 4, ?)", {true});

        // Back to unique needs no duplicates: the change fails and nothing moves.
        auto uniqueAgain = version(true, false, "code_text");
        QVERIFY_THROWS_EXCEPTION(IntegrityError, atomic([&] {
            editor.alterField((*uniqueAgain)["Code"], plain->field("Code", "code"), uniqueAgain->field("Code", "code"));
        }));
        QCOMPARE(scalar("SELECT count(*) FROM alt_code"), 5);
        atomic([&] {
            exec("DELETE FROM alt_code WHERE id NOT IN (SELECT min(id) FROM alt_code GROUP BY code_text)");
            editor.alterField((*uniqueAgain)["Code"], plain->field("Code", "code"), uniqueAgain->field("Code", "code"));
        });
        QVERIFY_THROWS_EXCEPTION(IntegrityError, exec("INSERT INTO alt_code (code_text, \"rank\", active) VALUES ('b', 3, ?)", {true}));
        QCOMPARE(column("SELECT code_text FROM alt_code ORDER BY code_text"), (QVariantList{"a", "b"}));

        atomic([&] { editor.deleteModel((*uniqueAgain)["Code"]); });
        QVERIFY(!editor.tableExists("alt_code"));
    }

    void addAndRemoveManyToMany()
    {
        auto before = std::make_unique<Version>("mm", QList<QPair<QString, QList<FieldDecl>>>{
                                                          {"Tag", {CharField("name", 10)}}, {"Post", {CharField("title", 10)}}});
        auto after = std::make_unique<Version>("mm", QList<QPair<QString, QList<FieldDecl>>>{
                                                         {"Tag", {CharField("name", 10)}},
                                                         {"Post", {CharField("title", 10), ManyToManyField("tags", "Tag", {.blank = true})}}});
        SchemaEditor editor(db());
        atomic([&] { editor.createModels({&(*before)["Tag"], &(*before)["Post"]}); });
        atomic([&] { editor.addField((*after)["Post"], after->field("Post", "tags")); });
        QVERIFY(editor.tableExists("mm_post_tags"));
        QCOMPARE(columnsOf("mm_post_tags"), (QStringList{"id", "post_id", "tag_id"}));
        QVERIFY_THROWS_EXCEPTION(FieldError, editor.alterField((*after)["Post"], before->field("Post", "title"), after->field("Post", "tags")));
        atomic([&] { editor.removeField((*before)["Post"], after->field("Post", "tags")); });
        QVERIFY(!editor.tableExists("mm_post_tags"));
        atomic([&] {
            editor.deleteModel((*before)["Post"]);
            editor.deleteModel((*before)["Tag"]);
        });
    }
};

QTEST_GUILESS_MAIN(TestSchemaEditor)
#include "tst_schemaeditor.moc"
