// The record form driven with keys and the mouse inside the admin window:
// open a post from its list, edit, a refused value shown beside its field
// with nothing saved, fix it, ManyToMany selector, ForeignKey type-ahead,
// Ctrl+S, Save and add another, Ctrl+N, the unsaved-changes question and
// Delete. A screenshot goes to <build>/screenshots/changeform.png.
// Adding a user as in Django's UserAdmin: username and two passwords, their
// errors beside them, then the change form with the password's summary.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/AppConfig.h"
#include "apps/Registry.h"
#include "contrib/admin/LogEntry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/PasswordValidation.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "orm/fields/CharField.h"
#include "orm/fields/JSONField.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "ui/MainWindow.h"
#include "ui/pages/ChangeFormPage.h"
#include "ui/pages/ChangeListPage.h"
#include "ui/widgets/ReadOnlyPasswordHashWidget.h"
#include "views/admin/AdminLogin.h"
#include "views/admin/AdminSite.h"
#include "views/admin/AuthAdmin.h"
#include "views/admin/PasswordHashSummary.h"
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QTableView>
#include <QtTest>

using namespace quango;

namespace {
// The demo apps have no JSONField: a model of this suite's own for the JSON editor.
class SettingsApp : public AppConfig {
public:
    SettingsApp() : AppConfig(QStringLiteral("formtest"))
    {
        addModel(QStringLiteral("Setting"), {
            CharField(QStringLiteral("key"), 50),
            JSONField(QStringLiteral("data"), {.null = true, .blank = true}),
        });
    }
};
} // namespace

class TestChangeFormPage : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    std::unique_ptr<AdminSite> m_site;
    const ModelMeta *Post = nullptr, *Author = nullptr, *Tag = nullptr;

    static void select(QListWidget *list, const QStringList &texts)
    {
        list->clearSelection();
        for (const QString &text : texts) {
            const QList<QListWidgetItem *> items = list->findItems(text, Qt::MatchExactly);
            QVERIFY2(!items.isEmpty(), qPrintable(text));
            QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::ControlModifier, list->visualItemRect(items.first()).center());
        }
    }
    static QStringList texts(QListWidget *list)
    {
        QStringList out;
        for (int i = 0; i < list->count(); ++i)
            out << list->item(i)->text();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        if (!Registry::instance().app("formtest"))
            Registry::instance().addApp(std::make_shared<SettingsApp>());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        Post = &Registry::instance().modelOrThrow("blog.Post");
        Author = &Registry::instance().modelOrThrow("blog.Author");
        Tag = &Registry::instance().modelOrThrow("blog.Tag");
        const Model ann = Author->objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        Author->objects().create({{"name", "Bob"}, {"email", "bob@example.com"}});
        for (const char *name : {"cpp", "python", "qt"})
            Tag->objects().create({{"name", name}});
        Post->objects().create({{"title", "Hello"}, {"slug", "hello"}, {"author", ann.pk()}, {"views", 5}});
        m_site = std::make_unique<AdminSite>(Registry::instance());
        m_site->registerModel("blog.Post", ModelAdmin{.listDisplay = {"title", "author"}, .readonlyFields = {"created"}});
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void openEditValidateSave()
    {
        MainWindow window(*m_site, m_db.url());
        window.resize(1100, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // Enter on a row of the list opens the record in a tab of its own.
        ChangeListPage *list = window.openModel("blog.Post");
        QVERIFY(list);
        list->table()->setFocus();
        list->table()->setCurrentIndex(list->table()->model()->index(0, 0));
        QTest::keyClick(list->table(), Qt::Key_Return);
        auto *page = qobject_cast<ChangeFormPage *>(window.pages()->currentWidget());
        QVERIFY(page);
        QCOMPARE(window.pages()->tabText(window.pages()->currentIndex()), QStringLiteral("Hello"));
        QStringList questions;
        QMessageBox::StandardButton answer = QMessageBox::Cancel;
        page->setAsker([&](QMessageBox &box) {
            questions << box.text();
            return answer;
        });

        // Generated widgets: kinds, required marks, readonly fields.
        auto *title = qobject_cast<QLineEdit *>(page->editor("title"));
        QVERIFY(title);
        QCOMPARE(title->text(), QStringLiteral("Hello"));
        QVERIFY(qobject_cast<QComboBox *>(page->editor("status")));
        QVERIFY(qobject_cast<QCheckBox *>(page->editor("is_featured")));
        QVERIFY(!qobject_cast<QCheckBox *>(page->editor("is_featured"))->isTristate());
        QVERIFY(page->findChild<QLabel *>("label_title")->font().bold());
        QVERIFY(!page->findChild<QLabel *>("label_body")->font().bold());
        QVERIFY(page->findChild<QLabel *>("readonly_created"));
        QVERIFY(!page->editor("created"));
        QVERIFY(!page->isDirty());

        // Edit the title; a slug with spaces is refused beside its field, nothing saved.
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, "Hello world");
        auto *slug = qobject_cast<QLineEdit *>(page->editor("slug"));
        slug->selectAll();
        QTest::keyClicks(slug, "hello world!");
        QVERIFY(page->isDirty());
        QTest::mouseClick(page->saveAndContinueButton(), Qt::LeftButton);
        QVERIFY(page->errorLabel("slug")->isVisibleTo(page));
        QVERIFY2(page->errorLabel("slug")->text().contains("slug", Qt::CaseInsensitive), qPrintable(page->errorLabel("slug")->text()));
        QVERIFY(page->errorLabel("title")->isHidden());
        QVERIFY(page->nonFieldErrorLabel()->isVisibleTo(page));
        QCOMPARE(Post->objects().get().value("title").toString(), QStringLiteral("Hello"));

        const QString folder = QDir(QCoreApplication::applicationDirPath() + "/../screenshots").absolutePath();
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + "/changeform.png";
        QVERIFY2(window.grab().save(file), qPrintable(file));
        qInfo("Screenshot: %s", qPrintable(file));

        // Fix the slug, choose two tags, pick the author by typing part of the name.
        slug->selectAll();
        QTest::keyClicks(slug, "hello-world");
        QWidget *tags = page->editor("tags");
        auto *available = tags->findChild<QListWidget *>("available");
        auto *chosen = tags->findChild<QListWidget *>("chosen");
        QCOMPARE(texts(available), (QStringList{"cpp", "python", "qt"}));
        select(available, {"python", "qt"});
        QTest::mouseClick(tags->findChild<QPushButton *>("choose"), Qt::LeftButton);
        QCOMPARE(texts(chosen), (QStringList{"python", "qt"}));
        QCOMPARE(texts(available), QStringList{"cpp"});

        auto *author = qobject_cast<QComboBox *>(page->editor("author"));
        QVERIFY(author && author->isEditable());
        QCOMPARE(author->currentText(), QStringLiteral("Ann"));
        author->lineEdit()->setFocus();
        author->lineEdit()->selectAll();
        QTest::keyClicks(author->lineEdit(), "ob");
        QCOMPARE(author->completer()->completionCount(), 1); // "ob" is inside "Bob" only
        QCOMPARE(author->completer()->currentCompletion(), QStringLiteral("Bob"));
        QAbstractItemView *popup = author->completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        QTRY_COMPARE(author->currentText(), QStringLiteral("Bob"));

        // Ctrl+S saves and stays on the record.
        QTest::keyClick(title, Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(page->nonFieldErrorLabel()->isHidden(), qPrintable(page->nonFieldErrorLabel()->text()));
        QVERIFY(page->errorLabel("slug")->isHidden());
        const Model stored = Post->objects().get();
        QCOMPARE(stored.value("title").toString(), QStringLiteral("Hello world"));
        QCOMPARE(stored.value("slug").toString(), QStringLiteral("hello-world"));
        QCOMPARE(stored.related("author").str(), QStringLiteral("Bob"));
        QStringList tagNames;
        for (const Model &tag : stored.manyRelated("tags").list())
            tagNames << tag.str();
        tagNames.sort();
        QCOMPARE(tagNames, (QStringList{"python", "qt"}));
        QCOMPARE(stored.value("views").toInt(), 5);
        QCOMPARE(window.pages()->tabText(window.pages()->indexOf(page)), QStringLiteral("Hello world"));
        QVERIFY(!page->isDirty());
        QVERIFY(questions.isEmpty());

        // Someone else changes the post: saving asks; Reload shows their title,
        // Overwrite replaces it with ours.
        const QVariant pk = stored.pk();
        Post->objects().filter(Q("pk", pk)).update({{"title", "Theirs"}});
        title->selectAll();
        QTest::keyClicks(title, "Mine");
        answer = QMessageBox::Reset;
        QTest::keyClick(title, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.last().contains("changed by someone else"), qPrintable(questions.last()));
        QCOMPARE(title->text(), QStringLiteral("Theirs"));
        Post->objects().filter(Q("pk", pk)).update({{"views", 50}});
        title->selectAll();
        QTest::keyClicks(title, "Mine");
        answer = QMessageBox::Save;
        QTest::keyClick(title, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(questions.size(), 2);
        QCOMPARE(Post->objects().get().value("title").toString(), QStringLiteral("Mine"));
        QCOMPARE(Post->objects().get().value("views").toInt(), 5); // ours, as loaded before their change
        questions.clear();
        answer = QMessageBox::Cancel;

        // Save and add another: an empty form for a new post.
        QTest::mouseClick(page->saveAndAddButton(), Qt::LeftButton);
        QVERIFY(page->form().isAdding());
        QCOMPARE(title->text(), QString());
        QCOMPARE(qobject_cast<QComboBox *>(page->editor("author"))->currentText(), QString());
        QCOMPARE(qobject_cast<QComboBox *>(page->editor("status"))->currentData().toString(), QStringLiteral("draft"));
        QCOMPARE(texts(chosen), QStringList{});
        QVERIFY(!page->deleteButton()->isEnabled());
        QCOMPARE(window.pages()->tabText(window.pages()->indexOf(page)), QStringLiteral("Add post"));
        QCOMPARE(Post->objects().count(), 1);

        // Closing with unsaved changes asks: Cancel keeps the tab, Discard closes it.
        QTest::keyClicks(title, "Draft");
        const int tabs = window.pages()->count();
        window.pages()->setCurrentWidget(page);
        QTest::keyClick(title, Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(questions.size(), 1);
        QVERIFY2(questions.first().contains("Save your changes"), qPrintable(questions.first()));
        QCOMPARE(window.pages()->count(), tabs);
        QVERIFY(!window.close());                                    // quitting asks too
        QCOMPARE(questions.size(), 2);
        QVERIFY(window.isVisible());
        answer = QMessageBox::Discard;
        QTest::keyClick(title, Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(window.pages()->count(), tabs - 1);
        QCOMPARE(Post->objects().count(), 1);

        // Ctrl+N on the list opens an empty form; Delete on a stored one asks, then deletes.
        window.pages()->setCurrentWidget(list);
        list->table()->setFocus();
        QTest::keyClick(list->table(), Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(window.pages()->count(), tabs);
        auto *added = qobject_cast<ChangeFormPage *>(window.pages()->currentWidget());
        QVERIFY(added && added->form().isAdding());
        QCOMPARE(window.pages()->tabText(window.pages()->currentIndex()), QStringLiteral("Add post"));
        added->setAsker([](QMessageBox &) { return QMessageBox::Discard; });
        window.closeCurrentPage();
        QPointer<ChangeFormPage> form = window.openForm("blog.Post", Post->objects().get().pk());
        QVERIFY(form);
        QCOMPARE(window.openForm("blog.Post", Post->objects().get().pk()), form.data()); // one tab per record
        QStringList confirmation;
        form->setDeleteRunner([&confirmation](DeleteConfirmationDialog &dialog) {
            confirmation << dialog.questionLabel()->text() << dialog.summaryLabel()->text();
            return int(QDialog::Accepted);
        });
        QTest::mouseClick(form->deleteButton(), Qt::LeftButton);
        QCOMPARE(confirmation.size(), 2);
        QVERIFY2(confirmation.at(1).contains("Posts: 1"), qPrintable(confirmation.join('|')));
        QCOMPARE(Post->objects().count(), 0);
        QTRY_VERIFY(form.isNull());                                   // its tab closed
    }

    void jsonEditorValidatesOnSave()
    {
        const ModelMeta &setting = Registry::instance().modelOrThrow("formtest.Setting");
        ChangeFormPage page(setting, ModelAdmin{});
        page.setAsker([](QMessageBox &) { return QMessageBox::Cancel; });
        auto *data = qobject_cast<QPlainTextEdit *>(page.editor("data"));
        QVERIFY(data);
        QTest::keyClicks(page.editor("key"), "colors");
        data->setPlainText("{\"a\": [1, 2");
        QVERIFY(!page.saveAndContinue());
        QVERIFY(page.errorLabel("data")->isVisibleTo(&page));
        QVERIFY2(page.errorLabel("data")->text().startsWith("Enter valid JSON"), qPrintable(page.errorLabel("data")->text()));
        QCOMPARE(setting.objects().count(), 0);
        data->setPlainText("{\"a\": [1, 2]}");
        QVERIFY2(page.saveAndContinue(), qPrintable(page.nonFieldErrorLabel()->text()));
        QVERIFY(page.errorLabel("data")->isHidden());
        const Model stored = setting.objects().get();
        QCOMPARE(stored.value("data").toMap().value("a").toList(), (QVariantList{1, 2}));
        QVERIFY2(data->toPlainText().contains("\"a\""), qPrintable(data->toPlainText())); // shown again, indented
    }

    // A user who may view and change posts but not add or delete them: the
    // buttons they may not use are not there; an edit shows in the History
    // tab as old -> new, and "Revert this change" puts the old value back.
    void historyTabAndRevertForTheUser()
    {
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, QStringLiteral("default"), 0);
        auto staffWith = [](const QString &username, const QStringList &actions) {
            Model user = UserService::createUser(username, "", "An-editor-passw0rd", {{"is_staff", true}});
            for (const QString &action : actions)
                user.manyRelated("user_permissions").add(QList<Model>{Permissions::get("blog." + action + "_post")});
            return AdminUser(user);
        };
        const Model author = Author->objects().get(Q("name", "Ann"));
        const QVariant pk = Post->objects().create({{"title", "Hello"}, {"slug", "hello"}, {"author", author.pk()}, {"status", "draft"}}).pk();

        MainWindow window(*m_site, m_db.url());
        window.setUser(staffWith("editor", {"view", "change"}));
        window.resize(1100, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ChangeFormPage *page = window.openForm("blog.Post", pk);
        QVERIFY(page);
        QCOMPARE(page->form().user().username(), QStringLiteral("editor"));
        QVERIFY(!page->isViewOnly());
        QVERIFY(page->saveButton()->isVisible());
        QVERIFY(!page->saveAndAddButton()->isVisible());   // no blog.add_post
        QVERIFY(!page->deleteButton()->isVisible());       // no blog.delete_post
        QStringList questions;
        page->setAsker([&](QMessageBox &box) {
            questions << box.text();
            return QMessageBox::Yes;
        });
        QCOMPARE(page->tabs()->count(), 2);
        QCOMPARE(page->tabs()->tabText(0), QStringLiteral("Change"));
        QCOMPARE(page->tabs()->tabText(1), QStringLiteral("History"));
        QCOMPARE(page->tabs()->widget(1)->accessibleName(), QStringLiteral("History"));

        // Edit the title and the status with keys, save and stay.
        auto *title = qobject_cast<QLineEdit *>(page->editor("title"));
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, "Hello again");
        auto *status = qobject_cast<QComboBox *>(page->editor("status"));
        status->setCurrentIndex(status->findData("published"));
        QTest::mouseClick(page->saveAndContinueButton(), Qt::LeftButton);
        QVERIFY2(page->nonFieldErrorLabel()->isHidden(), qPrintable(page->nonFieldErrorLabel()->text()));
        QCOMPARE(Post->objects().get(Q("pk", pk)).value("title").toString(), QStringLiteral("Hello again"));

        // The History tab: the entry with the user and Django's message, old -> new under it.
        QTabBar *bar = page->tabs()->tabBar();
        QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(1).center());
        QCOMPARE(page->tabs()->currentIndex(), 1);
        QTreeWidget *history = page->historyTree();
        QTRY_VERIFY(history->isVisible());
        QCOMPARE(history->topLevelItemCount(), 1);
        QTreeWidgetItem *entry = history->topLevelItem(0);
        QCOMPARE(entry->text(1), QStringLiteral("editor"));
        QCOMPARE(entry->text(2), QStringLiteral("Changed"));
        QCOMPARE(entry->text(3), QStringLiteral("Changed Title and Status."));
        QCOMPARE(entry->childCount(), 2);
        QCOMPARE(entry->child(0)->text(2), QStringLiteral("Title"));
        QCOMPARE(entry->child(0)->text(3), QString::fromUtf8("Hello \u2192 Hello again"));
        QCOMPARE(entry->child(1)->text(3), QString::fromUtf8("Draft \u2192 Published")); // choices by label

        // Revert this change: the old values are back in the database and the
        // form, and the revert is a new entry that can be reverted in turn.
        QPushButton *revert = page->revertButton(entry->data(0, Qt::UserRole));
        QVERIFY(revert && revert->isVisible());
        QTest::mouseClick(revert, Qt::LeftButton);
        QCOMPARE(questions.size(), 1);
        QVERIFY2(page->nonFieldErrorLabel()->isHidden(), qPrintable(page->nonFieldErrorLabel()->text()));
        const Model stored = Post->objects().get(Q("pk", pk));
        QCOMPARE(stored.value("title").toString(), QStringLiteral("Hello"));
        QCOMPARE(stored.value("status").toString(), QStringLiteral("draft"));
        QCOMPARE(title->text(), QStringLiteral("Hello"));
        QCOMPARE(status->currentData().toString(), QStringLiteral("draft"));
        QCOMPARE(history->topLevelItemCount(), 2);
        QCOMPARE(history->topLevelItem(1)->child(0)->text(3), QString::fromUtf8("Hello again \u2192 Hello"));
        QVERIFY(page->revertButton(history->topLevelItem(1)->data(0, Qt::UserRole)));
        const QString shot = QDir(QCoreApplication::applicationDirPath() + "/../screenshots").absoluteFilePath("changeform_history.png");
        QVERIFY(QDir().mkpath(QFileInfo(shot).absolutePath()));
        QVERIFY2(window.grab().save(shot), qPrintable(shot));

        // Reverting the first change again is refused: its fields changed since.
        QTest::mouseClick(page->revertButton(history->topLevelItem(0)->data(0, Qt::UserRole)), Qt::LeftButton);
        QVERIFY(page->nonFieldErrorLabel()->isVisibleTo(page));
        QVERIFY2(page->nonFieldErrorLabel()->text().contains("has changed again since"), qPrintable(page->nonFieldErrorLabel()->text()));
        QCOMPARE(Post->objects().get(Q("pk", pk)).value("title").toString(), QStringLiteral("Hello"));
        QCOMPARE(history->topLevelItemCount(), 2);
        page->setAsker([](QMessageBox &) { return QMessageBox::Discard; });
        window.closeCurrentPage();

        // View permission only: Django's view-only page, values as text, no buttons to write.
        ChangeFormPage viewOnly(*Post, m_site->modelAdmin(*Post), staffWith("viewer", {"view"}), pk);
        QVERIFY(viewOnly.isViewOnly());
        QVERIFY(!viewOnly.editor("title"));
        QCOMPARE(viewOnly.findChild<QLabel *>("readonly_title")->text(), QStringLiteral("Hello"));
        QCOMPARE(viewOnly.findChild<QLabel *>("readonly_author")->text(), QStringLiteral("Ann"));
        QVERIFY(viewOnly.findChild<QLabel *>("heading")->text().contains("View post"));
        QVERIFY(viewOnly.saveButton()->isHidden());
        QVERIFY(viewOnly.saveAndContinueButton()->isHidden());
        QVERIFY(viewOnly.saveAndAddButton()->isHidden());
        QVERIFY(viewOnly.deleteButton()->isHidden());
        QCOMPARE(viewOnly.historyTree()->topLevelItemCount(), 2);
        QVERIFY(!viewOnly.revertButton(viewOnly.historyTree()->topLevelItem(1)->data(0, Qt::UserRole)));
        QVERIFY(!viewOnly.saveAndContinue());                  // Ctrl+S too: refused, with the reason
        QVERIFY2(viewOnly.nonFieldErrorLabel()->text().contains("blog.change_post"), qPrintable(viewOnly.nonFieldErrorLabel()->text()));
    }

    // Ctrl+N on the users' list: Django's add_fieldsets (username, password,
    // password again), a mismatch shown beside the second password with
    // nothing saved, fixed, "Save and continue editing": the user's change
    // form with the hash summary and "Change password…"; made staff there,
    // the new user can log in to the admin.
    void addUserWithTwoPasswords()
    {
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        PasswordValidation::setValidators(PasswordValidation::defaultValidators());
        AdminSite site(Registry::instance());
        AuthAdmin::registerOn(site);
        MainWindow window(site, m_db.url());
        window.setUser(AdminUser(UserService::createSuperuser("boss", "boss@example.com", "Boss-passw0rd-1")));
        window.resize(1100, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        ChangeListPage *list = window.openModel("auth.User");
        QVERIFY(list);
        list->table()->setFocus();
        QTest::keyClick(list->table(), Qt::Key_N, Qt::ControlModifier);
        auto *page = qobject_cast<ChangeFormPage *>(window.pages()->currentWidget());
        QVERIFY(page);
        QVERIFY(page->form().isAdding());
        QCOMPARE(window.pages()->tabText(window.pages()->currentIndex()), QStringLiteral("Add user"));
        page->setAsker([](QMessageBox &) { return QMessageBox::Cancel; });

        auto *username = qobject_cast<QLineEdit *>(page->editor("username"));
        auto *password1 = qobject_cast<QLineEdit *>(page->editor("password1"));
        auto *password2 = qobject_cast<QLineEdit *>(page->editor("password2"));
        QVERIFY(username && password1 && password2);
        QCOMPARE(password1->echoMode(), QLineEdit::Password);
        QCOMPARE(password2->echoMode(), QLineEdit::Password);
        QCOMPARE(password1->accessibleName(), QStringLiteral("Password"));
        QCOMPARE(password2->accessibleName(), QStringLiteral("Password (again)"));
        QVERIFY(page->findChild<QLabel *>("label_password2")->font().bold());
        QVERIFY(page->findChild<QLabel *>("help_password1")->text().contains("at least 8 characters"));
        QVERIFY(!page->editor("email"));                                     // only add_fieldsets
        QVERIFY(!page->findChild<QLabel *>("readonly_password"));            // no "No password set."
        QVERIFY(!page->findChild<ReadOnlyPasswordHashWidget *>());

        // Typed as a person would, Tab between the inputs; the second password mistyped.
        username->setFocus();
        QTest::keyClicks(username, "newbie");
        QTest::keyClick(username, Qt::Key_Tab);
        QVERIFY(password1->hasFocus());
        QTest::keyClicks(password1, "Brand-new-Passw0rd");
        QTest::keyClick(password1, Qt::Key_Tab);
        QVERIFY(password2->hasFocus());
        QTest::keyClicks(password2, "Brand-new-Passw0rd-typo");
        QVERIFY(page->isDirty());
        QTest::mouseClick(page->saveAndContinueButton(), Qt::LeftButton);
        QVERIFY(page->form().isAdding());
        QLabel *mismatch = page->errorLabel("password2");
        QVERIFY(mismatch->isVisible());
        QCOMPARE(mismatch->text(), QString::fromUtf8("The two password fields didn\u2019t match."));
        QCOMPARE(mismatch->parentWidget(), password2->parentWidget());       // in the input's own cell
        QVERIFY(page->errorLabel("password1")->isHidden());
        QVERIFY(page->errorLabel("username")->isHidden());
        QCOMPARE(page->nonFieldErrorLabel()->text(), QStringLiteral("Please correct the error below."));
        QCOMPARE(UserService::userMeta().objects().filter(Q("username", "newbie")).count(), 0);

        // Fixed, then Ctrl+S ("Save and continue editing"): the change form of
        // the new user, the keyboard in its first field.
        password2->setFocus();
        password2->selectAll();
        QTest::keyClicks(password2, "Brand-new-Passw0rd");
        QTest::keyClick(password2, Qt::Key_S, Qt::ControlModifier);
        QVERIFY2(page->nonFieldErrorLabel()->isHidden(), qPrintable(page->nonFieldErrorLabel()->text()));
        QVERIFY(!page->form().isAdding());
        QVERIFY(page->editor("username")->hasFocus());
        QCOMPARE(window.pages()->tabText(window.pages()->currentIndex()), QStringLiteral("newbie"));
        // Now a stored record: opening it from the list finds this tab, not a second one.
        QCOMPARE(window.openForm("auth.User", page->form().instance().pk()), page);
        QVERIFY(page->findChild<QLabel *>("heading")->text().contains("Change user"));
        QVERIFY(!page->editor("password1"));
        QVERIFY(page->editor("email"));
        auto *hash = page->findChild<ReadOnlyPasswordHashWidget *>();
        QVERIFY(hash);
        QTRY_VERIFY(hash->isVisible());
        const QString stored = UserService::getByNaturalKey("newbie").value("password").toString();
        QCOMPARE(hash->summaryLabel()->text(), PasswordHashSummary::html(stored));
        QVERIFY(!hash->summaryLabel()->text().contains(stored));
        QVERIFY(hash->changeButton()->isVisible() && hash->changeButton()->isEnabled());
        QCOMPARE(hash->changeButton()->text(), QString::fromUtf8("Change password\u2026"));
        QVERIFY(!page->isDirty());
        QCOMPARE(page->historyTree()->topLevelItemCount(), 1);
        QCOMPARE(page->historyTree()->topLevelItem(0)->text(2), QStringLiteral("Added"));
        const QString shot = QDir(QCoreApplication::applicationDirPath() + "/../screenshots").absoluteFilePath("changeform_adduser.png");
        QVERIFY(QDir().mkpath(QFileInfo(shot).absolutePath()));
        QVERIFY2(window.grab().save(shot), qPrintable(shot));

        // Only staff enter the admin: tick Staff status with the keyboard, save, log in.
        QVERIFY(!AdminLogin::login("newbie", "Brand-new-Passw0rd").ok());
        auto *staff = qobject_cast<QCheckBox *>(page->editor("is_staff"));
        QVERIFY(staff);
        staff->setFocus();
        QTest::keyClick(staff, Qt::Key_Space);
        QVERIFY(staff->isChecked());
        QTest::mouseClick(page->saveAndContinueButton(), Qt::LeftButton);
        QVERIFY2(page->nonFieldErrorLabel()->isHidden(), qPrintable(page->nonFieldErrorLabel()->text()));
        const AdminLogin::Result login = AdminLogin::login("newbie", "Brand-new-Passw0rd");
        QVERIFY2(login.ok(), qPrintable(login.error));
        QCOMPARE(login.user.username(), QStringLiteral("newbie"));
        QVERIFY(!AdminLogin::login("newbie", "Brand-new-Passw0rd-typo").ok());
        QCOMPARE(LogEntry::history(UserService::getByNaturalKey("newbie")).size(), 2);
        QCOMPARE(page->findChild<ReadOnlyPasswordHashWidget *>(), hash); // the change form is not rebuilt again
        // "Save and add another": the add form again, with empty password inputs.
        // The login wrote last_login since the form loaded: reload first.
        page->setAsker([](QMessageBox &) { return QMessageBox::Reset; });
        QVERIFY(!page->saveAndAddAnother());
        QVERIFY2(page->saveAndAddAnother(), qPrintable(page->nonFieldErrorLabel()->text()));
        QVERIFY(page->form().isAdding());
        QVERIFY(qobject_cast<QLineEdit *>(page->editor("password1"))->text().isEmpty());
        QVERIFY(!page->editor("email"));
        QVERIFY(!page->findChild<ReadOnlyPasswordHashWidget *>());
        QVERIFY(!page->isDirty());
    }
};

QTEST_MAIN(TestChangeFormPage)
#include "tst_changeformpage.moc"
