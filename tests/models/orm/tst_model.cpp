// Model instances: defaults, save() as insert or update (update_fields),
// refreshFromDb, fullClean's per-field errors, display strings, change tracking.
#include "TestModels.h"
#include "TestDatabase.h"
#include "QueryCounter.h"
#include "orm/Exceptions.h"
#include "orm/QuerySet.h"
#include <QtTest>

using namespace quango;
using namespace quango::testing;

class TestModel : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    const ModelMeta *Author = nullptr, *Book = nullptr, *Publisher = nullptr, *Biography = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        installLibraryApp();
        m_db.setUp();
        m_db.createTables();
        Author = model("library.Author");
        Book = model("library.Book");
        Publisher = model("library.Publisher");
        Biography = model("library.Biography");
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init() { m_db.resetTables(); }

    void defaultsAndState()
    {
        Model b(Book);
        QVERIFY(b.isAdding());
        QVERIFY(b.pk().isNull());
        QCOMPARE(b.value("pages").toInt(), 100);
        QCOMPARE(b.value("title").toString(), QString()); // CharField defaults to ""
        QVERIFY(!b.value("title").isNull());
        QVERIFY(b.value("rating").isNull());
        QCOMPARE(b.value("is_published").toBool(), true);
        QCOMPARE(b.str(), QString());
        QVERIFY_THROWS_EXCEPTION(FieldError, b.value("nope"));
        QVERIFY_THROWS_EXCEPTION(FieldError, b.setValue("genres", 1));
    }

    void insertThenUpdate()
    {
        Model a(Author);
        a.setValue("name", "Ann");
        a.save();
        QVERIFY(!a.isAdding());
        QVERIFY(a.pk().toLongLong() > 0);
        Model b(Book);
        b.set("title", "T").set("author", a).set("price", "12.5").set("extra", QVariantMap{{"k", QVariantList{1, 2}}});
        b.save();
        QCOMPARE(b.value("price").toString(), QStringLiteral("12.50"));
        QVERIFY(b.value("created").toDateTime().isValid()); // auto_now_add
        QCOMPARE(b.value("created").toDateTime().timeSpec(), Qt::UTC);
        const QVariant firstPk = b.pk();
        b.setValue("pages", 321);
        QCOMPARE(b.changedFields(), QStringList{"pages"});
        b.save();
        QCOMPARE(b.pk(), firstPk);
        QVERIFY(b.changedFields().isEmpty());
        const Model fresh = Book->objects().get(Q("pk", firstPk));
        QCOMPARE(fresh.value("pages").toInt(), 321);
        QCOMPARE(fresh.value("price").toString(), QStringLiteral("12.50"));
        QCOMPARE(fresh.value("extra").toMap().value("k").toList().size(), 2);
        QCOMPARE(fresh.value("created").toDateTime(), b.value("created").toDateTime());
        QCOMPARE(Book->objects().count(), 1);
    }

    void updateFieldsWritesOnlyThose()
    {
        Model a = Author->objects().create({{"name", "Ann"}, {"age", 1}});
        Model stale = Author->objects().get(Q("pk", a.pk()));
        a.setValue("age", 2);
        a.save();
        stale.setValue("name", "Annie");
        stale.save({.updateFields = {"name"}});
        const Model fresh = Author->objects().get(Q("pk", a.pk()));
        QCOMPARE(fresh.value("name").toString(), QStringLiteral("Annie"));
        QCOMPARE(fresh.value("age").toInt(), 2); // not overwritten by the stale copy
        QVERIFY_THROWS_EXCEPTION(FieldError, stale.save({.updateFields = {"nope"}}));
        Model unsaved(Author);
        QVERIFY_THROWS_EXCEPTION(FieldError, unsaved.save({.updateFields = {"name"}}));
    }

    void refreshFromDb()
    {
        Model a = Author->objects().create({{"name", "Ann"}, {"age", 1}});
        Author->objects().filter(Q("pk", a.pk())).update({{"age", 5}, {"name", "Zed"}});
        a.refreshFromDb({"age"});
        QCOMPARE(a.value("age").toInt(), 5);
        QCOMPARE(a.value("name").toString(), QStringLiteral("Ann"));
        a.refreshFromDb();
        QCOMPARE(a.value("name").toString(), QStringLiteral("Zed"));
        a.remove();
        QVERIFY_THROWS_EXCEPTION(FieldError, a.refreshFromDb()); // pk is None after delete
    }

    void fullCleanReportsPerField()
    {
        Model a = Author->objects().create({{"name", "Ann"}});
        Publisher->objects().create({{"name", "Penguin"}});
        Model b(Book);
        b.set("title", QString(201, QLatin1Char('x'))).set("author", a).set("pages", "many");
        try {
            b.fullClean();
            QFAIL("fullClean accepted bad values");
        } catch (const ValidationError &e) {
            QVERIFY(e.errors().contains("title"));
            QVERIFY2(e.errors().value("title").join(' ').contains("at most 200"), qPrintable(e.message()));
            QVERIFY(e.errors().contains("pages"));
            QVERIFY(!e.errors().contains("author"));
        }
        Model p(Publisher);
        p.setValue("name", "Penguin");
        try {
            p.fullClean();
            QFAIL("duplicate unique value accepted");
        } catch (const ValidationError &e) {
            QVERIFY2(e.errors().value("name").join(' ').contains("already exists"), qPrintable(e.message()));
        }
        Model empty(Publisher);
        try {
            empty.fullClean();
            QFAIL("blank required field accepted");
        } catch (const ValidationError &e) {
            QCOMPARE(e.errors().value("name"), QStringList{"This field cannot be blank."});
        }
        // unique_together is a non-field error.
        Book->objects().create({{"title", "Same"}, {"author", a}});
        Model dup(Book);
        dup.set("title", "Same").set("author", a);
        try {
            dup.fullClean();
            QFAIL("unique_together not checked");
        } catch (const ValidationError &e) {
            QVERIFY(e.errors().contains(ValidationError::NonFieldErrors));
        }
        // The database enforces it too.
        QVERIFY_THROWS_EXCEPTION(IntegrityError, dup.save());
    }

    void displayStrings()
    {
        Model a = Author->objects().create({{"name", "Ann"}});
        QCOMPARE(a.str(), QStringLiteral("Ann"));
        Model bio = Biography->objects().create({{"author", a}});
        QCOMPARE(bio.str(), QStringLiteral("Biography object (%1)").arg(bio.pk().toString()));
        QVERIFY(a == Author->objects().get(Q("pk", a.pk())));
        QVERIFY(a != Model(Author));
    }

    void oneToOneReverse()
    {
        Model a = Author->objects().create({{"name", "Ann"}});
        Biography->objects().create({{"author", a}, {"text", "born"}, {"ref", QUuid::createUuid()}});
        QCOMPARE(Author->objects().filter(Q("biography__text", "born")).count(), 1);
        QVERIFY_THROWS_EXCEPTION(IntegrityError, Biography->objects().create({{"author", a}}));
        const Model bio = Biography->objects().get(Q("author", a));
        QVERIFY(!bio.value("ref").toUuid().isNull());
        QCOMPARE(Biography->objects().filter(Q("ref", bio.value("ref"))).count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
