// The list page driven with keys and the mouse inside the admin window:
// open a model from the index, Ctrl+F search, filter sidebar, header sort,
// edit a cell, a refused edit, Delete with confirmation, Ctrl+W. A screenshot
// goes to <build>/screenshots/changelist.png.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "orm/Manager.h"
#include "ui/MainWindow.h"
#include "ui/pages/AppsPage.h"
#include "ui/pages/ChangeListPage.h"
#include "views/admin/AdminSite.h"
#include "views/admin/ChangeListModel.h"
#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

using namespace quango;

class TestChangeListPage : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    std::unique_ptr<AdminSite> m_site;
    const ModelMeta *Post = nullptr, *Comment = nullptr;

    static QStringList titles(const ChangeListPage *page)
    {
        QStringList out;
        for (int row = 0; row < page->model()->rowCount(); ++row)
            out << page->model()->data(page->model()->index(row, 0)).toString();
        return out;
    }
    static void clickHeader(QTableView *table, int column)
    {
        QHeaderView *header = table->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(column) + header->sectionSize(column) / 2, header->height() / 2));
    }
    static void clickItem(QListWidget *list, const QString &text)
    {
        const QList<QListWidgetItem *> items = list->findItems(text, Qt::MatchExactly);
        QVERIFY2(!items.isEmpty(), qPrintable(text));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(items.first()).center());
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        Post = &Registry::instance().modelOrThrow("blog.Post");
        Comment = &Registry::instance().modelOrThrow("blog.Comment");
        const ModelMeta &author = Registry::instance().modelOrThrow("blog.Author");
        const Model ann = author.objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        const Model bob = author.objects().create({{"name", "Bob"}, {"email", "bob@example.com"}});
        const QStringList names{"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"};
        for (int i = 0; i < names.size(); ++i) {
            const Model p = Post->objects().create({{"title", names.at(i)}, {"slug", names.at(i).toLower()}, {"author", (i % 2 ? bob : ann).pk()},
                                                    {"status", i % 3 == 0 ? "published" : "draft"}, {"is_featured", i < 2}, {"views", i * 10}});
            Comment->objects().create({{"post", p.pk()}, {"author_name", "reader"}, {"body", "nice"}});
        }
        m_site = std::make_unique<AdminSite>(Registry::instance());
        m_site->registerModel("blog.Post", ModelAdmin{
            .listDisplay = {"title", "author", "status", "is_featured", "views"},
            .listFilter = {"status", "is_featured", "author"},
            .searchFields = {"title", "author__name"},
            .ordering = {"title"},
            .listPerPage = 3,
        });
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void browseSearchFilterSortEditDelete()
    {
        MainWindow window(*m_site, m_db.url());
        window.resize(1400, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // Open blog.Post from the index with the keyboard.
        auto *apps = qobject_cast<AppsPage *>(window.pages()->widget(0));
        QTreeWidget *tree = apps->tree();
        QTreeWidgetItem *postsItem = nullptr;
        for (QTreeWidgetItem *item : tree->findItems("Posts", Qt::MatchExactly | Qt::MatchRecursive))
            postsItem = item;
        QVERIFY(postsItem);
        tree->setFocus();
        tree->setCurrentItem(postsItem);
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(window.pages()->count(), 2);
        auto *page = qobject_cast<ChangeListPage *>(window.pages()->currentWidget());
        QVERIFY(page);
        QCOMPARE(window.pages()->tabText(1), QStringLiteral("Posts"));
        QCOMPARE(page->countLabel()->text(), QStringLiteral("8 posts"));
        QCOMPARE(titles(page), (QStringList{"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"}));
        QCOMPARE(page->table()->model()->data(page->table()->model()->index(1, 1)).toString(), QStringLiteral("Bob"));
        QCOMPARE(window.openModel("blog.Post"), page);              // one tab per model

        // Ctrl+F, type, the debounced search runs once typing pauses.
        page->setSearchDelay(50);
        QTest::keyClick(page->table(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(page->searchBox()->hasFocus());
        QTest::keyClicks(page->searchBox(), "bob");
        QCOMPARE(page->model()->rowCount(), 8);                      // not yet: debounced
        QTRY_COMPARE(page->countLabel()->text(), QStringLiteral("4 posts (8 total)"));
        QCOMPARE(titles(page), (QStringList{"Bravo", "Delta", "Foxtrot", "Hotel"}));
        page->searchBox()->selectAll();
        QTest::keyClick(page->searchBox(), Qt::Key_Backspace);
        QTest::keyClick(page->searchBox(), Qt::Key_Return);           // Enter searches at once
        QCOMPARE(page->model()->rowCount(), 8);

        // The filter sidebar.
        QCOMPARE(page->filterLists().size(), 3);
        clickItem(page->filterLists().at(0), "Published");
        QCOMPARE(titles(page), (QStringList{"Alpha", "Delta", "Golf"}));
        clickItem(page->filterLists().at(2), "Ann");
        QCOMPARE(titles(page), (QStringList{"Alpha", "Golf"}));
        QCOMPARE(page->countLabel()->text(), QStringLiteral("2 posts (8 total)"));
        clickItem(page->filterLists().at(0), "All");
        clickItem(page->filterLists().at(2), "All");
        QCOMPARE(page->model()->rowCount(), 8);

        // Sort by clicking the Views header: ascending, then descending.
        clickHeader(page->table(), 4);
        QVERIFY2(page->model()->selectStatement().contains(R"("views" ASC)"), qPrintable(page->model()->selectStatement()));
        QCOMPARE(titles(page).first(), QStringLiteral("Alpha"));
        clickHeader(page->table(), 4);
        QVERIFY2(page->model()->selectStatement().contains(R"("views" DESC)"), qPrintable(page->model()->selectStatement()));
        QCOMPARE(titles(page), (QStringList{"Hotel", "Golf", "Foxtrot", "Echo", "Delta", "Charlie", "Bravo", "Alpha"}));
        clickHeader(page->table(), 0);                                // back to title order
        QCOMPARE(titles(page).first(), QStringLiteral("Alpha"));

        // Edit Alpha's views in place: F2, type, Enter -> saved through the ORM.
        QTableView *table = page->table();
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 4));
        QTest::keyClick(table, Qt::Key_F2);
        QWidget *editor = QApplication::focusWidget();
        QVERIFY(editor && editor != table);
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, "77");
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(Post->objects().get(Q("title", "Alpha")).value("views").toInt(), 77);
        QVERIFY(page->errorLabel()->isHidden());

        // A value the model refuses: the error shows, nothing is saved.
        table->setCurrentIndex(table->model()->index(0, 2));
        QVERIFY(!table->model()->setData(table->model()->index(0, 2), "bogus"));
        QVERIFY(page->errorLabel()->isVisibleTo(page));
        QVERIFY2(page->errorLabel()->text().contains("status"), qPrintable(page->errorLabel()->text()));
        QCOMPARE(Post->objects().get(Q("title", "Alpha")).value("status").toString(), QStringLiteral("published"));
        page->model()->revertAll();

        // Delete Alpha with the Delete key; the confirmation is answered Yes.
        table->setFocus();
        table->selectRow(0);
        QTimer::singleShot(0, this, [] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box)
                box->button(QMessageBox::Yes)->click();
        });
        QTest::keyClick(table, Qt::Key_Delete);
        QTRY_COMPARE(page->model()->rowCount(), 7);
        QVERIFY(!Post->objects().filter(Q("title", "Alpha")).exists());
        QCOMPARE(Comment->objects().count(), 7);                      // its comment went with it
        QCOMPARE(page->countLabel()->text(), QStringLiteral("7 posts"));

        // The screenshot, then Ctrl+W closes the tab (the index stays).
        const QString folder = QDir(QCoreApplication::applicationDirPath() + "/../screenshots").absolutePath();
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + "/changelist.png";
        QVERIFY2(window.grab().save(file), qPrintable(file));
        qInfo("Screenshot: %s", qPrintable(file));
        window.activateWindow(); // back from the message box
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(window.pages()->count(), 1);
        QTest::keyClick(&window, Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(window.pages()->count(), 1);
    }
};

QTEST_MAIN(TestChangeListPage)
#include "tst_changelistpage.moc"
