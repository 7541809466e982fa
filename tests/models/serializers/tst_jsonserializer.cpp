// JsonSerializer and DjangoJsonEncoder: Django's fixture text byte for byte
// (separators, indentation, field order, pk order, ManyToMany last as sorted
// pks, DjangoJSONEncoder's datetime/date/decimal/UUID forms, Python's float
// repr and string escapes), --pks filtering and custom managers.
#include "CaptureQueries.h"
#include "TestDatabase.h"
#include "TestModels.h"
#include "app/demo/DemoProject.h"
#include "orm/ManyRelatedManager.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include "serializers/DjangoJsonEncoder.h"
#include "serializers/JsonSerializer.h"
#include <QUuid>
#include <QtTest>

using namespace quango;
using namespace quango::testing;

class TestJsonSerializer : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;

    static QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
    {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
    }

    // Ann (pk 1) with two posts, tags "qt" (1) and "cpp" (2).
    void createBlog()
    {
        Model ann(model("blog.Author"));
        ann.set("name", "Ann").set("email", "ann@example.com").set("bio", QString::fromUtf8("Zürich \"quoted\"\nline"));
        ann.save();
        Model qt(model("blog.Tag")), cpp(model("blog.Tag"));
        qt.set("name", "qt").save();
        cpp.set("name", "cpp").save();
        Model first(model("blog.Post"));
        first.set("title", "Hello").set("slug", "hello").set("author", ann.pk()).set("status", "published")
            .set("published_at", utc(2024, 1, 2, 3, 4, 5, 123)).set("created", utc(2024, 1, 1, 0, 0, 0))
            .set("updated", utc(2024, 1, 2, 3, 4, 5, 7)).set("is_featured", true).set("rating", "4.5").set("views", 10);
        first.save(SaveOptions{.raw = true}); // keeps the timestamps given
        first.manyRelated("tags").set({cpp.pk(), qt.pk()});
        Model second(model("blog.Post"));
        second.set("title", "Draft").set("slug", "draft").set("author", ann.pk())
            .set("created", utc(2024, 2, 1, 12, 0, 0)).set("updated", utc(2024, 2, 1, 12, 0, 0));
        second.save(SaveOptions{.raw = true});
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        installLibraryApp();
        m_db.setUp();
        m_db.createTables();
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init() { m_db.resetTables(); }

    void pythonFloatRepr_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("repr");
        QTest::newRow("one") << 1.0 << "1.0";
        QTest::newRow("tenth") << 0.1 << "0.1";
        QTest::newRow("negative") << -2.5 << "-2.5";
        QTest::newRow("zero") << 0.0 << "0.0";
        QTest::newRow("1e15") << 1e15 << "1000000000000000.0";
        QTest::newRow("1e16") << 1e16 << "1e+16";
        QTest::newRow("1.5e20") << 1.5e20 << "1.5e+20";
        QTest::newRow("1e-4") << 1e-4 << "0.0001";
        QTest::newRow("1e-5") << 1e-5 << "1e-05";
        QTest::newRow("third") << 1.0 / 3 << "0.3333333333333333";
        QTest::newRow("123.456") << 123.456 << "123.456";
    }
    void pythonFloatRepr()
    {
        QFETCH(double, value);
        QFETCH(QString, repr);
        QCOMPARE(DjangoJsonEncoder::formatDouble(value), repr);
    }

    void encoderMatchesPythonJsonDumps()
    {
        // json.dumps(v, ensure_ascii=False) and with indent=2, separators=(",", ": ").
        const QVariantMap value{{"b", QVariantList{1, 2.5, true, QVariant()}}, {"a", QString::fromUtf8("é\t\"\\\x01")}, {"c", QVariantMap()}};
        QCOMPARE(DjangoJsonEncoder().encode(value), QString::fromUtf8("{\"a\": \"é\\t\\\"\\\\\\u0001\", \"b\": [1, 2.5, true, null], \"c\": {}}"));
        QCOMPARE(DjangoJsonEncoder(2).encode(value),
                 QString::fromUtf8("{\n  \"a\": \"é\\t\\\"\\\\\\u0001\",\n  \"b\": [\n    1,\n    2.5,\n    true,\n    null\n  ],\n  \"c\": {}\n}"));
        QCOMPARE(DjangoJsonEncoder().encode(utc(2024, 1, 2, 3, 4, 5, 123)), QString("\"2024-01-02T03:04:05.123Z\""));
        QCOMPARE(DjangoJsonEncoder().encode(utc(2024, 1, 2, 3, 4, 5)), QString("\"2024-01-02T03:04:05Z\""));
        // An aware datetime in another zone is written in UTC.
        QCOMPARE(DjangoJsonEncoder().encode(QDateTime(QDate(2024, 1, 2), QTime(5, 4, 5), Qt::OffsetFromUTC, 7200)), QString("\"2024-01-02T03:04:05Z\""));
        QCOMPARE(DjangoJsonEncoder().encode(QDate(2024, 3, 9)), QString("\"2024-03-09\""));
        QCOMPARE(DjangoJsonEncoder().encode(QUuid("{6ba7b810-9dad-11d1-80b4-00c04fd430c8}")), QString("\"6ba7b810-9dad-11d1-80b4-00c04fd430c8\""));
        QCOMPARE(DjangoJsonEncoder().encode(QVariantList()), QString("[]"));
    }

    void dumpIsDjangosFixtureText()
    {
        createBlog();
        const QList<const ModelMeta *> models{model("blog.Author"), model("blog.Tag"), model("blog.Post")};
        // What Django 4.2's `dumpdata blog.author blog.tag blog.post` writes for the same rows.
        const QString expected = QString::fromUtf8(
            "[{\"model\": \"blog.author\", \"pk\": 1, \"fields\": {\"name\": \"Ann\", \"email\": \"ann@example.com\", \"bio\": \"Zürich \\\"quoted\\\"\\nline\"}}, "
            "{\"model\": \"blog.tag\", \"pk\": 1, \"fields\": {\"name\": \"qt\"}}, "
            "{\"model\": \"blog.tag\", \"pk\": 2, \"fields\": {\"name\": \"cpp\"}}, "
            "{\"model\": \"blog.post\", \"pk\": 1, \"fields\": {\"title\": \"Hello\", \"slug\": \"hello\", \"author\": 1, \"body\": \"\", "
            "\"status\": \"published\", \"published_at\": \"2024-01-02T03:04:05.123Z\", \"created\": \"2024-01-01T00:00:00Z\", "
            "\"updated\": \"2024-01-02T03:04:05.007Z\", \"is_featured\": true, \"rating\": \"4.5\", \"views\": 10, \"tags\": [1, 2]}}, "
            "{\"model\": \"blog.post\", \"pk\": 2, \"fields\": {\"title\": \"Draft\", \"slug\": \"draft\", \"author\": 1, \"body\": \"\", "
            "\"status\": \"draft\", \"published_at\": null, \"created\": \"2024-02-01T12:00:00Z\", \"updated\": \"2024-02-01T12:00:00Z\", "
            "\"is_featured\": false, \"rating\": null, \"views\": 0, \"tags\": []}}]");
        QCOMPARE(JsonSerializer::serialize(models), expected);

        const QString indented = JsonSerializer::serialize({model("blog.Tag"), model("blog.Post")}, 2);
        const QString expectedIndented = QString::fromUtf8(
            "[\n{\n  \"model\": \"blog.tag\",\n  \"pk\": 1,\n  \"fields\": {\n    \"name\": \"qt\"\n  }\n},\n"
            "{\n  \"model\": \"blog.tag\",\n  \"pk\": 2,\n  \"fields\": {\n    \"name\": \"cpp\"\n  }\n},\n"
            "{\n  \"model\": \"blog.post\",\n  \"pk\": 1,\n  \"fields\": {\n    \"title\": \"Hello\",\n    \"slug\": \"hello\",\n"
            "    \"author\": 1,\n    \"body\": \"\",\n    \"status\": \"published\",\n    \"published_at\": \"2024-01-02T03:04:05.123Z\",\n"
            "    \"created\": \"2024-01-01T00:00:00Z\",\n    \"updated\": \"2024-01-02T03:04:05.007Z\",\n    \"is_featured\": true,\n"
            "    \"rating\": \"4.5\",\n    \"views\": 10,\n    \"tags\": [\n      1,\n      2\n    ]\n  }\n},\n"
            "{\n  \"model\": \"blog.post\",\n  \"pk\": 2,\n  \"fields\": {\n    \"title\": \"Draft\",\n    \"slug\": \"draft\",\n"
            "    \"author\": 1,\n    \"body\": \"\",\n    \"status\": \"draft\",\n    \"published_at\": null,\n"
            "    \"created\": \"2024-02-01T12:00:00Z\",\n    \"updated\": \"2024-02-01T12:00:00Z\",\n    \"is_featured\": false,\n"
            "    \"rating\": null,\n    \"views\": 0,\n    \"tags\": []\n  }\n}\n]\n");
        QCOMPARE(indented, expectedIndented);
        QCOMPARE(JsonSerializer::serialize({}), QString("[]"));
        QCOMPARE(JsonSerializer::serialize({}, 4), QString("[\n]\n"));
    }

    void otherFieldTypes()
    {
        Model author(model("library.Author"));
        author.set("name", "Bo").save();
        Model book(model("library.Book"));
        book.set("title", "B").set("author", author.pk()).set("rating", 4.0).set("price", "12.50").set("is_published", false)
            .set("published", QDate(2023, 5, 6)).set("created", utc(2023, 5, 6, 7, 8, 9, 250))
            .set("extra", QVariantMap{{"k", QVariantList{1, "x"}}, {"n", QVariant()}});
        book.save(SaveOptions{.raw = true});
        Model bio(model("library.Biography"));
        bio.set("author", author.pk()).set("ref", QUuid("{6ba7b810-9dad-11d1-80b4-00c04fd430c8}")).save();
        const QString text = JsonSerializer::serialize({model("library.Book"), model("library.Biography")});
        QVERIFY2(text.contains("\"rating\": 4.0, \"price\": \"12.50\", \"is_published\": false, \"published\": \"2023-05-06\", "
                               "\"created\": \"2023-05-06T07:08:09.250Z\", \"extra\": {\"k\": [1, \"x\"], \"n\": null}, \"genres\": []"),
                 qPrintable(text));
        QVERIFY2(text.contains("\"publisher\": null, \"editor\": null, \"pages\": 100"), qPrintable(text));
        QVERIFY2(text.contains("{\"author\": 1, \"text\": \"\", \"ref\": \"6ba7b810-9dad-11d1-80b4-00c04fd430c8\"}"), qPrintable(text));
    }

    void pksAndManagers()
    {
        Model author(model("library.Author"));
        author.set("name", "Bo").save();
        for (int i = 1; i <= 3; ++i) {
            Model book(model("library.Book"));
            book.set("title", QString("T%1").arg(i)).set("author", author.pk()).set("is_published", i != 2).save();
        }
        QString out;
        JsonSerializer serializer([&](const QString &t) { out += t; });
        serializer.startSerialization();
        QCOMPARE(serializer.serializeModel(model("library.Book"), {3, 1}), 2);
        serializer.endSerialization();
        QVERIFY(out.contains("\"pk\": 1,") && out.contains("\"pk\": 3,") && !out.contains("\"pk\": 2,"));
        QVERIFY(out.indexOf("\"pk\": 1,") < out.indexOf("\"pk\": 3,")); // pk order, not the order asked
        // Book's default manager is "objects" (all rows); the base manager too.
        out.clear();
        serializer.startSerialization();
        QCOMPARE(serializer.serializeModel(model("library.Book"), {}, true), 3);
        serializer.endSerialization();
        QCOMPARE(serializer.objectCount(), 3);
    }

    // serializeObjects reads the link rows of the objects it writes only (an
    // export in chunks must not read the whole link table per chunk), in IN
    // lists of at most 500 bound pks, and writes what serializeModel writes.
    void serializeObjectsReadsOnlyTheirLinks()
    {
        const ModelMeta *Post = model("blog.Post");
        Model ann(model("blog.Author"));
        ann.set("name", "Ann").set("email", "ann@example.com").save();
        Model qt(model("blog.Tag")), cpp(model("blog.Tag"));
        qt.set("name", "qt").save();
        cpp.set("name", "cpp").save();
        QList<Model> posts;
        for (int i = 1; i <= 1100; ++i) {
            Model post(Post);
            post.set("title", QString("P%1").arg(i)).set("slug", QString("p%1").arg(i)).set("author", ann.pk());
            posts << post;
        }
        posts = Post->objects().bulkCreate(std::move(posts));
        for (int i = 0; i < posts.size(); i += 7)
            posts.at(i).manyRelated("tags").set(i % 2 ? QVariantList{qt.pk()} : QVariantList{cpp.pk(), qt.pk()});
        const QString through = static_cast<const ManyToManyField *>(Post->field("tags"))->throughTable();
        auto linkReads = [&](const CaptureQueries &queries) {
            QList<QueryLog::Entry> out;
            for (const QueryLog::Entry &entry : queries.entries())
                if (entry.sql.contains(through))
                    out << entry;
            return out;
        };
        const QList<Model> ordered = Post->objects().orderBy({"pk"}).list();

        // Three objects: one statement binding just their pks.
        const QList<Model> few{ordered.at(7), ordered.at(14), ordered.at(15)};
        QString out;
        JsonSerializer serializer([&](const QString &t) { out += t; });
        {
            CaptureQueries queries;
            serializer.startSerialization();
            serializer.serializeObjects(few);
            serializer.endSerialization();
            const QList<QueryLog::Entry> reads = linkReads(queries);
            QCOMPARE(reads.size(), 1);
            QVERIFY2(reads.first().sql.contains(" IN (?, ?, ?)"), qPrintable(reads.first().sql));
            QCOMPARE(reads.first().params.size(), 3);
        }
        QVERIFY2(out.contains("\"slug\": \"p8\"") && out.contains("\"tags\": [1]"), qPrintable(out));
        QVERIFY2(out.contains("\"slug\": \"p15\"") && out.contains("\"tags\": [1, 2]"), qPrintable(out));
        QVERIFY2(out.contains("\"slug\": \"p16\"") && out.contains("\"tags\": []"), qPrintable(out));

        // Every object: chunks of 500 pks, and the same text as serializeModel.
        QString all;
        JsonSerializer whole([&](const QString &t) { all += t; }, 2);
        whole.startSerialization();
        whole.serializeModel(Post);
        whole.endSerialization();
        QString chunked;
        JsonSerializer objects([&](const QString &t) { chunked += t; }, 2);
        {
            CaptureQueries queries;
            objects.startSerialization();
            objects.serializeObjects(ordered);
            objects.endSerialization();
            const QList<QueryLog::Entry> reads = linkReads(queries);
            QCOMPARE(reads.size(), 3);
            QCOMPARE(reads.at(0).params.size(), 500);
            QCOMPARE(reads.at(1).params.size(), 500);
            QCOMPARE(reads.at(2).params.size(), 100);
        }
        QCOMPARE(chunked, all);
    }
};

QTEST_GUILESS_MAIN(TestJsonSerializer)
#include "tst_jsonserializer.moc"
