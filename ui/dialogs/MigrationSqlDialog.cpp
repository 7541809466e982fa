#include "ui/dialogs/MigrationSqlDialog.h"
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace quango {

MigrationSqlDialog::MigrationSqlDialog(const QString &migrationLabel, const QString &forwards, const QString &backwards,
                                       const QString &backwardsError, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("SQL of %1").arg(migrationLabel));
    setObjectName(QStringLiteral("migrationSqlDialog"));
    auto *layout = new QVBoxLayout(this);
    auto *direction = new QHBoxLayout;
    m_forwardsButton = new QRadioButton(tr("&Forwards (migrate)"), this);
    m_backwardsButton = new QRadioButton(tr("&Backwards (revert)"), this);
    m_forwardsButton->setChecked(true);
    direction->addWidget(m_forwardsButton);
    direction->addWidget(m_backwardsButton);
    direction->addStretch();
    m_text = new QPlainTextEdit(this);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("SQL"));
    m_text->setPlainText(forwards);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addLayout(direction);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    const QString backwardsText = backwards.isEmpty() ? tr("-- This migration cannot be reverted: %1").arg(backwardsError) : backwards;
    connect(m_forwardsButton, &QRadioButton::toggled, this, [this, forwards, backwardsText](bool on) {
        m_text->setPlainText(on ? forwards : backwardsText);
    });
    resize(720, 480);
}

} // namespace quango
