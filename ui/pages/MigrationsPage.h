#pragma once
#include "ui/dialogs/MigrationProgressDialog.h"
#include "ui/dialogs/MigrationSqlDialog.h"
#include "views/admin/MigrationRunner.h"
#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace quango {

// The admin's migrations page: per app its migrations, applied or not, with
// their operations; Migrate (with a progress dialog fed step by step),
// Revert to the selected migration (the app row: "zero") after a
// confirmation, View SQL, Dry run, Check drift and, for development trees,
// Make migrations. Results go to the text area under the tree. The logic is
// MigrationRunner's.
class MigrationsPage : public QWidget {
    Q_OBJECT

public:
    using Asker = MigrationProgressDialog::Asker;

    explicit MigrationsPage(const Registry &registry, QWidget *parent = nullptr);

    // Folders like `makemigrations --migrations-dir`: read before the apps'
    // own migrations, and where Make migrations writes. Without them the
    // button is disabled and its tooltip says why.
    void setMigrationsDirs(const QStringList &dirs);
    void setAsker(Asker asker) { m_asker = std::move(asker); }

    MigrationRunner &runner() { return m_runner; }
    QTreeWidget *tree() const { return m_tree; }
    QPlainTextEdit *output() const { return m_output; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *migrateButton() const { return m_migrate; }
    QPushButton *revertButton() const { return m_revert; }
    QPushButton *sqlButton() const { return m_sql; }
    QPushButton *dryRunButton() const { return m_dryRun; }
    QPushButton *driftButton() const { return m_drift; }
    QPushButton *makeMigrationsButton() const { return m_makeMigrations; }
    // The dialogs last opened (null before, or once closed).
    MigrationProgressDialog *progressDialog() const { return m_progress; }
    MigrationSqlDialog *sqlDialog() const { return m_sqlDialog; }
    // The tree row of a migration, or of an app when `name` is empty.
    QTreeWidgetItem *item(const QString &appLabel, const QString &name = {}) const;

public Q_SLOTS:
    // Reads the migrations and django_migrations again.
    void refresh();
    void migrate();
    void revertToSelected();
    void viewSql();
    void dryRun();
    void checkDrift();
    void makeMigrations();

Q_SIGNALS:
    // The database schema changed (after Migrate or Revert, also a partial one).
    void migrated();

private:
    // The selected app (name empty) or migration; false when nothing is selected.
    bool selectedKey(MigrationKey &key) const;
    void updateButtons();
    // Runs `job` (a migrate) with the progress dialog; reports in the output.
    void runWithProgress(const QString &title, const std::function<MigrationRunner::Result()> &job);
    void report(const QString &heading, const QString &text);
    QMessageBox::StandardButton ask(QMessageBox &box);

    MigrationRunner m_runner;
    Asker m_asker;
    QLabel *m_summary;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_output;
    QPushButton *m_migrate, *m_revert, *m_sql, *m_dryRun, *m_drift, *m_makeMigrations;
    QPointer<MigrationProgressDialog> m_progress;
    QPointer<MigrationSqlDialog> m_sqlDialog;
    int m_pending = 0;
};

} // namespace quango
