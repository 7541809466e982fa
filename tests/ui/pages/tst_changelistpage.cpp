// The list page driven with keys and the mouse inside the admin window:
// open a model from the index, Ctrl+F search, filter sidebar, header sort,
// edit a cell, a refused edit, Delete with confirmation, Ctrl+W. A screenshot
// goes to <build>/screenshots/changelist.png.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "app/demo/BlogAdmin.h"
#include "apps/AppConfig.h"
#include "orm/RelatedField.h"
#include "orm/fields/CharField.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/DeleteConfirmationDialog.h"
#include "ui/pages/AppsPage.h"
#include "ui/pages/ChangeListPage.h"
#include "views/admin/AdminSite.h"
#include "views/admin/ChangeListModel.h"
#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPushButton>
#include <QTemporaryDir>
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

namespace {
// The demo apps have no PROTECT foreign key: a model of this suite's own.
class PinApp : public AppConfig {
public:
    PinApp() : AppConfig(QStringLiteral("pinlist"))
    {
        auto *pin = addModel(QStringLiteral("Pin"), {
            ForeignKey(QStringLiteral("post"), QStringLiteral("blog.Post"), OnDelete::Protect, {.relatedName = QStringLiteral("pins")}),
            CharField(QStringLiteral("note"), 50),
        });
        pin->setStr([](const Model &m) { return m.value(QStringLiteral("note")).toString(); });
    }
};
} // namespace

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
        if (!Registry::instance().app("pinlist"))
            Registry::instance().addApp(std::make_shared<PinApp>());
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

        // Delete Alpha with the Delete key; the confirmation (run modally)
        // shows Alpha with its comment and is answered "Yes, I'm sure".
        table->setFocus();
        table->selectRow(0);
        QStringList shown;
        QTimer::singleShot(0, this, [&shown] {
            auto *dialog = qobject_cast<DeleteConfirmationDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            shown << dialog->tree()->topLevelItem(0)->text(0) << dialog->tree()->topLevelItem(0)->child(0)->text(0)
                  << dialog->summaryLabel()->text();
            QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        });
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(shown, (QStringList{"Post: Alpha", "Comment: Comment by reader", "Summary: Posts: 1, Comments: 1"}));
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

    // The action bar on the blog admin (BlogAdmin): delete selected with the
    // cascade confirmation, a PROTECTed post that only offers Close, the
    // custom "Mark selected posts as published", export to files. Runs after
    // browseSearchFilterSortEditDelete: Bravo..Hotel are left, one comment each.
    void actionsAndExport()
    {
        AdminSite site(Registry::instance());
        demo::BlogAdmin::registerModels(site);
        ChangeListPage page(*Post, site.modelAdmin(*Post));
        page.resize(1200, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTableView *table = page.table();
        auto rowOf = [&page](const QString &title) {
            for (int row = 0; row < page.model()->rowCount(); ++row)
                if (page.model()->object(row).value("title").toString() == title)
                    return row;
            return -1;
        };
        auto select = [&](const QStringList &titles) {
            table->clearSelection();
            for (const QString &title : titles) {
                const int row = rowOf(title);
                QVERIFY2(row >= 0, qPrintable(title));
                QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, table->visualRect(table->model()->index(row, 0)).center());
            }
            QCOMPARE(page.selectedRows().size(), titles.size());
        };
        auto choose = [&](const QString &action) {
            const int index = page.actionBox()->findData(action);
            QVERIFY2(index > 0, qPrintable(action));
            page.actionBox()->setCurrentIndex(index);
            QTest::mouseClick(page.goButton(), Qt::LeftButton);
        };
        QStringList actions;
        for (int i = 0; i < page.actionBox()->count(); ++i)
            actions << page.actionBox()->itemText(i);
        QCOMPARE(actions, (QStringList{"---------", "Delete selected posts", "Mark selected posts as published"}));

        // Go with nothing selected: Django's message, nothing changes.
        choose("make_published");
        QCOMPARE(page.messageLabel()->text(), QStringLiteral("Items must be selected in order to perform actions on them. No items have been changed."));

        // Delete selected: the dialog shows each post with its comment.
        QStringList tree;
        QString summary;
        page.setDeleteRunner([&](DeleteConfirmationDialog &dialog) {
            for (int i = 0; i < dialog.tree()->topLevelItemCount(); ++i) {
                QTreeWidgetItem *item = dialog.tree()->topLevelItem(i);
                tree << item->text(0);
                for (int c = 0; c < item->childCount(); ++c)
                    tree << "  " + item->child(c)->text(0);
            }
            summary = dialog.summaryLabel()->text();
            if (!dialog.confirmButton())
                return int(QDialog::Rejected);
            QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
            return dialog.result();
        });
        select({"Bravo", "Charlie"});
        choose("delete_selected");
        QCOMPARE(tree.size(), 4);
        QVERIFY2(tree.contains("Post: Bravo") && tree.contains("Post: Charlie") && tree.count("  Comment: Comment by reader") == 2, qPrintable(tree.join('|')));
        QCOMPARE(summary, QStringLiteral("Summary: Posts: 2, Comments: 2"));
        QCOMPARE(page.messageLabel()->text(), QStringLiteral("Successfully deleted 2 posts."));
        QVERIFY(!Post->objects().filter(Q("title__in", QVariantList{"Bravo", "Charlie"})).exists());
        QCOMPARE(Comment->objects().count(), 5);
        QCOMPARE(page.model()->rowCount(), 5);

        // A PROTECTed post: the dialog lists the pin and offers only Close.
        const ModelMeta &pin = Registry::instance().modelOrThrow("pinlist.Pin");
        pin.objects().create({{"post", Post->objects().get(Q("title", "Delta")).pk()}, {"note", "keep me"}});
        QStringList problems;
        bool closeOnly = false;
        page.setDeleteRunner([&](DeleteConfirmationDialog &dialog) {
            for (int i = 0; i < dialog.problemList()->count(); ++i)
                problems << dialog.problemList()->item(i)->text();
            closeOnly = !dialog.confirmButton() && dialog.problemList()->isVisibleTo(&dialog)
                        && dialog.questionLabel()->text().contains("protected related objects");
            QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
            return dialog.result();
        });
        select({"Delta"});
        choose("delete_selected");
        QCOMPARE(problems, QStringList{"Pin: keep me"});
        QVERIFY(closeOnly);
        QVERIFY(Post->objects().filter(Q("title", "Delta")).exists());
        QCOMPARE(page.model()->rowCount(), 5);

        // The custom action: one UPDATE, its message, the list re-read.
        select({"Echo", "Foxtrot"});
        choose("make_published");
        QCOMPARE(page.messageLabel()->text(), QStringLiteral("2 posts were successfully marked as published."));
        QVERIFY(page.messageLabel()->isVisibleTo(&page));
        for (const char *title : {"Echo", "Foxtrot"}) {
            const Model post = Post->objects().get(Q("title", title));
            QCOMPARE(post.value("status").toString(), QStringLiteral("published"));
            QVERIFY(!post.value("published_at").isNull());
            QCOMPARE(page.model()->data(page.model()->index(rowOf(title), 2)).toString(), QStringLiteral("Published"));
        }
        QCOMPARE(Post->objects().get(Q("title", "Hotel")).value("status").toString(), QStringLiteral("draft"));

        // Export: the selection as CSV (list_display, list order), everything as JSON.
        QTemporaryDir dir;
        select({"Golf", "Hotel"});
        QVERIFY(page.exportRows(ChangeListExporter::Format::Csv, true, dir.filePath("posts.csv")));
        QFile csv(dir.filePath("posts.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csv.readAll()), QStringLiteral("Title,Author,Status,Published at,Is featured,Views\r\n"
                                                                  "Hotel,Bob,Draft,,False,70\r\n"
                                                                  "Golf,Ann,Published,,False,60\r\n"));
        QCOMPARE(page.messageLabel()->text(), QStringLiteral("Exported 2 posts to %1.").arg(dir.filePath("posts.csv")));
        QVERIFY(page.exportRows(ChangeListExporter::Format::Json, false, dir.filePath("posts.json")));
        QFile json(dir.filePath("posts.json"));
        QVERIFY(json.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(json.readAll()).array().size(), 5);

        // Ctrl+A selects every match: the action gets the page's QuerySet.
        table->setFocus();
        QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
        QVERIFY(page.selectsAllMatching());
        choose("make_published");
        QCOMPARE(page.messageLabel()->text(), QStringLiteral("5 posts were successfully marked as published."));
        QCOMPARE(Post->objects().filter(Q("status", "published")).count(), 5);

        // A user who may change but not delete posts sees only the custom action.
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, QStringLiteral("default"), 0);
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        Model editor = UserService::createUser("editor", "", "An-editor-passw0rd", {{"is_staff", true}});
        editor.manyRelated("user_permissions").add(QList<Model>{Permissions::get("blog.view_post"), Permissions::get("blog.change_post")});
        page.setUser(AdminUser(editor));
        actions.clear();
        for (int i = 0; i < page.actionBox()->count(); ++i)
            actions << page.actionBox()->itemData(i).toString();
        QCOMPARE(actions, (QStringList{"", "make_published"}));
        QVERIFY(!page.runAction("delete_selected"));
        QVERIFY(page.errorLabel()->text().contains("permission"));
    }
};

QTEST_MAIN(TestChangeListPage)
#include "tst_changelistpage.moc"
