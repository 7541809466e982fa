// The change-password dialog driven by the keyboard: errors beside the
// fields, the validators' messages, a success that closes it and changes the
// stored hash; the record form's password summary and its button.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/admin/LogEntry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Passwords.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "ui/dialogs/ChangePasswordDialog.h"
#include "ui/pages/ChangeFormPage.h"
#include "ui/widgets/ReadOnlyPasswordHashWidget.h"
#include "views/admin/AuthAdmin.h"
#include "views/admin/PasswordHashSummary.h"
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace quango;

class TestChangePasswordDialog : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    static Model ann() { return UserService::getByNaturalKey("ann"); }
    static QString storedHash() { return ann().value("password").toString(); }
    static AdminUser root() { return AdminUser(UserService::getByNaturalKey("root")); }

    // Types both passwords as a person would (Tab between them) and presses Enter.
    static void typeAndEnter(ChangePasswordDialog &dialog, const QString &password1, const QString &password2)
    {
        dialog.password1Edit()->clear();
        dialog.password2Edit()->clear();
        dialog.password1Edit()->setFocus();
        QTest::keyClicks(dialog.password1Edit(), password1);
        QTest::keyClick(dialog.password1Edit(), Qt::Key_Tab);
        QVERIFY(dialog.password2Edit()->hasFocus());
        QTest::keyClicks(dialog.password2Edit(), password2);
        QTest::keyClick(dialog.password2Edit(), Qt::Key_Return);
    }
    // Whether `error` sits in the same grid row as `edit`, to its right.
    static bool besides(QLabel *error, QLineEdit *edit)
    {
        auto *grid = qobject_cast<QGridLayout *>(edit->parentWidget()->layout()->itemAt(2)->layout());
        if (!grid || grid->indexOf(error) < 0 || grid->indexOf(edit) < 0)
            return false;
        int errorRow, errorColumn, editRow, editColumn, span;
        grid->getItemPosition(grid->indexOf(error), &errorRow, &errorColumn, &span, &span);
        grid->getItemPosition(grid->indexOf(edit), &editRow, &editColumn, &span, &span);
        return errorRow == editRow && errorColumn > editColumn && error->geometry().left() > edit->geometry().right();
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000); // fast; the hasher suite covers 600000
        PasswordValidation::setValidators(PasswordValidation::defaultValidators());
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init()
    {
        m_db.resetTables();
        UserService::createSuperuser("root", "root@example.com", "Root-passw0rd-1");
        UserService::createUser("ann", "ann@example.com", "Old-passw0rd-1", {{"first_name", "Ann"}});
    }

    void errorsBesideTheFieldsThenSuccess()
    {
        const QString before = storedHash();
        ChangePasswordDialog dialog(ann(), root());
        QSignalSpy changed(&dialog, &ChangePasswordDialog::passwordChanged);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), QString("Change password: ann"));
        QCOMPARE(dialog.password1Edit()->echoMode(), QLineEdit::Password);
        QCOMPARE(dialog.password2Edit()->echoMode(), QLineEdit::Password);
        QCOMPARE(dialog.changeButton()->accessibleName(), QString("Change password"));

        typeAndEnter(dialog, "Brand-new-Passw0rd", "Brand-new-Passw0rd-typo");
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.errorLabel("password2")->isVisible());
        QCOMPARE(dialog.errorLabel("password2")->text(), QString::fromUtf8("The two password fields didn\u2019t match."));
        QVERIFY(!dialog.errorLabel("password1")->isVisible());
        QVERIFY(besides(dialog.errorLabel("password2"), dialog.password2Edit()));
        QCOMPARE(dialog.nonFieldErrorLabel()->text(), QString("Please correct the error below."));
        QVERIFY(dialog.password2Edit()->hasFocus());

        typeAndEnter(dialog, "", "12345678");     // required, and two validators at once
        QCOMPARE(dialog.errorLabel("password1")->text(), QString("This field is required."));
        QCOMPARE(dialog.errorLabel("password2")->text(),
                 QString("This password is too common.\nThis password is entirely numeric."));
        QCOMPARE(dialog.nonFieldErrorLabel()->text(), QString("Please correct the errors below."));
        QVERIFY(besides(dialog.errorLabel("password1"), dialog.password1Edit()));
        QVERIFY(dialog.password1Edit()->hasFocus());

        typeAndEnter(dialog, "ann@example", "ann@example");
        QCOMPARE(dialog.errorLabel("password2")->text(), QString("The password is too similar to the email address."));
        QVERIFY(!dialog.errorLabel("password1")->isVisible());
        QCOMPARE(storedHash(), before);
        QCOMPARE(changed.count(), 0);

        typeAndEnter(dialog, "Brand-new-Passw0rd", "Brand-new-Passw0rd");
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(changed.count(), 1);
        const QString after = storedHash();
        QVERIFY(after != before);
        QVERIFY(Passwords::verifyPassword("Brand-new-Passw0rd", after).correct);
        QCOMPARE(dialog.user().value("password").toString(), after);
        QCOMPARE(LogEntry::changeMessageText(LogEntry::history(ann()).last()), QString("Changed password."));
    }

    void cancelChangesNothing()
    {
        const QString before = storedHash();
        ChangePasswordDialog dialog(ann(), root());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.password1Edit(), "Brand-new-Passw0rd");
        QTest::keyClick(dialog.password1Edit(), Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(storedHash(), before);
    }

    void withoutPermission()
    {
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, "default", 0);
        Model clerk = UserService::createUser("clerk", "", "Clerk-passw0rd-1", {{"is_staff", true}});
        clerk.manyRelated("user_permissions").add(QList<Model>{Permissions::get("auth.view_user")});
        ChangePasswordDialog dialog(ann(), AdminUser(clerk));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.changeButton()->isEnabled());
        QVERIFY(!dialog.password1Edit()->isEnabled());
        QVERIFY(dialog.nonFieldErrorLabel()->isVisible());
        QVERIFY(dialog.nonFieldErrorLabel()->text().contains("auth.change_user"));
        const QString before = storedHash();
        QVERIFY(!dialog.tryChange());              // even called directly: refused
        QCOMPARE(storedHash(), before);

        ReadOnlyPasswordHashWidget widget(ann(), AdminUser(clerk));
        QVERIFY(!widget.changeButton()->isEnabled());
        QVERIFY(widget.changeButton()->toolTip().contains("auth.change_user"));
    }

    void summaryWidgetOpensTheDialog()
    {
        ReadOnlyPasswordHashWidget widget(ann(), root());
        QSignalSpy changed(&widget, &ReadOnlyPasswordHashWidget::passwordChanged);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        const QString before = storedHash();
        QCOMPARE(widget.summaryLabel()->text(), PasswordHashSummary::html(before));
        QVERIFY(!widget.summaryLabel()->text().contains(PBKDF2PasswordHasher::decode(before)->hash));
        QCOMPARE(widget.changeButton()->accessibleName(), QString("Change password\u2026"));
        QVERIFY(widget.changeButton()->isEnabled());

        QTest::mouseClick(widget.changeButton(), Qt::LeftButton);
        ChangePasswordDialog *dialog = widget.dialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->isModal());
        typeAndEnter(*dialog, "Brand-new-Passw0rd", "Brand-new-Passw0rd");
        QCOMPARE(changed.count(), 1);
        QTRY_VERIFY(!widget.dialog());             // closed and deleted
        const QString after = storedHash();
        QVERIFY(after != before);
        QCOMPARE(widget.summaryLabel()->text(), PasswordHashSummary::html(after));
        QCOMPARE(changed.first().first().value<Model>().value("password").toString(), after);
    }

    // A user's record form shows the summary and the button in place of the
    // hash; a password changed there neither conflicts with nor loses the
    // form's unsaved edits.
    void recordForm()
    {
        const ModelMeta &userMeta = UserService::userMeta();
        ChangeFormPage adding(userMeta, AuthAdmin::userAdmin(), root());
        QVERIFY(!adding.findChild<ReadOnlyPasswordHashWidget *>());

        ChangeFormPage page(userMeta, AuthAdmin::userAdmin(), root(), ann().pk());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *widget = page.findChild<ReadOnlyPasswordHashWidget *>();
        QVERIFY(widget);
        const QString before = storedHash();
        QCOMPARE(widget->summaryLabel()->text(), PasswordHashSummary::html(before));
        const QList<QLabel *> labels = page.findChildren<QLabel *>();
        for (const QLabel *label : labels)
            QVERIFY2(!label->text().contains(PBKDF2PasswordHasher::decode(before)->hash), qPrintable(label->objectName()));
        auto *button = page.findChild<QPushButton *>("changePasswordButton");
        QVERIFY(button && button->isEnabled());
        QCOMPARE(button->accessibleName(), QString("Change password\u2026"));

        auto *firstName = qobject_cast<QLineEdit *>(page.editor("first_name"));
        QVERIFY(firstName);
        firstName->setText("Annie");             // an unsaved edit
        QTest::mouseClick(button, Qt::LeftButton);
        ChangePasswordDialog *dialog = widget->dialog();
        QVERIFY(dialog);
        // The offscreen platform leaves the page active; a window manager activates the new dialog.
        dialog->activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), dialog);
        typeAndEnter(*dialog, "Brand-new-Passw0rd", "Brand-new-Passw0rd");
        QTRY_VERIFY(!widget->dialog());
        const QString after = storedHash();
        QVERIFY(after != before);
        QCOMPARE(widget->summaryLabel()->text(), PasswordHashSummary::html(after));
        QCOMPARE(firstName->text(), QString("Annie"));
        QVERIFY(page.isDirty());

        QVERIFY(page.saveAndContinue());        // no "changed by someone else"
        const Model saved = ann();
        QCOMPARE(saved.value("first_name").toString(), QString("Annie"));
        QCOMPARE(saved.value("password").toString(), after);
        QVERIFY(Passwords::verifyPassword("Brand-new-Passw0rd", after).correct);
    }

    void unusablePasswordSummary()
    {
        Model user = ann();
        UserService::setUnusablePassword(user);
        user.save();
        ReadOnlyPasswordHashWidget widget(ann(), root());
        QCOMPARE(widget.summaryLabel()->text(), QString("<strong>No password set.</strong>"));
    }
};

QTEST_MAIN(TestChangePasswordDialog)
#include "tst_changepassworddialog.moc"
