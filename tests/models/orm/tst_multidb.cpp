// Several database aliases: every write goes to the alias asked for
// (QuerySet::using_, SaveOptions::using_, remove(using_)), and an instance
// remembers the alias it was loaded from or saved to (Django's _state.db), so
// later saves, deletes and related lookups go back there, never to "default".
#include "TestModels.h"
#include "TestDatabase.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "db/SchemaEditor.h"
#include "orm/ManyRelatedManager.h"
#include "orm/QuerySet.h"
#include "orm/RelatedManager.h"
#include "signals/ModelSignals.h"
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace quango;
using namespace quango::testing;

class TestMultiDb : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    QTemporaryDir m_dir;
    QString m_otherName;
    const ModelMeta *Author = nullptr, *Book = nullptr, *Genre = nullptr;

    // Runs statements on the server's own database (CREATE/DROP DATABASE).
    static void maintenance(const QStringList &statements)
    {
        const DatabaseUrl server = DatabaseUrl::parse(qEnvironmentVariable("QUANGO_TEST_POSTGRES_URL"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("multidb_maintenance"));
            db.setHostName(server.host());
            db.setPort(server.port());
            db.setUserName(server.user());
            db.setPassword(server.password());
            db.setDatabaseName(server.databaseName());
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            for (const QString &sql : statements)
                QVERIFY2(query.exec(sql), qPrintable(sql + ": " + query.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("multidb_maintenance"));
    }

    static qint64 rows(const ModelMeta *model, const QString &alias) { return QuerySet(model, alias).count(); }

private Q_SLOTS:
    void initTestCase()
    {
        installLibraryApp();
        m_db.setUp();
        m_db.createTables();
        Author = model("library.Author");
        Book = model("library.Book");
        Genre = model("library.Genre");
        if (m_db.isPostgres()) {
            m_otherName = m_db.databaseName().left(57) + QStringLiteral("_other");
            maintenance({QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_otherName),
                         QStringLiteral("CREATE DATABASE \"%1\"").arg(m_otherName)});
            Connections::configure(QStringLiteral("other"), DatabaseUrl::parse(m_db.url()).withDatabaseName(m_otherName));
        } else {
            QVERIFY(m_dir.isValid());
            Connections::configure(QStringLiteral("other"), DatabaseUrl::parse(QStringLiteral("sqlite://") + m_dir.filePath("other.sqlite3")));
        }
        QList<const ModelMeta *> managed;
        for (const ModelMeta *model : Registry::instance().models())
            if (model->options().managed)
                managed << model;
        SchemaEditor(Connections::get(QStringLiteral("other"))).createModels(managed);
    }
    void cleanupTestCase()
    {
        Connections::closeAll();
        if (!m_otherName.isEmpty())
            maintenance({QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(m_otherName)});
        m_db.tearDown();
    }
    void init()
    {
        m_db.resetTables();
        QuerySet(Book, "other").deleteRows();
        QuerySet(Author, "other").deleteRows();
        QuerySet(Genre, "other").deleteRows();
    }

    void createGoesToTheAlias()
    {
        const Model ann = Author->objects().using_("other").create({{"name", "Ann"}});
        QCOMPARE(ann.db(), QString("other"));
        QCOMPARE(rows(Author, "other"), 1);
        QCOMPARE(rows(Author, "default"), 0);
        const auto [bob, created] = QuerySet(Author, "other").getOrCreate(Q("name", "Bob"));
        QVERIFY(created);
        QCOMPARE(rows(Author, "other"), 2);
        QCOMPARE(rows(Author, "default"), 0);
    }

    void saveWithUsingAndBackToLoadedAlias()
    {
        Model ann(Author);
        ann.set("name", "Ann");
        QVERIFY(ann.db().isEmpty());
        ann.save({.using_ = "other"});
        QCOMPARE(ann.db(), QString("other"));
        QCOMPARE(rows(Author, "default"), 0);
        // A later save without an alias goes where the instance was saved.
        ann.set("age", 31);
        ann.save();
        QCOMPARE(QuerySet(Author, "other").get(Q("name", "Ann")).value("age").toInt(), 31);
        QCOMPARE(rows(Author, "default"), 0);

        // Loaded from "other": saves back there, and the signal names it.
        Author->objects().create({{"name", "Ann"}, {"age", 5}}); // same name on default
        Model loaded = Author->objects().using_("other").get(Q("name", "Ann"));
        QCOMPARE(loaded.db(), QString("other"));
        QString signalled;
        const auto connection = signals::postSave.connect([&](const void *, const Model &, const SaveInfo &info) { signalled = info.using_; }, Author);
        loaded.set("age", 32);
        loaded.save();
        signals::postSave.disconnect(connection);
        QCOMPARE(signalled, QString("other"));
        QCOMPARE(QuerySet(Author, "other").get(Q("name", "Ann")).value("age").toInt(), 32);
        QCOMPARE(Author->objects().get(Q("name", "Ann")).value("age").toInt(), 5);
        loaded.refreshFromDb();
        QCOMPARE(loaded.value("age").toInt(), 32);
        // From default, saved explicitly elsewhere: a copy on "other".
        Model fromDefault = Author->objects().get(Q("name", "Ann"));
        QCOMPARE(fromDefault.db(), QString("default"));
    }

    void updateDeleteAndRemove()
    {
        const Model ann = QuerySet(Author, "other").create({{"name", "Ann"}});
        Author->objects().create({{"name", "Ann"}});
        QCOMPARE(QuerySet(Author, "other").filter(Q("name", "Ann")).update({{"age", 50}}), 1);
        QVERIFY(Author->objects().get(Q("name", "Ann")).value("age").isNull());
        // remove() deletes from the instance's alias, cascading there.
        Model book = QuerySet(Book, "other").create({{"title", "T"}, {"author", ann}});
        QCOMPARE(book.db(), QString("other"));
        Model loaded = QuerySet(Author, "other").get(Q("name", "Ann"));
        QString deletedFrom;
        const auto connection = signals::postDelete.connect([&](const void *, const Model &, const QString &alias) { deletedFrom = alias; }, Author);
        const DeleteResult result = loaded.remove();
        signals::postDelete.disconnect(connection);
        QCOMPARE(deletedFrom, QString("other"));
        QCOMPARE(result.total, 2);
        QCOMPARE(rows(Author, "other"), 0);
        QCOMPARE(rows(Book, "other"), 0);
        QCOMPARE(rows(Author, "default"), 1);
        // QuerySet delete on the alias.
        QuerySet(Author, "other").create({{"name", "Cid"}});
        QCOMPARE(QuerySet(Author, "other").deleteRows().total, 1);
        QCOMPARE(rows(Author, "default"), 1);
        // remove(using_) names the alias explicitly.
        Model copy = Author->objects().get(Q("name", "Ann"));
        copy.setPk(QVariant());
        copy.save({.forceInsert = true, .using_ = "other"});
        QCOMPARE(rows(Author, "other"), 1);
        copy.remove("other");
        QCOMPARE(rows(Author, "other"), 0);
        QCOMPARE(rows(Author, "default"), 1);
    }

    void bulkCreateAndRelations()
    {
        QList<Model> authors;
        for (const char *name : {"A", "B", "C"}) {
            Model m(Author);
            m.set("name", name);
            authors << m;
        }
        authors = Author->objects().using_("other").bulkCreate(std::move(authors));
        QCOMPARE(rows(Author, "other"), 3);
        QCOMPARE(rows(Author, "default"), 0);
        QCOMPARE(authors.first().db(), QString("other"));
        // Related managers and ForeignKey lookups follow the instance's alias.
        const Model a = authors.first();
        const Model book = a.relatedSet("books").create({{"title", "Via related"}});
        QCOMPARE(book.db(), QString("other"));
        QCOMPARE(rows(Book, "default"), 0);
        QCOMPARE(a.relatedSet("books").querySet().count(), 1);
        const Model loadedBook = QuerySet(Book, "other").get(Q("title", "Via related"));
        QCOMPARE(loadedBook.related("author").value("name").toString(), QString("A"));
        const Model genre = QuerySet(Genre, "other").create({{"name", "Poetry"}});
        loadedBook.manyRelated("genres").add(QList<Model>{genre});
        QCOMPARE(loadedBook.manyRelated("genres").pks(), QVariantList{genre.pk()});
        QCOMPARE(loadedBook.manyRelated("genres").querySet().count(), 1);
        QCOMPARE(rows(Genre, "default"), 0);
        QCOMPARE(QuerySet(Book, "other").filter(Q("genres__name", "Poetry")).count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestMultiDb)
#include "tst_multidb.moc"
