// Collector's preview mode (Django admin's NestedObjects): PROTECT and
// RESTRICT recorded instead of thrown, the cascade as a tree, nothing deleted;
// and the delete mode unchanged beside it.
#include "TestModels.h"
#include "TestDatabase.h"
#include "orm/Collector.h"
#include "orm/Exceptions.h"
#include "orm/ManyRelatedManager.h"
#include "orm/QuerySet.h"
#include <QtTest>

using namespace quango;
using namespace quango::testing;

class TestCollector : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    const ModelMeta *Author = nullptr, *Book = nullptr, *Publisher = nullptr, *Review = nullptr, *Biography = nullptr;
    Model m_ann, m_bob, m_pub;

    static QStringList names(const QList<Model> &objects)
    {
        QStringList out;
        for (const Model &object : objects)
            out << object.meta()->objectName() + QLatin1Char(':') + object.str();
        out.sort();
        return out;
    }
    static int countOf(const Collector &collector, const ModelMeta *meta)
    {
        for (const auto &[model, objects] : collector.collected())
            if (model == meta)
                return int(objects.size());
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        installLibraryApp();
        m_db.setUp();
        m_db.createTables();
        Author = model("library.Author");
        Book = model("library.Book");
        Publisher = model("library.Publisher");
        Review = model("library.Review");
        Biography = model("library.Biography");
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void init()
    {
        m_db.resetTables();
        m_pub = Publisher->objects().create({{"name", "Penguin"}});
        m_ann = Author->objects().create({{"name", "Ann"}});
        m_bob = Author->objects().create({{"name", "Bob"}, {"mentor", m_ann}});
        // Ann wrote Book 0, 2, 4; Bob Book 1, 3. Penguin published Book 0 and 1.
        for (int i = 0; i < 5; ++i)
            Book->objects().create({{"title", QStringLiteral("Book %1").arg(i)}, {"author", i % 2 ? m_bob : m_ann},
                                    {"publisher", i < 2 ? QVariant::fromValue(m_pub) : QVariant()}});
    }

    void previewNestsTheCascade()
    {
        const Model book0 = Book->objects().get(Q("title", "Book 0"));
        Review->objects().create({{"book", book0}, {"body", "fine"}});
        Review->objects().create({{"book", book0}, {"body", "good"}});
        Biography->objects().create({{"author", m_ann}, {"text", "bio"}});

        Collector collector(QStringLiteral("default"), Collector::Mode::Preview);
        collector.collect({m_ann});
        QCOMPARE(collector.roots().size(), 1);
        QCOMPARE(collector.roots().first(), m_ann);
        QCOMPARE(names(collector.cascadedFrom(m_ann)),
                 (QStringList{"Biography:Biography object (1)", "Book:Book 0", "Book:Book 2", "Book:Book 4"}));
        QCOMPARE(collector.cascadedFrom(book0).size(), 2);
        QCOMPARE(collector.cascadedFrom(book0).first().meta(), Review);
        QVERIFY(collector.cascadedFrom(Book->objects().get(Q("title", "Book 2"))).isEmpty());
        QCOMPARE(countOf(collector, Book), 3);
        QCOMPARE(countOf(collector, Review), 2);
        // Bob's mentor is SET_NULL: updated, not collected, not blocking.
        QCOMPARE(countOf(collector, Author), 1);
        QVERIFY(collector.blocked().isEmpty());
        QCOMPARE(Book->objects().count(), 5); // a dry run
    }

    void previewRecordsProtectInsteadOfThrowing()
    {
        Collector collector(QStringLiteral("default"), Collector::Mode::Preview);
        collector.collect({m_pub});
        QCOMPARE(collector.blocked().size(), 2);
        for (const Collector::Blocked &blocked : collector.blocked()) {
            QCOMPARE(blocked.object.meta(), Book);
            QCOMPARE(blocked.field->name(), QStringLiteral("publisher"));
            QCOMPARE(blocked.target, m_pub);
            QVERIFY(!blocked.restricted);
        }
        // Refuses to delete what it found blocked, and deletes nothing.
        QVERIFY_THROWS_EXCEPTION(ProtectedError, collector.deleteAll());
        QCOMPARE(Publisher->objects().count(), 1);

        // The same objects in the default mode: thrown as before.
        Collector deleting;
        QVERIFY_THROWS_EXCEPTION(ProtectedError, deleting.collect({m_pub}));
    }

    void previewKeepsCollectingPastProtect()
    {
        // A review of Bob's Book 1 names Ann as reviewer (RESTRICT): deleting
        // Ann alone is blocked by it, and her books are still listed.
        const Model book0 = Book->objects().get(Q("title", "Book 0"));
        const Model review = Review->objects().create({{"book", Book->objects().get(Q("title", "Book 1"))}, {"reviewer", m_ann}, {"body", "x"}});
        Collector collector(QStringLiteral("default"), Collector::Mode::Preview);
        collector.collect({m_ann});
        QCOMPARE(collector.blocked().size(), 1);
        QCOMPARE(collector.blocked().first().object, review);
        QVERIFY(collector.blocked().first().restricted);
        QCOMPARE(collector.blocked().first().target, m_ann);
        QCOMPARE(countOf(collector, Book), 3);
        QVERIFY(collector.cascadedFrom(m_ann).contains(book0));

        // RESTRICT does not block when the restricting row goes too by CASCADE.
        Collector both(QStringLiteral("default"), Collector::Mode::Preview);
        both.collect({m_ann, m_bob});
        QVERIFY(both.blocked().isEmpty());
        QCOMPARE(both.roots().size(), 2);
        QCOMPARE(countOf(both, Review), 1);
        QVERIFY_THROWS_EXCEPTION(RestrictedError, m_ann.remove()); // delete mode unchanged
    }

    void previewThenDeleteWhenNothingBlocks()
    {
        Collector collector(QStringLiteral("default"), Collector::Mode::Preview);
        collector.collect({m_bob});
        QVERIFY(collector.blocked().isEmpty());
        const DeleteResult result = collector.deleteAll();
        QCOMPARE(result.perModel.value("library.Author"), 1);
        QCOMPARE(result.perModel.value("library.Book"), 2);
        QCOMPARE(Book->objects().count(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCollector)
#include "tst_collector.moc"
