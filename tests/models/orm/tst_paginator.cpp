// Paginator over a QuerySet: counts, pages, and clear errors for bad pages.
#include "TestModels.h"
#include "TestDatabase.h"
#include "QueryCounter.h"
#include "orm/Exceptions.h"
#include "orm/Paginator.h"
#include <QtTest>

using namespace quango;
using namespace quango::testing;

class TestPaginator : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    const ModelMeta *Author = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        installLibraryApp();
        m_db.setUp();
        m_db.createTables();
        Author = model("library.Author");
        QList<Model> rows;
        for (int i = 0; i < 23; ++i)
            rows << Model(Author).set("name", QStringLiteral("A%1").arg(i, 2, 10, QLatin1Char('0')));
        Author->objects().bulkCreate(rows);
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void pages()
    {
        Paginator<Model> paginator(Author->objects().orderBy({"name"}), 10);
        QCOMPARE(paginator.count(), 23);
        QCOMPARE(paginator.numPages(), 3);
        const Page<Model> first = paginator.page(1);
        QCOMPARE(first.objectList().size(), 10);
        QVERIFY(first.hasNext());
        QVERIFY(!first.hasPrevious());
        QCOMPARE(first.nextPageNumber(), 2);
        QCOMPARE(first.startIndex(), 1);
        const Page<Model> last = paginator.page(3);
        QCOMPARE(last.objectList().size(), 3);
        QCOMPARE(last.objectList().first().value("name").toString(), QStringLiteral("A20"));
        QVERIFY(!last.hasNext());
        QCOMPARE(last.endIndex(), 23);
        QVERIFY_THROWS_EXCEPTION(EmptyPage, last.nextPageNumber());
    }

    void badPages()
    {
        Paginator<Model> paginator(Author->objects().orderBy({"name"}), 10);
        QVERIFY_THROWS_EXCEPTION(EmptyPage, paginator.page(0));
        QVERIFY_THROWS_EXCEPTION(EmptyPage, paginator.page(4));
        QVERIFY_THROWS_EXCEPTION(PageNotAnInteger, paginator.page(QStringLiteral("two")));
        QCOMPARE(paginator.page(QStringLiteral("2")).number(), 2);
        try {
            paginator.page(9);
        } catch (const EmptyPage &e) {
            QVERIFY2(e.message().contains("9") && e.message().contains("3"), qPrintable(e.message()));
        }
    }

    void orphansAndEmpty()
    {
        Paginator<Model> paginator(Author->objects().orderBy({"name"}), 10, 3);
        QCOMPARE(paginator.numPages(), 2);
        QCOMPARE(paginator.page(2).objectList().size(), 13);
        Paginator<Model> empty(Author->objects().none(), 10);
        QCOMPARE(empty.numPages(), 1);
        QCOMPARE(empty.page(1).objectList().size(), 0);
    }

    void valuesPages()
    {
        Paginator<QVariantMap> paginator(Author->objects().orderBy({"name"}).values({"name"}), 5);
        QCOMPARE(paginator.page(5).objectList().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestPaginator)
#include "tst_paginator.moc"
