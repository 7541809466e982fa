// Export of a list page: CSV of list_display (RFC 4180, UTF-8, ForeignKeys by
// their display string) and JSON in dumpdata's fixture format, from the
// QuerySet the page shows (search, filters, ordering) or its selection; read
// in chunks with progress, cancellable, the file written only when complete.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "views/admin/AdminSite.h"
#include "views/admin/ChangeListExporter.h"
#include "views/admin/ChangeListModel.h"
#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace quango;

class TestChangeListExporter : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    std::unique_ptr<AdminSite> m_site;
    const ModelMeta *Author = nullptr, *Post = nullptr, *Tag = nullptr;
    const QStringList m_columns{"title", "author", "status", "is_featured", "views", "published_at"};

    std::unique_ptr<ChangeListModel> listModel()
    {
        auto model = std::make_unique<ChangeListModel>(*Post, m_site->modelAdmin(*Post));
        model->select();
        return model;
    }
    static QString exportText(ChangeListExporter &exporter, ChangeListExporter::Format format)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        if (!exporter.write(buffer, format))
            qFatal("export cancelled without a progress function");
        return QString::fromUtf8(buffer.data());
    }
    void manyPosts(int n)
    {
        const Model author = Author->objects().create({{"name", "Many"}, {"email", "many@example.com"}});
        QList<Model> posts;
        for (int i = 0; i < n; ++i) {
            Model p(Post);
            p.setValue("title", QStringLiteral("Post %1").arg(i, 5, 10, QLatin1Char('0')));
            p.setValue("slug", QStringLiteral("post-%1").arg(i));
            p.setValue("author", author.pk());
            p.setValue("views", i);
            posts << p;
        }
        Post->objects().all().bulkCreate(posts, 500);
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        Author = &Registry::instance().modelOrThrow("blog.Author");
        Post = &Registry::instance().modelOrThrow("blog.Post");
        Tag = &Registry::instance().modelOrThrow("blog.Tag");
        m_site = std::make_unique<AdminSite>(Registry::instance());
        m_site->registerModel("blog.Post", ModelAdmin{
            .listDisplay = m_columns,
            .listFilter = {"status"},
            .searchFields = {"title", "author__name"},
            .ordering = {"title"},
            .listPerPage = 4,
        });
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void init()
    {
        m_db.resetTables();
        const Model ann = Author->objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        const Model bob = Author->objects().create({{"name", "Bob, \"Jr.\""}, {"email", "bob@example.com"}});
        const struct { const char *title; const Model &author; const char *status; bool featured; int views; } rows[] = {
            {"Plain", ann, "draft", false, 1},
            {"Comma, inside", bob, "published", true, 2},
            {"Say \"hi\"", ann, "archived", false, 3},
            {"Two\nlines", bob, "draft", false, 4},
            {"Café ☕ naïve", ann, "published", false, 5},
        };
        for (const auto &row : rows)
            Post->objects().create({{"title", QString::fromUtf8(row.title)}, {"slug", "s"}, {"author", row.author.pk()},
                                    {"status", row.status}, {"is_featured", row.featured}, {"views", row.views}});
        Post->objects().filter(Q("title", "Comma, inside")).update({{"published_at", QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC)}});
    }

    void csvField()
    {
        QCOMPARE(ChangeListExporter::csvField("plain"), QStringLiteral("plain"));
        QCOMPARE(ChangeListExporter::csvField("a,b"), QStringLiteral("\"a,b\""));
        QCOMPARE(ChangeListExporter::csvField("say \"hi\""), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(ChangeListExporter::csvField("two\nlines"), QStringLiteral("\"two\nlines\""));
        QCOMPARE(ChangeListExporter::csvField("cr\rhere"), QStringLiteral("\"cr\rhere\""));
        QCOMPARE(ChangeListExporter::csvField(""), QString());
        QCOMPARE(ChangeListExporter::formatForPath("/tmp/x.JSON"), ChangeListExporter::Format::Json);
        QCOMPARE(ChangeListExporter::formatForPath("/tmp/x.txt"), ChangeListExporter::Format::Csv);
    }

    void csvOfTheWholeList()
    {
        auto model = listModel();
        ChangeListExporter exporter(model->querySet(), model->admin().listDisplay);
        QCOMPARE(exporter.total(), 5);
        const QString csv = exportText(exporter, ChangeListExporter::Format::Csv);
        QCOMPARE(csv, QString::fromUtf8(
            "Title,Author,Status,Is featured,Views,Published at\r\n"
            "Café ☕ naïve,Ann,Published,False,5,\r\n"
            "\"Comma, inside\",\"Bob, \"\"Jr.\"\"\",Published,True,2,2026-01-02T03:04:05.000Z\r\n"
            "Plain,Ann,Draft,False,1,\r\n"
            "\"Say \"\"hi\"\"\",Ann,Archived,False,3,\r\n"
            "\"Two\nlines\",\"Bob, \"\"Jr.\"\"\",Draft,False,4,\r\n"));
        QCOMPARE(exporter.exported(), 5);
    }

    void csvFollowsSearchFilterAndSort()
    {
        auto model = listModel();
        model->setSearchText("bob");
        model->sort(4, Qt::DescendingOrder); // views
        ChangeListExporter exporter(model->querySet(), {"title", "views"});
        QCOMPARE(exportText(exporter, ChangeListExporter::Format::Csv),
                 QStringLiteral("Title,Views\r\n\"Two\nlines\",4\r\n\"Comma, inside\",2\r\n"));

        model->setSearchText({});
        const QList<ListFilter::Choice> &choices = model->listFilters().at(0).choices();
        int draft = -1;
        for (int i = 0; i < choices.size(); ++i)
            if (choices.at(i).label == QLatin1String("Draft"))
                draft = i;
        QVERIFY(draft > 0);
        model->setFilterChoice(0, draft);
        model->clearSort();
        ChangeListExporter drafts(model->querySet(), {"__str__"});
        QCOMPARE(exportText(drafts, ChangeListExporter::Format::Csv), QStringLiteral("Post\r\nPlain\r\n\"Two\nlines\"\r\n"));
    }

    void selectionInListOrder()
    {
        auto model = listModel(); // ordered by title
        ChangeListExporter exporter(model->querySet(), {"title"});
        exporter.setSelection({model->object(1).pk(), model->object(2).pk(), model->object(4).pk()});
        exporter.setChunkSize(2);
        QCOMPARE(exporter.total(), 3);
        QCOMPARE(exportText(exporter, ChangeListExporter::Format::Csv),
                 QStringLiteral("Title\r\n\"Comma, inside\"\r\nPlain\r\n\"Two\nlines\"\r\n"));
    }

    void jsonIsADumpdataFixture()
    {
        const QDateTime fixed(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
        Post->objects().all().update({{"created", fixed}, {"updated", fixed}});
        const Model tag = Tag->objects().create({{"name", "news"}});
        const Model other = Tag->objects().create({{"name", "art"}});
        Post->objects().get(Q("title", "Plain")).manyRelated("tags").add(QVariantList{tag.pk(), other.pk()});
        auto model = listModel();
        model->setSearchText("plain");
        ChangeListExporter exporter(model->querySet(), model->admin().listDisplay);
        const QString json = exportText(exporter, ChangeListExporter::Format::Json);
        QCOMPARE(json, QStringLiteral(
            "[\n"
            "{\n"
            "  \"model\": \"blog.post\",\n"
            "  \"pk\": 1,\n"
            "  \"fields\": {\n"
            "    \"title\": \"Plain\",\n"
            "    \"slug\": \"s\",\n"
            "    \"author\": 1,\n"
            "    \"body\": \"\",\n"
            "    \"status\": \"draft\",\n"
            "    \"published_at\": null,\n"
            "    \"created\": \"2026-03-04T05:06:07Z\",\n"
            "    \"updated\": \"2026-03-04T05:06:07Z\",\n"
            "    \"is_featured\": false,\n"
            "    \"rating\": null,\n"
            "    \"views\": 1,\n"
            "    \"tags\": [\n"
            "      1,\n"
            "      2\n"
            "    ]\n"
            "  }\n"
            "}\n"
            "]\n"));

        // The whole list: every object, in the list's order, valid JSON.
        model->setSearchText({});
        ChangeListExporter all(model->querySet(), model->admin().listDisplay);
        all.setChunkSize(2);
        const QJsonArray objects = QJsonDocument::fromJson(exportText(all, ChangeListExporter::Format::Json).toUtf8()).array();
        QCOMPARE(objects.size(), 5);
        QCOMPARE(objects.at(0).toObject().value("fields").toObject().value("title").toString(), QString::fromUtf8("Café ☕ naïve"));
        QCOMPARE(objects.at(4).toObject().value("fields").toObject().value("title").toString(), QStringLiteral("Two\nlines"));
    }

    void chunksWithProgress()
    {
        m_db.resetTables();
        manyPosts(2500);
        auto model = listModel();
        ChangeListExporter exporter(model->querySet(), {"title", "views"});
        QCOMPARE(exporter.chunkSize(), 500);
        QList<qint64> reports;
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(exporter.write(buffer, ChangeListExporter::Format::Csv, [&](qint64 done, qint64 total) {
            if (total != 2500)
                qFatal("total %lld", total);
            reports << done;
            return true;
        }));
        QCOMPARE(reports, (QList<qint64>{0, 500, 1000, 1500, 2000, 2500}));
        const QStringList lines = QString::fromUtf8(buffer.data()).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2501);
        for (int i = 0; i < 2500; ++i) // in order, each once, across chunk borders
            QCOMPARE(lines.at(i + 1), QStringLiteral("Post %1,%2").arg(i, 5, 10, QLatin1Char('0')).arg(i));
    }

    void cancelMidWay()
    {
        m_db.resetTables();
        manyPosts(2500);
        auto model = listModel();
        QTemporaryDir dir;
        const QString path = dir.filePath("posts.json");
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous");
        old.close();

        ChangeListExporter exporter(model->querySet(), {"title"});
        QList<qint64> reports;
        QVERIFY(!exporter.writeFile(path, ChangeListExporter::Format::Json, [&](qint64 done, qint64) {
            reports << done;
            return done < 1000; // the user presses Cancel during the second chunk
        }));
        QCOMPARE(reports, (QList<qint64>{0, 500, 1000}));
        QCOMPARE(exporter.exported(), 1000);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("previous")); // never half a file
        old.close();

        // Completed: the file is replaced whole.
        QVERIFY(exporter.writeFile(path, ChangeListExporter::Format::Json));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(old.readAll()).array().size(), 2500);
    }

    void errorsNameWhatFailed()
    {
        auto model = listModel();
        ChangeListExporter unknown(model->querySet(), {"title", "nope"});
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        try {
            unknown.write(buffer, ChangeListExporter::Format::Csv);
            QFAIL("an unknown column was exported");
        } catch (const FieldError &error) {
            QVERIFY2(error.message().contains("'nope'") && error.message().contains("blog.Post"), qPrintable(error.message()));
        }
        ChangeListExporter exporter(model->querySet(), {"title"});
        QVERIFY_THROWS_EXCEPTION(Error, exporter.writeFile("/nonexistent-folder/x.csv", ChangeListExporter::Format::Csv));
    }
};

QTEST_MAIN(TestChangeListExporter)
#include "tst_changelistexporter.moc"
