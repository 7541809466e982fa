#pragma once
#include "views/admin/MigrationRunner.h"
#include <QDialog>
#include <QMessageBox>
#include <functional>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace quango {

// Follows a migrate (or a dry run) step by step: a progress bar over the
// plan, the step running, and a log like `migrate`'s ("Applying
// blog.0001_initial... OK"). The work runs on the GUI thread inside run();
// the dialog repaints between steps. It closes by itself when all went well
// and stays open with the error when a migration failed.
class MigrationProgressDialog : public QDialog {
    Q_OBJECT

public:
    // Shows a question and returns the button chosen. The default runs the
    // box modally; tests put an answer in its place.
    using Asker = std::function<QMessageBox::StandardButton(QMessageBox &box)>;

    MigrationProgressDialog(MigrationRunner &runner, const QString &title, QWidget *parent = nullptr);

    // Shows the dialog, runs `job` (which drives `runner`), and logs its
    // outcome. Exceptions from the job (problems found before anything ran)
    // become the error in the log and in the returned text; never thrown.
    // Returns the job's report.
    QString run(const std::function<QString(bool &ok)> &job);
    bool succeeded() const { return m_ok; }

    QProgressBar *progressBar() const { return m_bar; }
    QPlainTextEdit *log() const { return m_log; }
    QPushButton *closeButton() const { return m_close; }

    // At start-up: when the database has unapplied migrations, asks "This
    // database has N unapplied migrations. Apply them now?" and applies them
    // with this dialog. Returns true when nothing is left to apply afterwards
    // (none pending, or all applied); false when declined or failed (after
    // saying which migration failed and why). `asker` answers the questions
    // in tests; `dirs` are MigrationRunner::setMigrationsDirs's.
    static bool offerToMigrate(QWidget *parent, const Registry &registry, const QString &alias = QStringLiteral("default"),
                               const Asker &asker = {}, const QStringList &dirs = {});

private:
    void onPlanStarted(int steps);
    void onStepStarted(const QString &label, bool backwards, int index, int steps);
    void onStepFinished(const QString &label, bool backwards, qint64 elapsedMs);
    void onStepFailed(const QString &label, const QString &error);
    void append(const QString &text);

    QLabel *m_current;
    QProgressBar *m_bar;
    QPlainTextEdit *m_log;
    QPushButton *m_close;
    bool m_ok = false;
};

} // namespace quango
