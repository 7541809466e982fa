// The admin as a person uses it, end to end on one unmigrated SQLite file of
// the demo project, with real widgets and QTest keys and clicks: the window on
// the empty database, its Migrate button; then the login, the sidebar filter,
// a list page (search, filter, sort), a record (a refused value shown beside
// its field, fixed, saved), its history with the old and new value and a
// revert, a delete with the cascade confirmation, and on the migrations page
// a revert of the blog app to zero and Migrate again. Each main page is
// grabbed to <build>/screenshots/walk-*.png for a person to look at.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/Authentication.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/UserService.h"
#include "db/Connection.h"
#include "orm/Manager.h"
#include "orm/QuerySet.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/DeleteConfirmationDialog.h"
#include "ui/dialogs/LoginDialog.h"
#include "ui/pages/AppsPage.h"
#include "ui/pages/ChangeFormPage.h"
#include "ui/pages/ChangeListPage.h"
#include "ui/pages/MigrationsPage.h"
#include "views/admin/AdminSite.h"
#include "views/admin/ChangeListModel.h"
#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

using namespace quango;

class TestAdminWalk : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    QStringList m_questions;

    static void grab(QWidget *widget, const QString &name)
    {
        const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
        QDir().mkpath(dir);
        QVERIFY(widget->grab().save(dir + QStringLiteral("/walk-") + name + QStringLiteral(".png")));
    }
    static QStringList column(const ChangeListPage *page, int col = 0)
    {
        QStringList out;
        for (int row = 0; row < page->model()->rowCount(); ++row)
            out << page->model()->data(page->model()->index(row, col)).toString();
        return out;
    }
    // Every control a screen reader lands on has a name: its own, or the text
    // of its button. Lists what lacks one.
    static QStringList unnamedControls(QWidget *page)
    {
        QStringList out;
        const QList<QWidget *> widgets = page->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            if (!widget->isVisibleTo(page) || widget->focusPolicy() == Qt::NoFocus)
                continue;
            const bool control = qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget)
                || qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractItemView *>(widget)
                || qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget);
            if (!control || qobject_cast<QLineEdit *>(widget->parentWidget()) || qobject_cast<QComboBox *>(widget->parentWidget())
                || qobject_cast<QAbstractSpinBox *>(widget->parentWidget()))
                continue; // the line edit inside a combo or spin box speaks for its owner
            auto *button = qobject_cast<QAbstractButton *>(widget);
            if (widget->accessibleName().isEmpty() && !(button && !button->text().remove('&').isEmpty()))
                out << QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName());
        }
        return out;
    }
    static QSet<QString> asSet(const QStringList &list) { return QSet<QString>(list.begin(), list.end()); }
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
    static void clickTreeItem(QTreeWidget *tree, QTreeWidgetItem *item)
    {
        QVERIFY(item);
        if (item->parent())
            tree->expandItem(item->parent());
        tree->scrollToItem(item);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
        QCOMPARE(tree->currentItem(), item);
    }
    static int rows(const QString &table)
    {
        std::unique_ptr<QSqlQuery> query = Connection::get().executeUncached(
            QStringLiteral("SELECT COUNT(*) FROM ") + Connection::get().ops().quoteName(table), {});
        return query->next() ? query->value(0).toInt() : -1;
    }
    static bool tableExists(const QString &table)
    {
        std::unique_ptr<QSqlQuery> query = Connection::get().executeUncached(
            QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"), {table});
        return query->next() && query->value(0).toInt() == 1;
    }
    MigrationsPage::Asker answerYes()
    {
        return [this](QMessageBox &box) {
            m_questions << box.text();
            return QMessageBox::Yes;
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp(); // a new, unmigrated file
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        Authentication::resetFailures();
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void walk()
    {
        AdminSite site(Registry::instance());
        site.autodiscover();

        // 1. The window on the unmigrated database: no auth tables, so nobody
        //    logs in; Ctrl+Shift+M opens the migrations page, Migrate applies all.
        QVERIFY(!tableExists("auth_user"));
        {
            MainWindow window(site, m_db.url());
            window.resize(1300, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&window));
            QTest::keyClick(&window, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
            auto *migrations = qobject_cast<MigrationsPage *>(window.pages()->currentWidget());
            QVERIFY(migrations);
            migrations->setAsker(answerYes());
            QVERIFY(migrations->summaryLabel()->text().contains("not applied"));
            QVERIFY(migrations->migrateButton()->isEnabled());
            QTest::mouseClick(migrations->migrateButton(), Qt::LeftButton);
            QVERIFY2(migrations->summaryLabel()->text().startsWith("All "), qPrintable(migrations->summaryLabel()->text()));
            QVERIFY(migrations->output()->toPlainText().contains("Applying blog.0001_initial... OK"));
            grab(migrations, "migrations");
            QVERIFY2(unnamedControls(migrations).isEmpty(), qPrintable(unnamedControls(migrations).join(", ")));
        }
        QVERIFY(tableExists("auth_user"));
        QVERIFY(tableExists("blog_post"));

        // Content: an author with two posts, each with comments; another author.
        UserService::createSuperuser("root", "root@example.com", "Root-passw0rd-1");
        const ModelMeta &Author = Registry::instance().modelOrThrow("blog.Author");
        const ModelMeta &Post = Registry::instance().modelOrThrow("blog.Post");
        const ModelMeta &Comment = Registry::instance().modelOrThrow("blog.Comment");
        const Model ann = Author.objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        const Model bob = Author.objects().create({{"name", "Bob"}, {"email", "bob@example.com"}});
        const QStringList titles{"Alpha", "Bravo", "Charlie", "Delta"};
        for (int i = 0; i < titles.size(); ++i) {
            const Model post = Post.objects().create({{"title", titles.at(i)}, {"slug", titles.at(i).toLower()},
                                                      {"author", (i < 2 ? ann : bob).pk()}, {"status", i % 2 ? "published" : "draft"}});
            for (int c = 0; c < 2; ++c)
                Comment.objects().create({{"post", post.pk()}, {"author_name", QStringLiteral("reader%1").arg(c)}, {"body", "nice"}});
        }

        // 2. Login: typed, Enter.
        LoginDialog login(m_db.url());
        login.show();
        QVERIFY(QTest::qWaitForWindowExposed(&login));
        login.usernameEdit()->setFocus();
        QTest::keyClicks(login.usernameEdit(), "root");
        QTest::keyClick(login.usernameEdit(), Qt::Key_Tab);
        QTest::keyClicks(login.passwordEdit(), "Root-passw0rd-1");
        QTest::keyClick(login.passwordEdit(), Qt::Key_Return);
        QCOMPARE(login.result(), int(QDialog::Accepted));
        QCOMPARE(login.user().username(), QStringLiteral("root"));

        MainWindow window(site, m_db.url());
        window.setUser(login.user());
        window.resize(1300, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // 3. Sidebar: type in the filter box, Enter opens the first match.
        auto *apps = qobject_cast<AppsPage *>(window.pages()->widget(0));
        QVERIFY(apps);
        grab(&window, "index");
        QVERIFY2(unnamedControls(&window).isEmpty(), qPrintable(unnamedControls(&window).join(", ")));
        apps->filterEdit()->setFocus();
        QTest::keyClicks(apps->filterEdit(), "posts");
        QCOMPARE(apps->shownModels(), QStringList{"blog.Post"});
        QTest::keyClick(apps->filterEdit(), Qt::Key_Return);
        auto *list = qobject_cast<ChangeListPage *>(window.pages()->currentWidget());
        QVERIFY(list);
        QCOMPARE(list->countLabel()->text(), QStringLiteral("4 posts"));

        // 4. Search (debounced; Enter at once).
        list->setSearchDelay(30);
        QTest::keyClick(list->table(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(list->searchBox()->hasFocus());
        QTest::keyClicks(list->searchBox(), "bob");
        QTRY_COMPARE(list->countLabel()->text(), QStringLiteral("2 posts (4 total)"));
        QCOMPARE(asSet(column(list)), (QSet<QString>{"Charlie", "Delta"}));
        list->searchBox()->selectAll();
        QTest::keyClick(list->searchBox(), Qt::Key_Backspace);
        QTest::keyClick(list->searchBox(), Qt::Key_Return);
        QCOMPARE(list->model()->rowCount(), 4);

        // 5. Filter: status Published, then back to All.
        QVERIFY(!list->filterLists().isEmpty());
        clickItem(list->filterLists().at(0), "Published");
        QCOMPARE(asSet(column(list)), (QSet<QString>{"Bravo", "Delta"}));
        clickItem(list->filterLists().at(0), "All");
        QCOMPARE(list->model()->rowCount(), 4);

        // 6. Sort by the Title header: ascending, then descending.
        clickHeader(list->table(), 0);
        QVERIFY2(list->model()->selectStatement().contains(R"("title" ASC)"), qPrintable(list->model()->selectStatement()));
        QCOMPARE(column(list), titles);
        clickHeader(list->table(), 0);
        QCOMPARE(column(list), (QStringList{"Delta", "Charlie", "Bravo", "Alpha"}));
        grab(&window, "changelist");
        QVERIFY2(unnamedControls(list).isEmpty(), qPrintable(unnamedControls(list).join(", ")));

        // 7. Open Alpha (last row now) with Enter on its title.
        list->table()->setFocus();
        list->table()->setCurrentIndex(list->model()->index(3, 0));
        QTest::keyClick(list->table(), Qt::Key_Return);
        auto *form = qobject_cast<ChangeFormPage *>(window.pages()->currentWidget());
        QVERIFY(form);
        QCOMPARE(form->form().instance().value("title").toString(), QStringLiteral("Alpha"));
        auto *title = qobject_cast<QLineEdit *>(form->editor("title"));
        QVERIFY(title);

        // 8. A refused value: the title emptied; Ctrl+S shows the error beside
        //    the field and saves nothing.
        title->setFocus();
        title->selectAll();
        QTest::keyClick(title, Qt::Key_Backspace);
        QTest::keyClick(title, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(form->errorLabel("title")->isVisibleTo(form));
        QCOMPARE(form->errorLabel("title")->text(), QStringLiteral("This field cannot be blank."));
        QCOMPARE(Post.objects().filter(Q("title", "Alpha")).count(), 1);
        grab(form, "changeform-error");
        QVERIFY2(unnamedControls(form).isEmpty(), qPrintable(unnamedControls(form).join(", ")));

        // 9. Fixed and saved with "Save and continue editing".
        QTest::keyClicks(title, "Alpha two");
        QTest::mouseClick(form->saveAndContinueButton(), Qt::LeftButton);
        QVERIFY(form->errorLabel("title")->isHidden());
        const QVariant alphaPk = form->form().instance().pk();
        QCOMPARE(Post.objects().get(Q("pk", alphaPk)).value("title").toString(), QStringLiteral("Alpha two"));
        QTRY_VERIFY(column(list).contains("Alpha two")); // the list shows it

        // 10. History: the change with its old and new value; revert it.
        form->tabs()->setCurrentIndex(1);
        QTreeWidget *history = form->historyTree();
        QVERIFY(history->isVisible());
        const QList<QTreeWidgetItem *> changed = history->findItems("Alpha two", Qt::MatchContains | Qt::MatchRecursive, 3);
        QVERIFY2(!changed.isEmpty(), "the history shows the new title");
        QCOMPARE(changed.first()->text(2), QStringLiteral("Title"));
        QCOMPARE(changed.first()->text(3), QStringLiteral("Alpha \u2192 Alpha two"));
        grab(form, "history");
        QTreeWidgetItem *entry = changed.first()->parent();
        QVERIFY(entry);
        QPushButton *revert = form->revertButton(entry->data(0, Qt::UserRole));
        QVERIFY(revert);
        form->setAsker([](QMessageBox &) { return QMessageBox::Yes; });
        QTest::mouseClick(revert, Qt::LeftButton);
        QCOMPARE(Post.objects().get(Q("pk", alphaPk)).value("title").toString(), QStringLiteral("Alpha"));
        QCOMPARE(title->text(), QStringLiteral("Alpha"));
        QVERIFY(history->topLevelItemCount() >= 2); // the revert is a change of its own
        form->tabs()->setCurrentIndex(0);
        QTest::keyClick(form, Qt::Key_W, Qt::ControlModifier);
        QTRY_VERIFY(window.pages()->indexOf(form) < 0);

        // 11. Delete Ann: the confirmation lists her posts and their comments.
        ChangeListPage *authors = window.openModel("blog.Author");
        QVERIFY(authors);
        QCOMPARE(column(authors), (QStringList{"Ann", "Bob"}));
        authors->table()->setFocus();
        authors->table()->selectRow(0);
        QStringList confirmation;
        authors->setDeleteRunner([&confirmation](DeleteConfirmationDialog &dialog) {
            confirmation << dialog.summaryLabel()->text();
            const QList<QTreeWidgetItem *> all = dialog.tree()->findItems("*", Qt::MatchWildcard | Qt::MatchRecursive);
            for (QTreeWidgetItem *item : all)
                confirmation << item->text(0);
            dialog.show();
            grab(&dialog, "deleteconfirmation");
            QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
            return dialog.result();
        });
        const int deleteIndex = authors->actionBox()->findData(QStringLiteral("delete_selected"));
        QVERIFY(deleteIndex > 0);
        authors->actionBox()->setCurrentIndex(deleteIndex);
        QTest::mouseClick(authors->goButton(), Qt::LeftButton);
        QVERIFY2(!confirmation.isEmpty(), "the confirmation was shown");
        QVERIFY2(confirmation.first().contains("Posts: 2") && confirmation.first().contains("Comments: 4"), qPrintable(confirmation.first()));
        QVERIFY2(confirmation.join('|').contains("Alpha") && confirmation.join('|').contains("Bravo"), qPrintable(confirmation.join('|')));
        QCOMPARE(column(authors), QStringList{"Bob"});
        QCOMPARE(Post.objects().count(), 2);
        QCOMPARE(Comment.objects().count(), 4);

        // 12. Migrations page: revert blog to zero (the app row), confirmed;
        //     its tables are gone; Migrate brings them back, empty.
        QAction *migrationsAction = window.findChild<QAction *>("migrationsAction");
        QVERIFY(migrationsAction);
        migrationsAction->trigger();
        auto *migrations = qobject_cast<MigrationsPage *>(window.pages()->currentWidget());
        QVERIFY(migrations);
        migrations->setAsker(answerYes());
        m_questions.clear();
        clickTreeItem(migrations->tree(), migrations->item("blog"));
        QVERIFY(migrations->revertButton()->isEnabled());
        QTest::mouseClick(migrations->revertButton(), Qt::LeftButton);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(!tableExists("blog_post"));
        QVERIFY(migrations->summaryLabel()->text().contains("not applied"));
        QTest::mouseClick(migrations->migrateButton(), Qt::LeftButton);
        QVERIFY(tableExists("blog_post"));
        QCOMPARE(rows("blog_post"), 0);
        QVERIFY2(migrations->summaryLabel()->text().startsWith("All "), qPrintable(migrations->summaryLabel()->text()));
        QVERIFY(rows("auth_user") == 1); // other apps untouched
    }
};

QTEST_MAIN(TestAdminWalk)
#include "tst_adminwalk.moc"
