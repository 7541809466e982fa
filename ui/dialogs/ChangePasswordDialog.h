#pragma once
#include "views/admin/AdminPasswordChangeForm.h"
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace quango {

// Django admin's "Change password: <user>" page as a dialog over
// AdminPasswordChangeForm: two password fields (no echo), each with its
// errors in a label beside it, "Change password" (Enter). Accepted once the
// new password is saved; an admin without the change permission on users
// sees why and cannot submit.
class ChangePasswordDialog : public QDialog {
    Q_OBJECT

public:
    ChangePasswordDialog(const Model &user, const AdminUser &admin, QWidget *parent = nullptr);

    // The user as saved, once accepted.
    const Model &user() const { return m_form.user(); }
    QLineEdit *password1Edit() const { return m_password1; }
    QLineEdit *password2Edit() const { return m_password2; }
    // "password1", "password2": the label beside that field showing its errors.
    QLabel *errorLabel(const QString &name) const;
    QLabel *nonFieldErrorLabel() const { return m_nonFieldErrors; }
    QPushButton *changeButton() const { return m_change; }

public Q_SLOTS:
    // "Change password": validates, saves and accepts; errors stay in the dialog.
    bool tryChange();

Q_SIGNALS:
    void passwordChanged(const Model &user);

private:
    void showErrors();

    AdminPasswordChangeForm m_form;
    QLineEdit *m_password1;
    QLineEdit *m_password2;
    QLabel *m_error1;
    QLabel *m_error2;
    QLabel *m_nonFieldErrors;
    QDialogButtonBox *m_buttons;
    QPushButton *m_change;
};

} // namespace quango
