#include "ui/dialogs/MigrationProgressDialog.h"
#include "orm/Exceptions.h"
#include <QCoreApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTextDocument>
#include <QVBoxLayout>

namespace quango {

MigrationProgressDialog::MigrationProgressDialog(MigrationRunner &runner, const QString &title, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(title);
    setObjectName(QStringLiteral("migrationProgressDialog"));
    auto *layout = new QVBoxLayout(this);
    m_current = new QLabel(tr("Preparing..."), this);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 0);
    m_bar->setAccessibleName(tr("Migration progress"));
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setAccessibleName(tr("Migration log"));
    m_close = new QPushButton(tr("Close"), this);
    m_close->setEnabled(false);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_close);
    layout->addWidget(m_current);
    layout->addWidget(m_bar);
    layout->addWidget(m_log, 1);
    layout->addLayout(buttons);
    resize(560, 340);

    connect(&runner, &MigrationRunner::planStarted, this, &MigrationProgressDialog::onPlanStarted);
    connect(&runner, &MigrationRunner::stepStarted, this, &MigrationProgressDialog::onStepStarted);
    connect(&runner, &MigrationRunner::stepFinished, this, &MigrationProgressDialog::onStepFinished);
    connect(&runner, &MigrationRunner::stepFailed, this, &MigrationProgressDialog::onStepFailed);
}

QString MigrationProgressDialog::run(const std::function<QString(bool &ok)> &job)
{
    show();
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    QString report;
    m_ok = false;
    try {
        report = job(m_ok);
    } catch (const Error &e) {
        report = tr("Nothing was run: %1").arg(e.message());
    }
    m_bar->setRange(0, std::max(1, m_bar->maximum()));
    if (m_ok)
        m_bar->setValue(m_bar->maximum());
    m_current->setText(m_ok ? tr("Done.") : tr("Failed: the database is as it was before the failing step."));
    append(QString());
    append(report);
    m_close->setEnabled(true);
    m_close->setFocus();
    if (m_ok)
        accept();
    return report;
}

void MigrationProgressDialog::onPlanStarted(int steps)
{
    m_bar->setRange(0, std::max(1, steps));
    m_bar->setValue(0);
    if (steps == 0)
        m_current->setText(tr("No migrations to apply."));
}

void MigrationProgressDialog::onStepStarted(const QString &label, bool backwards, int index, int steps)
{
    const QString verb = backwards ? tr("Unapplying %1") : tr("Applying %1");
    m_current->setText(tr("%1 (%2 of %3)").arg(verb.arg(label)).arg(index + 1).arg(steps));
    m_log->moveCursor(QTextCursor::End);
    m_log->insertPlainText((m_log->document()->isEmpty() ? QString() : QStringLiteral("\n")) + verb.arg(label) + QStringLiteral("..."));
    // The executor runs on this thread: let the dialog paint between steps.
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
}

void MigrationProgressDialog::onStepFinished(const QString &, bool, qint64 elapsedMs)
{
    m_log->moveCursor(QTextCursor::End);
    m_log->insertPlainText(tr(" OK (%1 ms)").arg(elapsedMs));
    m_bar->setValue(m_bar->value() + 1);
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
}

void MigrationProgressDialog::onStepFailed(const QString &label, const QString &error)
{
    m_log->moveCursor(QTextCursor::End);
    m_log->insertPlainText(tr(" FAILED"));
    append(tr("%1 was rolled back: %2").arg(label, error));
}

void MigrationProgressDialog::append(const QString &text)
{
    m_log->appendPlainText(text);
    m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
}

bool MigrationProgressDialog::offerToMigrate(QWidget *parent, const Registry &registry, const QString &alias, const Asker &asker,
                                             const QStringList &dirs)
{
    const auto ask = [&asker](QMessageBox &box) { return asker ? asker(box) : QMessageBox::StandardButton(box.exec()); };
    MigrationRunner runner(registry, alias);
    runner.setMigrationsDirs(dirs);
    QList<MigrationRunner::PlannedStep> plan;
    try {
        plan = runner.pendingPlan();
    } catch (const Error &e) {
        QMessageBox box(QMessageBox::Critical, tr("Migrations"), tr("The migrations cannot be read: %1").arg(e.message()), QMessageBox::Ok, parent);
        ask(box);
        return false;
    }
    if (plan.isEmpty())
        return true;
    QStringList labels;
    for (const MigrationRunner::PlannedStep &step : std::as_const(plan))
        labels << step.label();
    QMessageBox question(QMessageBox::Question, tr("Unapplied migrations"),
                         plan.size() == 1 ? tr("This database has 1 unapplied migration. Apply it now?")
                                          : tr("This database has %1 unapplied migrations. Apply them now?").arg(plan.size()),
                         QMessageBox::Yes | QMessageBox::No, parent);
    question.setDetailedText(labels.join(QLatin1Char('\n')));
    question.setDefaultButton(QMessageBox::Yes);
    if (ask(question) != QMessageBox::Yes)
        return false;
    MigrationProgressDialog dialog(runner, tr("Applying migrations"), parent);
    const QString report = dialog.run([&runner](bool &ok) {
        const MigrationRunner::Result result = runner.migrate();
        ok = result.ok();
        return result.text();
    });
    if (dialog.succeeded())
        return true;
    dialog.hide();
    QMessageBox failed(QMessageBox::Critical, tr("Migration failed"), report, QMessageBox::Ok, parent);
    ask(failed);
    return false;
}

} // namespace quango
