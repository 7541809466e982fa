// Transactions: atomic blocks commit, roll back on exceptions, nest through
// savepoints; the query log records SQL and time when switched on.
#include "TestModels.h"
#include "TestDatabase.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "orm/Exceptions.h"
#include "orm/QuerySet.h"
#include <QtTest>

using namespace quango;
using namespace quango::testing;

class TestAtomic : public QObject {
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
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init() { m_db.resetTables(); }

    void commitsAtScopeEnd()
    {
        {
            Atomic block;
            Author->objects().create({{"name", "Ann"}});
            QVERIFY(Connection::get().inAtomicBlock());
        }
        QVERIFY(!Connection::get().inAtomicBlock());
        QCOMPARE(Author->objects().count(), 1);
    }

    void exceptionRollsBack()
    {
        try {
            atomic([&] {
                Author->objects().create({{"name", "Ann"}});
                throw std::runtime_error("boom");
            });
            QFAIL("no exception");
        } catch (const std::runtime_error &) {
        }
        QCOMPARE(Author->objects().count(), 0);
        QCOMPARE(Connection::get().atomicDepth(), 0);
    }

    void nestedSavepoints()
    {
        {
            Atomic outer;
            Author->objects().create({{"name", "Outer"}});
            try {
                Atomic inner;
                Author->objects().create({{"name", "Inner"}});
                throw IntegrityError(QStringLiteral("simulated"));
            } catch (const IntegrityError &) {
            }
            {
                Atomic kept;
                Author->objects().create({{"name", "Kept"}});
            }
            {
                Atomic dropped;
                Author->objects().create({{"name", "Dropped"}});
                dropped.setRollback(true);
            }
        }
        QCOMPARE(Author->objects().orderBy({"name"}).valuesListFlat("name").list(), (QVariantList{"Kept", "Outer"}));
    }

    void databaseErrorInsideBlockRollsBackWhole()
    {
        Author->objects().create({{"name", "Before"}});
        try {
            Atomic block;
            Author->objects().create({{"name", "During"}});
            Connection::get().execute(QStringLiteral("INSERT INTO \"no_such_table\" VALUES (1)"));
            QFAIL("bad SQL accepted");
        } catch (const DatabaseError &e) {
            QVERIFY2(e.sql().contains("no_such_table"), qPrintable(e.message()));
        }
        QCOMPARE(Author->objects().valuesListFlat("name").list(), QVariantList{"Before"});
    }

    void queryLog()
    {
        QueryLog &log = Connection::get().queryLog();
        log.clear();
        log.setEnabled(true);
        Author->objects().filter(Q("name", "x")).count();
        log.setEnabled(false);
        QCOMPARE(log.count(), 1);
        QCOMPARE(log.entries().size(), 1);
        QVERIFY(log.entries().first().sql.startsWith("SELECT COUNT(*)"));
        QCOMPARE(log.entries().first().params, QVariantList{"x"});
        QVERIFY(log.entries().first().milliseconds >= 0);
        Author->objects().count();
        QCOMPARE(log.count(), 2);          // counted always
        QCOMPARE(log.entries().size(), 1); // recorded only when enabled
    }

    void connectionPerThread()
    {
        Author->objects().create({{"name", "Main"}});
        qint64 seen = -1;
        QString alias;
        QThread *thread = QThread::create([&] {
            seen = Author->objects().count();
            alias = Connection::get().database().connectionName();
        });
        thread->start();
        thread->wait();
        delete thread;
        QCOMPARE(seen, 1);
        QVERIFY(alias != Connection::get().database().connectionName());
    }
};

QTEST_GUILESS_MAIN(TestAtomic)
#include "tst_atomic.moc"
