#pragma once
#include "orm/Model.h"
#include "views/admin/AdminUser.h"
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;

namespace quango {

class ChangePasswordDialog;

// What a user's record form shows for the password field (Django's
// ReadOnlyPasswordHashWidget): the hash summary, never the hash, and a
// "Change password…" button opening ChangePasswordDialog, enabled only for an
// admin with the change permission on users.
class ReadOnlyPasswordHashWidget : public QWidget {
    Q_OBJECT

public:
    // Who the admin is, asked when the widget is shown and when the button is
    // pressed: a record form may learn its user after building its widgets.
    using AdminSource = std::function<AdminUser()>;

    ReadOnlyPasswordHashWidget(const Model &user, const AdminUser &admin, QWidget *parent = nullptr);
    ReadOnlyPasswordHashWidget(const Model &user, AdminSource admin, QWidget *parent = nullptr);

    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *changeButton() const { return m_change; }
    // The open dialog, if any.
    ChangePasswordDialog *dialog() const { return m_dialog; }

public Q_SLOTS:
    // Opens the dialog (window-modal, not blocking) and returns it.
    ChangePasswordDialog *openDialog();

Q_SIGNALS:
    // The new hash is saved; `user` is the row as stored now.
    void passwordChanged(const Model &user);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showSummary();
    // Enables the button for an admin who may change users, says why not otherwise.
    void updateButton();

    Model m_user;
    AdminSource m_admin;
    QLabel *m_summary;
    QPushButton *m_change;
    ChangePasswordDialog *m_dialog = nullptr;
};

} // namespace quango
