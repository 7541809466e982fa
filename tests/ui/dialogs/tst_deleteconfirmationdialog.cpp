// The "Are you sure?" dialog: the cascade tree and summary, "Yes, I'm sure"
// run modally with the mouse; a delete the user may not make (missing
// permission) offers only Close and confirm() says no. A screenshot goes to
// <build>/screenshots/deleteconfirmation.png.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "ui/dialogs/DeleteConfirmationDialog.h"
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

using namespace quango;

class TestDeleteConfirmationDialog : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    const ModelMeta *Author = nullptr, *Post = nullptr, *Comment = nullptr;
    Model m_ann;

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        Author = &Registry::instance().modelOrThrow("blog.Author");
        Post = &Registry::instance().modelOrThrow("blog.Post");
        Comment = &Registry::instance().modelOrThrow("blog.Comment");
        m_ann = Author->objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        const Model post = Post->objects().create({{"title", "Alpha"}, {"slug", "alpha"}, {"author", m_ann.pk()}});
        for (const char *who : {"Zoe", "Yan"})
            Comment->objects().create({{"post", post.pk()}, {"author_name", who}, {"body", "hi"}});
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void showsTheCascadeAndConfirms()
    {
        DeleteConfirmationDialog dialog(*Author, DeletedObjects::collect({m_ann}));
        QCOMPARE(dialog.questionLabel()->text(),
                 QStringLiteral("Are you sure you want to delete the author \u201cAnn\u201d? All of the following objects and their related items will be deleted:"));
        QCOMPARE(dialog.tree()->topLevelItemCount(), 1);
        QTreeWidgetItem *ann = dialog.tree()->topLevelItem(0);
        QCOMPARE(ann->text(0), QStringLiteral("Author: Ann"));
        QCOMPARE(ann->child(0)->text(0), QStringLiteral("Post: Alpha"));
        QCOMPARE(ann->child(0)->childCount(), 2);
        QVERIFY(ann->child(0)->isExpanded());
        QCOMPARE(dialog.summaryLabel()->text(), QStringLiteral("Summary: Authors: 1, Posts: 1, Comments: 2"));
        QVERIFY(dialog.problemList()->isHidden());
        QVERIFY(dialog.confirmButton());
        QVERIFY(dialog.cancelButton()->isDefault()); // Enter does not delete
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString folder = QDir(QCoreApplication::applicationDirPath() + "/../screenshots").absolutePath();
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(dialog.grab().save(folder + "/deleteconfirmation.png"));
        dialog.hide();

        // The real modal path: a click on "Yes, I'm sure" confirms.
        QTimer::singleShot(0, this, [] {
            auto *shown = qobject_cast<DeleteConfirmationDialog *>(QApplication::activeModalWidget());
            QVERIFY(shown);
            QTest::mouseClick(shown->confirmButton(), Qt::LeftButton);
        });
        QVERIFY(DeleteConfirmationDialog::confirm(nullptr, *Author, {m_ann}, AdminUser()));
        QCOMPARE(Author->objects().count(), 1); // confirming deletes nothing by itself
        // "No, take me back".
        QTimer::singleShot(0, this, [] {
            if (auto *shown = qobject_cast<DeleteConfirmationDialog *>(QApplication::activeModalWidget()))
                QTest::mouseClick(shown->cancelButton(), Qt::LeftButton);
        });
        QVERIFY(!DeleteConfirmationDialog::confirm(nullptr, *Author, {m_ann}, AdminUser()));
    }

    void missingPermissionOffersOnlyClose()
    {
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, QStringLiteral("default"), 0);
        Model user = UserService::createUser("editor", "", "An-editor-passw0rd", {{"is_staff", true}});
        user.manyRelated("user_permissions").add(QList<Model>{Permissions::get("blog.delete_author"), Permissions::get("blog.delete_post")});
        const AdminUser editor(user);
        bool closeOnly = false;
        QStringList problems;
        const bool confirmed = DeleteConfirmationDialog::confirm(nullptr, *Author, {m_ann}, editor, [&](DeleteConfirmationDialog &dialog) {
            closeOnly = !dialog.confirmButton() && dialog.cancelButton()->text().contains("Close");
            for (int i = 0; i < dialog.problemList()->count(); ++i)
                problems << dialog.problemList()->item(i)->text();
            // Answering Accepted anyway must not confirm a delete that is not possible.
            return int(QDialog::Accepted);
        });
        QVERIFY(!confirmed);
        QVERIFY(closeOnly);
        QCOMPARE(problems, QStringList{"comment"});
    }
};

QTEST_MAIN(TestDeleteConfirmationDialog)
#include "tst_deleteconfirmationdialog.moc"
