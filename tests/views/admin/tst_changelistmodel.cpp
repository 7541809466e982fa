// The list page's model: the page QuerySet (search, list_filter, ordering,
// select_related) compiled by the ORM, lazy chunks, and writes through the ORM
// (fullClean, save with signals, delete with cascade).
#include "TestDatabase.h"
#include "CaptureQueries.h"
#include "QueryCounter.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/admin/LogEntry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "orm/ManyRelatedManager.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "signals/ModelSignals.h"
#include "views/admin/AdminSite.h"
#include "views/admin/AdminUser.h"
#include "views/admin/ChangeListModel.h"
#include <QSqlError>
#include <QtTest>

using namespace quango;

class TestChangeListModel : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    const ModelMeta *Author = nullptr, *Post = nullptr, *Comment = nullptr;
    std::unique_ptr<AdminSite> m_site;
    QList<Model> m_authors;

    enum Column { Title, AuthorColumn, Status, Featured, Views };

    Model post(const QString &title, int author, const QString &status = QStringLiteral("draft"), bool featured = false, int views = 0)
    {
        return Post->objects().create({{"title", title}, {"slug", title.toLower().replace(' ', '-')}, {"author", m_authors.at(author).pk()},
                                       {"status", status}, {"is_featured", featured}, {"views", views}});
    }
    int filterIndex(const ChangeListModel &model, const QString &path)
    {
        for (int i = 0; i < model.listFilters().size(); ++i)
            if (model.listFilters().at(i).path() == path)
                return i;
        return -1;
    }
    int choiceIndex(const ChangeListModel &model, const QString &path, const QString &label)
    {
        const int f = filterIndex(model, path);
        for (int i = 0; i < model.listFilters().at(f).choices().size(); ++i)
            if (model.listFilters().at(f).choices().at(i).label == label)
                return i;
        return -1;
    }
    QStringList titles(const ChangeListModel &model)
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out << model.data(model.index(row, Title)).toString();
        return out;
    }
    std::unique_ptr<ChangeListModel> listModel()
    {
        auto model = std::make_unique<ChangeListModel>(*Post, m_site->modelAdmin(*Post));
        if (!model->select())
            qFatal("select failed: %s", qPrintable(model->lastError().text()));
        return model;
    }
    // A staff user holding these blog.Post permissions ("view", "change"...).
    AdminUser staffWith(const QStringList &actions)
    {
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, QStringLiteral("default"), 0);
        Model user = UserService::createUser("editor", "", "An-editor-passw0rd", {{"is_staff", true}});
        QList<Model> permissions;
        for (const QString &action : actions)
            permissions << Permissions::get("blog." + action + "_post");
        user.manyRelated("user_permissions").add(permissions);
        return AdminUser(user);
    }
    QList<Model> logEntries() { return LogEntry::meta().objects().orderBy({"id"}).list(); }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        Author = &Registry::instance().modelOrThrow("blog.Author");
        Post = &Registry::instance().modelOrThrow("blog.Post");
        Comment = &Registry::instance().modelOrThrow("blog.Comment");
        m_site = std::make_unique<AdminSite>(Registry::instance());
        m_site->registerModel("blog.Post", ModelAdmin{
            .listDisplay = {"title", "author", "status", "is_featured", "views"},
            .listDisplayLinks = {"title"},
            .listFilter = {"status", "is_featured", "author", "created"},
            .searchFields = {"title", "author__name"},
            .ordering = {"title"},
            .listPerPage = 4,
        });
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void init()
    {
        m_db.resetTables();
        m_authors.clear();
        m_authors << Author->objects().create({{"name", "Ann Smith"}, {"email", "ann@example.com"}})
                  << Author->objects().create({{"name", "Bob Jones"}, {"email", "bob@example.com"}});
        post("Alpha", 0, "published", true, 10);
        post("Bravo", 1, "draft", false, 20);
        post("Charlie", 0, "published", false, 30);
        post("Delta", 1, "archived", true, 40);
        post("Echo", 0, "draft", false, 50);
        post("Foxtrot", 1, "published", false, 60);
    }

    void defaultsAndChecks()
    {
        const ModelAdmin defaults = m_site->modelAdmin(*Author);
        QCOMPARE(defaults.listDisplay, QStringList{"__str__"});        // Django's default
        QCOMPARE(defaults.listDisplayLinks, QStringList{"__str__"});
        QCOMPARE(defaults.listPerPage, 100);
        QVERIFY(defaults.fieldsets.value(0).fields.contains("email"));
        QVERIFY(!m_site->isRegistered("blog.Author"));
        ChangeListModel authors(*Author, defaults);
        QVERIFY(authors.select());
        QCOMPARE(authors.rowCount(), 2);
        QCOMPARE(authors.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Author"));
        QCOMPARE(authors.data(authors.index(0, 0)).toString(), QStringLiteral("Ann Smith")); // Meta.ordering = name
        QVERIFY(!(authors.flags(authors.index(0, 0)) & Qt::ItemIsEditable));

        try {
            m_site->registerModel("blog.Post", ModelAdmin{.listDisplay = {"title", "nope"}, .listFilter = {"body"}});
            QFAIL("an unknown field must be refused");
        } catch (const ImproperlyConfigured &error) {
            QVERIFY2(error.message().contains("'nope' is not a field of blog.Post"), error.what());
            QVERIFY2(error.message().contains("'body' is a TextField"), error.what());
        }
        QVERIFY_THROWS_EXCEPTION(ImproperlyConfigured, m_site->registerModel("blog.Nope"));
    }

    void lazyChunksAndCount()
    {
        auto model = listModel();
        QCOMPARE(model->rowCount(), 6);
        QCOMPARE(model->columnCount(), 5);
        QCOMPARE(model->cachedChunkCount(), 1);               // select() read the first screen
        QueryCounter counter;
        QCOMPARE(model->data(model->index(0, Title)).toString(), QStringLiteral("Alpha"));
        QCOMPARE(model->data(model->index(3, Title)).toString(), QStringLiteral("Delta"));
        QCOMPARE(counter.count(), 0);
        QCOMPARE(model->data(model->index(5, Title)).toString(), QStringLiteral("Foxtrot"));
        QCOMPARE(counter.count(), 2);                          // rows 4-5: their pks, then the rows
        QCOMPARE(model->cachedChunkCount(), 2);
        QCOMPARE(model->data(model->index(4, Title)).toString(), QStringLiteral("Echo")); // read from the end, same order
        QCOMPARE(counter.count(), 2);
        QVERIFY(!model->data(model->index(6, Title)).isValid());
        QVERIFY2(model->selectStatement().contains(" LIMIT ") == false, qPrintable(model->selectStatement()));
    }

    void foreignKeysInOneQuery()
    {
        auto model = listModel();
        CaptureQueries queries;
        QStringList authors;
        for (int row = 0; row < model->rowCount(); ++row)
            for (int column = 0; column < model->columnCount(); ++column)
                if (column == AuthorColumn)
                    authors << model->data(model->index(row, column)).toString();
                else
                    model->data(model->index(row, column));
        QCOMPARE(authors, (QStringList{"Ann Smith", "Bob Jones", "Ann Smith", "Bob Jones", "Ann Smith", "Bob Jones"}));
        // Only the second chunk was read here, in two queries whatever its
        // size: the pks in page order (no join), then the rows with their
        // authors in one JOIN.
        QCOMPARE(queries.count(), 2);
        QVERIFY2(!queries.sql().at(0).contains("JOIN"), qPrintable(queries.sql().at(0)));
        QVERIFY2(queries.sql().at(1).contains("JOIN"), qPrintable(queries.sql().at(1)));
        queries.reset();
        QVERIFY(model->select());                              // first chunk full: pks, COUNT, rows
        QCOMPARE(queries.count(), 3);
        QVERIFY(queries.sql().at(1).contains("COUNT"));
        QVERIFY(queries.sql().at(2).contains("JOIN"));
        QCOMPARE(model->data(model->index(0, Status)).toString(), QStringLiteral("Published")); // choice label
        QCOMPARE(model->data(model->index(0, Featured)).toString(), QStringLiteral("Yes"));
        QCOMPARE(model->data(model->index(0, AuthorColumn), Qt::EditRole), m_authors.at(0).pk());
        QCOMPARE(model->headerData(AuthorColumn, Qt::Horizontal).toString(), QStringLiteral("Author"));
        QCOMPARE(model->headerData(Featured, Qt::Horizontal).toString(), QStringLiteral("Is featured"));
    }

    void searchChangesSqlAndRows()
    {
        auto model = listModel();
        const QString before = model->selectStatement();
        QVERIFY(!before.contains("LIKE"));
        CaptureQueries queries;
        model->setSearchText("ha"); // Alpha, Charlie
        QCOMPARE(titles(*model), (QStringList{"Alpha", "Charlie"}));
        QCOMPARE(queries.count(), 2);                          // fewer than a chunk: no COUNT needed
        QVERIFY(!queries.sql().join(' ').contains("COUNT"));
        QVERIFY2(model->selectStatement().contains("LIKE"), qPrintable(model->selectStatement()));
        QVERIFY(model->compiledSelect().params.contains(QVariant("%ha%")));   // bound, never inlined
        QVERIFY(!model->selectStatement().contains("%ha%"));
        model->setSearchText("bob");                           // author__name, OR-ed with title
        QCOMPARE(titles(*model), (QStringList{"Bravo", "Delta", "Foxtrot"}));
        model->setSearchText("bob  ta");                       // every word must match
        QCOMPARE(titles(*model), (QStringList{"Delta"}));
        model->setSearchText("it's 100% _x_");                 // LIKE wildcards are literal
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(model->isFiltered());
        model->setSearchText(QString());
        QCOMPARE(model->rowCount(), 6);
        QCOMPARE(model->fullCount(), 6);
    }

    void filtersChangeSqlAndRows()
    {
        auto model = listModel();
        QCOMPARE(model->listFilters().size(), 4);
        const int status = filterIndex(*model, "status");
        QCOMPARE(model->listFilters().at(status).choices().size(), 4); // All + 3 choices
        model->setFilterChoice(status, choiceIndex(*model, "status", "Published"));
        QCOMPARE(titles(*model), (QStringList{"Alpha", "Charlie", "Foxtrot"}));
        QVERIFY(model->compiledSelect().params.contains(QVariant("published")));
        model->setFilterChoice(filterIndex(*model, "is_featured"), choiceIndex(*model, "is_featured", "Yes"));
        QCOMPARE(titles(*model), QStringList{"Alpha"});
        model->clearFilters();
        model->setFilterChoice(filterIndex(*model, "author"), choiceIndex(*model, "author", "Bob Jones"));
        QCOMPARE(titles(*model), (QStringList{"Bravo", "Delta", "Foxtrot"}));
        model->clearFilters();

        // Dates: one post from last year, one from 3 days ago.
        const QDateTime now = QDateTime::currentDateTime();
        Post->objects().filter(Q("title", "Alpha")).update({{"created", now.addYears(-1)}});
        Post->objects().filter(Q("title", "Bravo")).update({{"created", now.addDays(-3)}});
        const int created = filterIndex(*model, "created");
        model->setFilterChoice(created, choiceIndex(*model, "created", "Today"));
        QCOMPARE(titles(*model), (QStringList{"Charlie", "Delta", "Echo", "Foxtrot"}));
        model->setFilterChoice(created, choiceIndex(*model, "created", "Past 7 days"));
        QCOMPARE(titles(*model), (QStringList{"Bravo", "Charlie", "Delta", "Echo", "Foxtrot"}));
        model->setFilterChoice(created, choiceIndex(*model, "created", "This year"));
        QCOMPARE(model->rowCount(), now.date().dayOfYear() > 3 ? 5 : 4);
        model->setFilterChoice(created, 0);
        QCOMPARE(model->rowCount(), 6);
        QVERIFY_THROWS_EXCEPTION(FieldError, model->setFilterChoice(9, 0));
    }

    void dateFieldFilter()
    {
        const ModelMeta &book = Registry::instance().modelOrThrow("bench.Book");
        const ModelMeta &writer = Registry::instance().modelOrThrow("bench.Author");
        const Model w = writer.objects().create({{"name", "W"}, {"email", "w@example.com"}});
        const QDate today = QDate::currentDate();
        for (const QDate &date : {today, today.addDays(-6), QDate(today.year(), today.month(), 1), QDate(2000, 1, 1)})
            book.objects().create({{"title", date.toString(Qt::ISODate)}, {"author", w.pk()}, {"price", 1.5}, {"published", date}, {"in_stock", true}});
        ChangeListModel model(book, ModelAdmin{.listDisplay = {"title", "published"}, .listFilter = {"published"}}.withDefaults(book));
        QVERIFY(model.select());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.data(model.index(0, 1)).toString(), QStringLiteral("2000-01-01")); // -pk: newest first
        auto countFor = [&](int choice) {
            model.setFilterChoice(0, choice);
            return model.rowCount();
        };
        QCOMPARE(model.listFilters().at(0).choices().at(1).label, QStringLiteral("Today"));
        QCOMPARE(countFor(1), today.day() == 1 ? 2 : 1);                  // today
        QCOMPARE(countFor(2), today.day() <= 8 ? 3 : 2);                  // past 7 days: today-7 .. today
        QCOMPARE(countFor(3), 2 + (today.addDays(-6).month() == today.month())); // this month
        QCOMPARE(countFor(4), 2 + (today.addDays(-6).year() == today.year()));   // this year
        QCOMPARE(countFor(0), 4);
    }

    void sortChangesOrder()
    {
        auto model = listModel();
        QVERIFY2(model->selectStatement().contains(R"("title" ASC)"), qPrintable(model->selectStatement()));
        model->sort(Views, Qt::DescendingOrder);
        QVERIFY2(model->selectStatement().contains(R"("views" DESC)"), qPrintable(model->selectStatement()));
        QCOMPARE(titles(*model), (QStringList{"Foxtrot", "Echo", "Delta", "Charlie", "Bravo", "Alpha"}));
        model->sort(AuthorColumn, Qt::AscendingOrder);
        QCOMPARE(titles(*model).mid(0, 3), (QStringList{"Alpha", "Charlie", "Echo"})); // then pk ascending
        model->setSearchText("a");
        QVERIFY2(model->selectStatement().contains(R"("author_id" ASC)"), qPrintable(model->selectStatement())); // search keeps the sort
        model->clearSort();
        QVERIFY2(model->selectStatement().contains(R"("title" ASC)"), qPrintable(model->selectStatement()));
    }

    void editSavesThroughTheOrm()
    {
        auto model = listModel();
        QStringList saved;
        const QString key = signals::postSave.connect([&](const void *, const Model &m, const SaveInfo &info) {
            saved << QStringLiteral("%1 views=%2 created=%3").arg(m.value("title").toString()).arg(m.value("views").toInt()).arg(info.created);
        }, Post);
        QVERIFY(model->flags(model->index(0, Views)) & Qt::ItemIsEditable);
        QVERIFY(!(model->flags(model->index(0, Title)) & Qt::ItemIsEditable)); // the link column opens the record
        QVERIFY(model->setData(model->index(0, Views), 99));
        QCOMPARE(saved, QStringList{"Alpha views=99 created=0"});
        QCOMPARE(Post->objects().get(Q("title", "Alpha")).value("views").toInt(), 99);
        QCOMPARE(model->data(model->index(0, Views)).toString(), QStringLiteral("99"));
        QVERIFY(model->setData(model->index(0, AuthorColumn), m_authors.at(1).pk())); // a ForeignKey by pk
        QCOMPARE(model->data(model->index(0, AuthorColumn)).toString(), QStringLiteral("Bob Jones"));
        QVERIFY(!model->lastError().isValid());
        signals::postSave.disconnect(key);
    }

    void invalidValueSavesNothing()
    {
        auto model = listModel();
        int saves = 0;
        const QString key = signals::postSave.connect([&](const void *, const Model &, const SaveInfo &) { ++saves; }, Post);
        QSignalSpy failed(model.get(), &ChangeListModel::writeFailed);
        QVERIFY(!model->setData(model->index(0, Views), -5));        // PositiveIntegerField
        QCOMPARE(saves, 0);
        QCOMPARE(failed.count(), 1);
        QVERIFY(model->lastError().isValid());
        QVERIFY2(model->fieldErrors().value("views").join(' ').contains("greater than or equal to 0"),
                 qPrintable(model->fieldErrors().value("views").join(' ')));
        QVERIFY(!model->data(model->index(0, Views), Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(Post->objects().get(Q("title", "Alpha")).value("views").toInt(), 10);
        QVERIFY(!model->setData(model->index(0, Status), "nonsense"));    // not a choice
        QVERIFY(model->fieldErrors().contains("status"));
        QVERIFY(!model->setData(model->index(0, Views), "abc"));
        QVERIFY(model->fieldErrors().contains("views"));
        QCOMPARE(Post->objects().get(Q("title", "Alpha")).value("status").toString(), QStringLiteral("published"));
        QVERIFY(model->hasPendingChanges());
        model->revertAll();
        QVERIFY(!model->hasPendingChanges());
        QCOMPARE(model->data(model->index(0, Views)).toString(), QStringLiteral("10"));
        QCOMPARE(saves, 0);
        signals::postSave.disconnect(key);
    }

    void manualSubmitIsAllOrNothing()
    {
        auto model = listModel();
        model->setEditStrategy(QSqlTableModel::OnManualSubmit);
        QVERIFY(model->setData(model->index(0, Views), 1));
        QVERIFY(model->setData(model->index(1, Views), 2));
        QCOMPARE(Post->objects().get(Q("title", "Alpha")).value("views").toInt(), 10); // nothing written yet
        QVERIFY(model->setData(model->index(2, Views), -1));
        QVERIFY(!model->submitAll());                          // row 2 is invalid: rows 0 and 1 roll back
        QCOMPARE(Post->objects().get(Q("title", "Alpha")).value("views").toInt(), 10);
        QVERIFY(model->setData(model->index(2, Views), 3));
        QVERIFY2(model->submitAll(), qPrintable(model->lastError().text()));
        QCOMPARE(Post->objects().filter(Q("views__lt", 5)).count(), 3);
    }

    void deleteCascadesThroughTheOrm()
    {
        const Model alpha = Post->objects().get(Q("title", "Alpha"));
        Comment->objects().create({{"post", alpha.pk()}, {"author_name", "x"}, {"body", "first"}});
        Comment->objects().create({{"post", alpha.pk()}, {"author_name", "y"}, {"body", "second"}});
        auto model = listModel();
        QStringList deleted;
        const QString key = signals::postDelete.connect([&](const void *, const Model &m, const QString &) { deleted << m.meta()->label(); });
        QVERIFY2(model->removeRows(0, 1), qPrintable(model->lastError().text()));
        QCOMPARE(model->rowCount(), 5);
        QCOMPARE(model->data(model->index(0, Title)).toString(), QStringLiteral("Bravo"));
        QCOMPARE(Comment->objects().count(), 0);
        deleted.sort();
        QCOMPARE(deleted, (QStringList{"blog.Comment", "blog.Comment", "blog.Post"}));
        QVERIFY(model->deleteRows({0, 2}));                    // Bravo and Delta
        QCOMPARE(titles(*model), (QStringList{"Charlie", "Echo", "Foxtrot"}));
        signals::postDelete.disconnect(key);
    }

    void insertObjectValidates()
    {
        auto model = listModel();
        QVERIFY(!model->insertObject({{"slug", "no-title"}, {"author", m_authors.at(0).pk()}}));
        QVERIFY(model->fieldErrors().contains("title"));
        QCOMPARE(Post->objects().count(), 6);
        QVERIFY2(model->insertObject({{"title", "Golf"}, {"slug", "golf"}, {"author", m_authors.at(0).pk()}}),
                 qPrintable(model->lastError().text()));
        QCOMPARE(model->rowCount(), 7);
        QCOMPARE(titles(*model).last(), QStringLiteral("Golf"));
        QVERIFY(!model->insertRows(0, 1));                    // blank rows: refused, with a reason
        QVERIFY(model->lastError().text().contains("insertObject"));
        QCOMPARE(model->rowCount(), 7);
    }

    void writesNeedTheUsersPermissions()
    {
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        auto model = listModel();
        model->setUser(staffWith({"view"}));
        QVERIFY(!(model->flags(model->index(0, Views)) & Qt::ItemIsEditable)); // view only: read-only cells
        QVERIFY(!model->setData(model->index(0, Views), 99));
        QVERIFY2(model->lastError().text().contains("permission"), qPrintable(model->lastError().text()));
        QVERIFY2(model->lastError().text().contains("blog.change_post"), qPrintable(model->lastError().text()));
        QVERIFY(model->fieldErrors().value("__all__").value(0).contains("You do not have permission to change posts"));
        QVERIFY(!model->removeRows(0, 1));
        QVERIFY(model->lastError().text().contains("blog.delete_post"));
        QVERIFY(!model->insertObject({{"title", "Golf"}, {"slug", "golf"}, {"author", m_authors.at(0).pk()}}));
        QVERIFY(model->lastError().text().contains("blog.add_post"));
        // Nothing written, nothing logged.
        QCOMPARE(Post->objects().get(Q("title", "Alpha")).value("views").toInt(), 10);
        QCOMPARE(Post->objects().count(), 6);
        QCOMPARE(LogEntry::meta().objects().count(), 0);
        // Manual submit refuses when the edit is made, not later at submitAll.
        model->setEditStrategy(QSqlTableModel::OnManualSubmit);
        QVERIFY(!model->setData(model->index(0, Views), 99));
        QVERIFY(!model->hasPendingChanges());
    }

    void writesAreLoggedForTheUser()
    {
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        auto model = listModel();
        const AdminUser editor = staffWith({"view", "add", "change", "delete"});
        model->setUser(editor);
        QVERIFY2(model->setData(model->index(0, Views), 99), qPrintable(model->lastError().text())); // Alpha
        QVERIFY(model->insertObject({{"title", "Golf"}, {"slug", "golf"}, {"author", m_authors.at(0).pk()}}));
        QVERIFY2(model->removeRows(1, 1), qPrintable(model->lastError().text()));                    // Bravo
        const QList<Model> entries = logEntries();
        QCOMPARE(entries.size(), 3);
        for (const Model &entry : entries) {
            QCOMPARE(entry.value("user").toInt(), editor.id().toInt());
            QCOMPARE(entry.value("content_type").isNull(), false);
        }
        // Django's change_message for each: the changed field's label, "added", and empty on delete.
        QCOMPARE(entries.at(0).value("action_flag").toInt(), 2);
        QCOMPARE(entries.at(0).value("object_repr").toString(), QStringLiteral("Alpha"));
        QCOMPARE(entries.at(0).value("change_message").toString(), QStringLiteral("[{\"changed\": {\"fields\": [\"Views\"]}}]"));
        QCOMPARE(entries.at(1).value("action_flag").toInt(), 1);
        QCOMPARE(entries.at(1).value("change_message").toString(), QStringLiteral("[{\"added\": {}}]"));
        QCOMPARE(entries.at(2).value("action_flag").toInt(), 3);
        QCOMPARE(entries.at(2).value("object_repr").toString(), QStringLiteral("Bravo"));
        QCOMPARE(entries.at(2).value("change_message").toString(), QString());
        QCOMPARE(LogEntry::str(entries.at(0)), QString::fromUtf8("Changed \u201cAlpha\u201d \u2014 Changed Views."));
        QVERIFY(!Post->objects().filter(Q("title", "Bravo")).exists());

        // An invalid value is refused before saving: nothing logged.
        QVERIFY(!model->setData(model->index(0, Views), -5));
        QCOMPARE(LogEntry::meta().objects().count(), 3);
    }
};

QTEST_MAIN(TestChangeListModel)
#include "tst_changelistmodel.moc"
