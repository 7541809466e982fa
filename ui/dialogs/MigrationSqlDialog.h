#pragma once
#include <QDialog>

class QPlainTextEdit;
class QRadioButton;

namespace quango {

// sqlmigrate in a window: the SQL of one migration, forwards or backwards,
// read-only in a monospace font so it can be read and copied.
class MigrationSqlDialog : public QDialog {
    Q_OBJECT

public:
    // `backwards` empty: the migration cannot be reversed (its reason in `backwardsError`).
    MigrationSqlDialog(const QString &migrationLabel, const QString &forwards, const QString &backwards, const QString &backwardsError,
                       QWidget *parent = nullptr);

    QPlainTextEdit *text() const { return m_text; }
    QRadioButton *forwardsButton() const { return m_forwardsButton; }
    QRadioButton *backwardsButton() const { return m_backwardsButton; }

private:
    QPlainTextEdit *m_text;
    QRadioButton *m_forwardsButton;
    QRadioButton *m_backwardsButton;
};

} // namespace quango
