#pragma once
#include "views/admin/AdminUser.h"
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace quango {

// Django admin's login page as a dialog: username, password, "Log in".
// Accepted only when AdminLogin lets the user in; a refusal stays in the
// dialog as a message above the fields, the password cleared for the next try.
class LoginDialog : public QDialog {
    Q_OBJECT

public:
    // `databaseLabel` says which database the user logs into.
    explicit LoginDialog(const QString &databaseLabel, QWidget *parent = nullptr);

    // The logged-in user once the dialog is accepted.
    const AdminUser &user() const { return m_user; }
    QLineEdit *usernameEdit() const { return m_username; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLabel *errorLabel() const { return m_error; }
    QDialogButtonBox *buttons() const { return m_buttons; }

public Q_SLOTS:
    // "Log in": checks the fields through AdminLogin.
    void tryLogin();

private:
    void showError(const QString &message);

    AdminUser m_user;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace quango
