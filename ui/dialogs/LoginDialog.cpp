#include "ui/dialogs/LoginDialog.h"
#include "views/admin/AdminLogin.h"
#include "ui/Style.h"
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quango {

LoginDialog::LoginDialog(const QString &databaseLabel, QWidget *parent)
    : QDialog(parent), m_username(new QLineEdit(this)), m_password(new QLineEdit(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Log in | Quango administration"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Quango administration</h2>"), this);
    layout->addWidget(title);
    auto *database = new QLabel(tr("Database: %1").arg(databaseLabel.toHtmlEscaped()), this);
    database->setObjectName(QStringLiteral("databaseLabel"));
    layout->addWidget(database);

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Login error"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    Style::apply(m_error, Style::Role::Error);
    m_error->hide();
    layout->addWidget(m_error);

    auto *form = new QFormLayout;
    m_username->setObjectName(QStringLiteral("username"));
    m_username->setAccessibleName(tr("Username"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Username:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Log in"));
    layout->addWidget(m_buttons);
    // Enter in either field presses the default button, which is "Log in".
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::tryLogin);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_username->setFocus();
    // A fresh database: say how to get in instead of refusing every attempt.
    if (!AdminLogin::hasStaff())
        showError(AdminLogin::noStaffMessage());
}

void LoginDialog::tryLogin()
{
    const QString username = m_username->text();
    if (username.isEmpty() || m_password->text().isEmpty()) {
        // Django's required-field errors, before any authentication attempt.
        showError(tr("Please enter a username and a password."));
        (username.isEmpty() ? m_username : m_password)->setFocus();
        return;
    }
    const AdminLogin::Result result = AdminLogin::login(username, m_password->text());
    m_password->clear();
    if (!result.ok()) {
        showError(result.error);
        m_password->setFocus();
        return;
    }
    m_user = result.user;
    m_error->hide();
    accept();
}

void LoginDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

} // namespace quango
