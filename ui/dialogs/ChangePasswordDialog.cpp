#include "ui/dialogs/ChangePasswordDialog.h"
#include "orm/Exceptions.h"
#include "ui/Style.h"
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quango {

namespace {

QLabel *errorLabelFor(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("error_") + name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    Style::apply(label, Style::Role::Error);
    label->hide();
    return label;
}

QLineEdit *passwordEdit(const QString &name, const QString &label, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setAccessibleName(label);
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

} // namespace

ChangePasswordDialog::ChangePasswordDialog(const Model &user, const AdminUser &admin, QWidget *parent)
    : QDialog(parent), m_form(user, admin),
      m_password1(passwordEdit(QStringLiteral("password1"), AdminPasswordChangeForm::password1Label(), this)),
      m_password2(passwordEdit(QStringLiteral("password2"), AdminPasswordChangeForm::password2Label(), this)),
      m_error1(errorLabelFor(QStringLiteral("password1"), this)), m_error2(errorLabelFor(QStringLiteral("password2"), this)),
      m_nonFieldErrors(errorLabelFor(QStringLiteral("__all__"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)),
      m_change(m_buttons->button(QDialogButtonBox::Ok))
{
    setObjectName(QStringLiteral("changePasswordDialog"));
    const QString username = user.str();
    setWindowTitle(tr("Change password: %1").arg(username));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Enter a new password for the user <strong>%1</strong>.").arg(username.toHtmlEscaped()), this);
    intro->setObjectName(QStringLiteral("intro"));
    layout->addWidget(intro);
    m_nonFieldErrors->setAccessibleName(tr("Errors"));
    layout->addWidget(m_nonFieldErrors);

    // Label | field | its errors, one row per password; help texts under the fields.
    auto *grid = new QGridLayout;
    auto addRow = [&](int row, const QString &text, QLineEdit *edit, QLabel *error, const QString &help) {
        auto *label = new QLabel(text + QLatin1Char(':'), this);
        QFont bold = label->font();
        bold.setBold(true); // required, as Django marks it
        label->setFont(bold);
        label->setBuddy(edit);
        error->setAccessibleName(tr("%1 errors").arg(text));
        grid->addWidget(label, row, 0);
        grid->addWidget(edit, row, 1);
        grid->addWidget(error, row, 2);
        auto *helpLabel = new QLabel(help, this);
        helpLabel->setObjectName(QStringLiteral("help_") + edit->objectName());
        helpLabel->setWordWrap(true);
        Style::apply(helpLabel, Style::Role::Help);
        grid->addWidget(helpLabel, row + 1, 1, 1, 2);
    };
    addRow(0, AdminPasswordChangeForm::password1Label(), m_password1, m_error1, m_form.password1HelpText());
    addRow(2, AdminPasswordChangeForm::password2Label(), m_password2, m_error2, AdminPasswordChangeForm::password2HelpText());
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    layout->addLayout(grid);

    m_change->setText(tr("Change password"));
    m_change->setAccessibleName(tr("Change password"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::tryChange);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (!m_form.isPermitted()) {
        // Django answers 403 before showing the form; here the refusal is the form.
        m_nonFieldErrors->setText(m_form.permissionError());
        m_nonFieldErrors->show();
        m_password1->setEnabled(false);
        m_password2->setEnabled(false);
        m_change->setEnabled(false);
    }
    m_password1->setFocus();
}

QLabel *ChangePasswordDialog::errorLabel(const QString &name) const
{
    if (name == QLatin1String("password1"))
        return m_error1;
    if (name == QLatin1String("password2"))
        return m_error2;
    return nullptr;
}

bool ChangePasswordDialog::tryChange()
{
    bool saved = false;
    try {
        saved = m_form.save(m_password1->text(), m_password2->text());
    } catch (const Error &error) { // DatabaseError, the user deleted meanwhile: shown, never across the slot
        showErrors();
        m_nonFieldErrors->setText(error.message());
        m_nonFieldErrors->show();
        return false;
    }
    if (!saved) {
        showErrors();
        (m_form.fieldErrors(QStringLiteral("password1")).isEmpty() ? m_password2 : m_password1)->setFocus();
        return false;
    }
    m_password1->clear();
    m_password2->clear();
    showErrors();
    Q_EMIT passwordChanged(m_form.user());
    accept();
    return true;
}

void ChangePasswordDialog::showErrors()
{
    const auto show = [](QLabel *label, const QStringList &messages) {
        label->setText(messages.join(QLatin1Char('\n')));
        label->setVisible(!messages.isEmpty());
    };
    show(m_error1, m_form.fieldErrors(QStringLiteral("password1")));
    show(m_error2, m_form.fieldErrors(QStringLiteral("password2")));
    QStringList top = m_form.nonFieldErrors();
    // Django's errornote counts the fields with errors.
    const int fields = int(m_form.errors().size());
    if (fields > 0)
        top.prepend(fields == 1 ? tr("Please correct the error below.") : tr("Please correct the errors below."));
    show(m_nonFieldErrors, top);
}

} // namespace quango
