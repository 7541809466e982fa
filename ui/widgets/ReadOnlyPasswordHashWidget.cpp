#include "ui/widgets/ReadOnlyPasswordHashWidget.h"
#include "ui/dialogs/ChangePasswordDialog.h"
#include "views/admin/AdminPasswordChangeForm.h"
#include "views/admin/PasswordHashSummary.h"
#include "ui/Style.h"
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace quango {

ReadOnlyPasswordHashWidget::ReadOnlyPasswordHashWidget(const Model &user, const AdminUser &admin, QWidget *parent)
    : ReadOnlyPasswordHashWidget(user, AdminSource([admin] { return admin; }), parent)
{
}

ReadOnlyPasswordHashWidget::ReadOnlyPasswordHashWidget(const Model &user, AdminSource admin, QWidget *parent)
    : QWidget(parent), m_user(user), m_admin(std::move(admin)), m_summary(new QLabel(this)), m_change(new QPushButton(tr("Change password\u2026"), this))
{
    setObjectName(QStringLiteral("passwordHash"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_summary->setObjectName(QStringLiteral("passwordSummary"));
    m_summary->setAccessibleName(tr("Password"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    row->addWidget(m_summary, 1);
    m_change->setObjectName(QStringLiteral("changePasswordButton"));
    m_change->setAccessibleName(tr("Change password\u2026"));
    row->addWidget(m_change);
    layout->addLayout(row);
    auto *help = new QLabel(PasswordHashSummary::helpText(), this);
    help->setObjectName(QStringLiteral("passwordHelp"));
    help->setWordWrap(true);
    Style::apply(help, Style::Role::Help);
    layout->addWidget(help);

    connect(m_change, &QPushButton::clicked, this, &ReadOnlyPasswordHashWidget::openDialog);
    showSummary();
    updateButton();
}

void ReadOnlyPasswordHashWidget::showEvent(QShowEvent *event)
{
    updateButton();
    QWidget::showEvent(event);
}

void ReadOnlyPasswordHashWidget::updateButton()
{
    const AdminPasswordChangeForm form(m_user, m_admin ? m_admin() : AdminUser());
    m_change->setEnabled(form.isPermitted());
    m_change->setToolTip(form.permissionError());
}

void ReadOnlyPasswordHashWidget::showSummary()
{
    m_summary->setText(PasswordHashSummary::html(m_user.value(QStringLiteral("password")).toString()));
}

ChangePasswordDialog *ReadOnlyPasswordHashWidget::openDialog()
{
    if (m_dialog)
        return m_dialog;
    updateButton();
    // The dialog itself refuses an admin without the permission, and says why.
    m_dialog = new ChangePasswordDialog(m_user, m_admin ? m_admin() : AdminUser(), this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ChangePasswordDialog::passwordChanged, this, [this](const Model &saved) {
        m_user = saved;
        showSummary();
        Q_EMIT passwordChanged(saved);
    });
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->open();
    return m_dialog;
}

} // namespace quango
