// Relations: select_related (one JOINed query), prefetch_related (one extra IN
// query per relation), reverse and many-to-many managers, m2m_changed, and
// delete() collecting on_delete like Django's Collector.
#include "TestModels.h"
#include "TestDatabase.h"
#include "QueryCounter.h"
#include "orm/Collector.h"
#include "orm/Exceptions.h"
#include "orm/ManyRelatedManager.h"
#include "orm/QuerySet.h"
#include "orm/RelatedManager.h"
#include "signals/ModelSignals.h"
#include <QtTest>

using namespace quango;
using namespace quango::testing;

class TestRelations : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    const ModelMeta *Author = nullptr, *Book = nullptr, *Publisher = nullptr, *Genre = nullptr, *Review = nullptr,
                    *Biography = nullptr, *Loan = nullptr;
    Model m_ann, m_bob, m_pub;
    QList<Model> m_genres;

private Q_SLOTS:
    void initTestCase()
    {
        installLibraryApp();
        m_db.setUp();
        m_db.createTables();
        Author = model("library.Author");
        Book = model("library.Book");
        Publisher = model("library.Publisher");
        Genre = model("library.Genre");
        Review = model("library.Review");
        Biography = model("library.Biography");
        Loan = model("library.Loan");
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void init()
    {
        m_db.resetTables();
        m_pub = Publisher->objects().create({{"name", "Penguin"}});
        m_ann = Author->objects().create({{"name", "Ann"}});
        m_bob = Author->objects().create({{"name", "Bob"}, {"mentor", m_ann}});
        m_genres.clear();
        for (const char *name : {"sf", "poetry", "crime"})
            m_genres << Genre->objects().create({{"name", name}});
        for (int i = 0; i < 10; ++i) {
            const Model author = i % 2 ? m_bob : m_ann;
            Model b = Book->objects().create({{"title", QStringLiteral("Book %1").arg(i)}, {"author", author}, {"pages", 100 + i},
                                              {"publisher", i < 5 ? QVariant::fromValue(m_pub) : QVariant()}});
            b.manyRelated("genres").add(QVariantList{m_genres.at(i % 3).pk(), m_genres.at((i + 1) % 3).pk()});
        }
    }

    void selectRelatedIsOneQuery()
    {
        QueryCounter counter;
        const QList<Model> books = Book->objects().selectRelated({"author", "publisher"}).list();
        QCOMPARE(books.size(), 10);
        QCOMPARE(counter.count(), 1);
        int withPublisher = 0;
        for (const Model &b : books) {
            QVERIFY(b.hasRelatedCached("author"));
            QVERIFY(!b.related("author").value("name").toString().isEmpty());
            if (b.related("publisher").isValid()) {
                ++withPublisher;
                QCOMPARE(b.related("publisher").value("name").toString(), QStringLiteral("Penguin"));
            }
        }
        QCOMPARE(withPublisher, 5); // LEFT JOIN keeps books without a publisher
        QCOMPARE(counter.count(), 1); // no query per row
        // Nested a__b, and select_related() with no names follows non-null FKs.
        const QList<Model> reviews = Review->objects().selectRelated({"book__author"}).list();
        QCOMPARE(counter.count(), 2);
        Q_UNUSED(reviews);
        const Model one = Book->objects().selectRelated().get(Q("title", "Book 1"));
        QVERIFY(one.hasRelatedCached("author"));
        QCOMPARE(one.related("author").value("name").toString(), QStringLiteral("Bob"));
        QCOMPARE(counter.count(), 3);
    }

    void lazyRelatedIsCached()
    {
        const Model b = Book->objects().get(Q("title", "Book 3"));
        QueryCounter counter;
        QCOMPARE(b.related("author").value("name").toString(), QStringLiteral("Bob"));
        QCOMPARE(b.related("author").value("name").toString(), QStringLiteral("Bob"));
        QCOMPARE(counter.count(), 1);
        QVERIFY(!b.related("editor").isValid()); // NULL key: no query, invalid Model
        QCOMPARE(counter.count(), 1);
    }

    void prefetchReverseForeignKey()
    {
        QueryCounter counter;
        const QList<Model> authors = Author->objects().prefetchRelated({"books"}).list();
        QCOMPARE(counter.count(), 2); // authors + one IN query
        int total = 0;
        for (const Model &a : authors) {
            const QList<Model> *books = a.prefetched("books");
            QVERIFY(books);
            QCOMPARE(a.relatedSet("books").list().size(), books->size()); // the manager uses the cache
            total += books->size();
        }
        QCOMPARE(total, 10);
        QCOMPARE(counter.count(), 2);
    }

    void prefetchManyToManyAndNested()
    {
        QueryCounter counter;
        const QList<Model> books = Book->objects().prefetchRelated({"genres"}).orderBy({"pages"}).list();
        QCOMPARE(counter.count(), 2);
        QCOMPARE(books.first().prefetched("genres")->size(), 2);
        QCOMPARE(books.first().manyRelated("genres").list().size(), 2);
        QCOMPARE(counter.count(), 2);

        const QList<Model> genres = Genre->objects().prefetchRelated({"books"}).list();
        QCOMPARE(counter.count(), 4);
        int links = 0;
        for (const Model &g : genres)
            links += g.prefetched("books")->size();
        QCOMPARE(links, 20);

        // Nested: authors -> books -> genres, one query per level.
        const QList<Model> authors = Author->objects().prefetchRelated({"books__genres"}).list();
        QCOMPARE(counter.count(), 7);
        for (const Model &a : authors)
            for (const Model &b : *a.prefetched("books"))
                QCOMPARE(b.prefetched("genres")->size(), 2);
        QCOMPARE(counter.count(), 7);
        // Forward ForeignKey prefetch fills the related cache.
        const QList<Model> withAuthors = Book->objects().prefetchRelated({"author"}).list();
        QCOMPARE(counter.count(), 9);
        for (const Model &b : withAuthors)
            QVERIFY(b.hasRelatedCached("author"));
    }

    void spanningManyToMany()
    {
        QCOMPARE(Book->objects().filter(Q("genres__name", "sf")).count(), 7);
        QCOMPARE(Genre->objects().filter(Q("books__author__name", "Ann")).distinct().count(), 3);
        QCOMPARE(Author->objects().filter(Q("books__genres__name", "poetry")).distinct().count(), 2);
        QCOMPARE(Author->objects().filter(Q("students__name", "Bob")).valuesListFlat("name").list(), QVariantList{"Ann"});
    }

    void reverseManager()
    {
        const QuerySet books = m_ann.relatedSet("books").querySet();
        QCOMPARE(books.count(), 5);
        const Model created = m_ann.relatedSet("books").create({{"title", "New"}});
        QCOMPARE(created.value("author").toLongLong(), m_ann.pk().toLongLong());
        QCOMPARE(m_ann.relatedSet("books").querySet().count(), 6);
        m_ann.relatedSet("books").add({Book->objects().get(Q("title", "Book 1"))});
        QCOMPARE(m_ann.relatedSet("books").querySet().count(), 7);
        QVERIFY_THROWS_EXCEPTION(FieldError, m_ann.relatedSet("books").clear()); // not nullable
        m_ann.relatedSet("edited").clear(); // nullable: allowed
        QVERIFY_THROWS_EXCEPTION(FieldError, m_ann.relatedSet("nope"));
    }

    void manyToManyManager()
    {
        Model b = Book->objects().get(Q("title", "Book 0"));
        QStringList actions;
        const QString key = signals::m2mChanged.connect([&](const void *, const M2MChange &change) { actions << change.action; });
        b.manyRelated("genres").set({m_genres.at(2).pk()});
        QCOMPARE(b.manyRelated("genres").pks(), QVariantList{m_genres.at(2).pk()});
        b.manyRelated("genres").add({m_genres.at(0)});
        QCOMPARE(b.manyRelated("genres").querySet().count(), 2);
        b.manyRelated("genres").remove({m_genres.at(0)});
        QCOMPARE(b.manyRelated("genres").querySet().count(), 1);
        b.manyRelated("genres").clear();
        QCOMPARE(b.manyRelated("genres").querySet().count(), 0);
        signals::m2mChanged.disconnect(key);
        QCOMPARE(actions, (QStringList{"pre_remove", "post_remove", "pre_add", "post_add", "pre_add", "post_add", "pre_remove",
                                       "post_remove", "pre_clear", "post_clear"}));
        // Reverse side.
        QCOMPARE(m_genres.at(1).manyRelated("books").querySet().count(), 6);
        QVERIFY_THROWS_EXCEPTION(IntegrityError, b.manyRelated("genres").add(QVariantList{999999}));
    }

    void cascadeCollectsLikeDjango()
    {
        Review->objects().create({{"book", Book->objects().get(Q("title", "Book 0"))}, {"body", "fine"}});
        Biography->objects().create({{"author", m_ann}, {"text", "bio"}});
        Book->objects().filter(Q("title", "Book 1")).update({{"editor", m_ann}});
        QStringList deleted;
        const QString key = signals::postDelete.connect([&](const void *, const Model &m, const QString &) { deleted << m.meta()->objectName(); });
        const DeleteResult result = m_ann.remove();
        signals::postDelete.disconnect(key);
        QCOMPARE(result.perModel.value("library.Author"), 1);
        QCOMPARE(result.perModel.value("library.Book"), 5);
        QCOMPARE(result.perModel.value("library.Review"), 1);
        QCOMPARE(result.perModel.value("library.Biography"), 1);
        QCOMPARE(result.perModel.value("library.Book_genres"), 10);
        QCOMPARE(result.total, 18);
        QCOMPARE(deleted.count("Book"), 5);
        QVERIFY(m_ann.pk().isNull());
        // SET_NULL: Bob's mentor and Book 1's editor are now NULL.
        QVERIFY(Author->objects().get(Q("name", "Bob")).value("mentor").isNull());
        QVERIFY(Book->objects().get(Q("title", "Book 1")).value("editor").isNull());
        QCOMPARE(Book->objects().count(), 5);
    }

    void protectAndRestrict()
    {
        try {
            m_pub.remove();
            QFAIL("PROTECT did not stop the delete");
        } catch (const ProtectedError &e) {
            QCOMPARE(e.protectedObjects().size(), 5);
            QVERIFY2(e.message().contains("publisher"), qPrintable(e.message()));
        }
        QCOMPARE(Publisher->objects().count(), 1); // nothing deleted

        // RESTRICT blocks a direct delete of the referenced row...
        Review->objects().create({{"book", Book->objects().get(Q("title", "Book 1"))}, {"reviewer", m_ann}, {"body", "x"}});
        Book->objects().filter(Q("author", m_ann)).update({{"publisher", QVariant()}});
        QVERIFY_THROWS_EXCEPTION(RestrictedError, m_ann.remove());
        QCOMPARE(Author->objects().count(), 2);
        // ...but not when the restricting row goes too through a CASCADE.
        Review->objects().all().update({{"book", Book->objects().get(Q("title", "Book 0")).pk()}});
        const DeleteResult result = m_ann.remove();
        QCOMPARE(result.perModel.value("library.Review"), 1);
    }

    void doNothingLeavesIntegrityToTheDatabase()
    {
        Book->objects().filter(Q("author", m_ann)).update({{"publisher", QVariant()}});
        Model b = Book->objects().get(Q("title", "Book 0"));
        Loan->objects().create({{"book", b}, {"who", "Zed"}});
        QVERIFY_THROWS_EXCEPTION(IntegrityError, b.remove());
        QVERIFY(Book->objects().filter(Q("title", "Book 0")).exists()); // rolled back whole
    }

    void collectorPreview()
    {
        Collector collector;
        collector.collect({m_bob});
        int books = 0;
        for (const auto &[meta, objects] : collector.collected())
            if (meta == Book)
                books = int(objects.size());
        QCOMPARE(books, 5);
        QCOMPARE(Book->objects().count(), 10); // collecting deletes nothing
    }
};

QTEST_GUILESS_MAIN(TestRelations)
#include "tst_relations.moc"
