#include "ui/pages/MigrationsPage.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "ui/dialogs/MigrationSqlDialog.h"
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quango {

namespace {
constexpr int AppRole = Qt::UserRole;
constexpr int NameRole = Qt::UserRole + 1;
} // namespace

MigrationsPage::MigrationsPage(const Registry &registry, QWidget *parent) : QWidget(parent), m_runner(registry)
{
    setObjectName(QStringLiteral("migrationsPage"));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Migration"), tr("State"), tr("Operations")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setAccessibleName(tr("Migrations by app"));
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *buttons = new QHBoxLayout;
    const auto button = [this, buttons](const QString &text, const QString &tip, void (MigrationsPage::*slot)()) {
        auto *b = new QPushButton(text, this);
        b->setToolTip(tip);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        return b;
    };
    m_migrate = button(tr("&Migrate"), tr("Apply every unapplied migration"), &MigrationsPage::migrate);
    m_revert = button(tr("&Revert to selected"),
                      tr("Unapply the migrations after the selected one (select an app to unapply all of its migrations)"),
                      &MigrationsPage::revertToSelected);
    m_sql = button(tr("View &SQL"), tr("The SQL of the selected migration, forwards and backwards"), &MigrationsPage::viewSql);
    m_dryRun = button(tr("&Dry run"), tr("Apply the unapplied migrations to a copy of the database and report what happens"),
                      &MigrationsPage::dryRun);
    m_drift = button(tr("Check dri&ft"), tr("Compare the live schema with the applied migrations and the models"), &MigrationsPage::checkDrift);
    m_makeMigrations = button(tr("Ma&ke migrations"), QString(), &MigrationsPage::makeMigrations);
    buttons->addStretch();
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &MigrationsPage::refresh);
    buttons->addWidget(refreshButton);

    m_output = new QPlainTextEdit(this);
    m_output->setReadOnly(true);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setAccessibleName(tr("Results"));
    m_output->setPlaceholderText(tr("Results of Migrate, Dry run, Check drift and Make migrations appear here."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_output);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &MigrationsPage::updateButtons);
    setMigrationsDirs({});
}

void MigrationsPage::setMigrationsDirs(const QStringList &dirs)
{
    m_runner.setMigrationsDirs(dirs);
    m_makeMigrations->setToolTip(m_runner.canMakeMigrations()
                                     ? tr("Write migrations for the models' changes into %1").arg(dirs.join(QStringLiteral(", ")))
                                     : m_runner.makeMigrationsUnavailableReason());
    refresh();
}

QMessageBox::StandardButton MigrationsPage::ask(QMessageBox &box)
{
    return m_asker ? m_asker(box) : QMessageBox::StandardButton(box.exec());
}

QTreeWidgetItem *MigrationsPage::item(const QString &appLabel, const QString &name) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *app = m_tree->topLevelItem(i);
        if (app->data(0, AppRole).toString() != appLabel)
            continue;
        if (name.isEmpty())
            return app;
        for (int j = 0; j < app->childCount(); ++j)
            if (app->child(j)->data(0, NameRole).toString() == name)
                return app->child(j);
    }
    return nullptr;
}

void MigrationsPage::refresh()
{
    MigrationKey selected;
    const bool hadSelection = selectedKey(selected);
    QSet<QString> expanded;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->isExpanded())
            expanded.insert(m_tree->topLevelItem(i)->data(0, AppRole).toString());
    const bool first = m_tree->topLevelItemCount() == 0;
    m_tree->clear();
    m_pending = 0;
    try {
        int total = 0;
        for (const MigrationRunner::AppMigrations &app : m_runner.status()) {
            auto *appItem = new QTreeWidgetItem(m_tree);
            appItem->setData(0, AppRole, app.appLabel);
            appItem->setText(0, app.appLabel);
            appItem->setToolTip(0, app.verboseName);
            int applied = 0;
            for (const MigrationRunner::MigrationInfo &info : app.migrations) {
                auto *item = new QTreeWidgetItem(appItem);
                item->setData(0, AppRole, app.appLabel);
                item->setData(0, NameRole, info.key.second);
                item->setText(0, info.key.second);
                item->setToolTip(0, info.path);
                item->setText(1, info.applied ? tr("Applied") : tr("Not applied"));
                item->setText(2, info.operations.join(QStringLiteral("; ")));
                item->setToolTip(2, info.operations.join(QLatin1Char('\n')));
                if (!info.applied)
                    item->setForeground(1, palette().brush(QPalette::Disabled, QPalette::Text));
                for (const QString &operation : info.operations) {
                    auto *opItem = new QTreeWidgetItem(item);
                    opItem->setData(0, AppRole, app.appLabel);
                    opItem->setData(0, NameRole, info.key.second);
                    opItem->setText(2, operation);
                }
                applied += info.applied ? 1 : 0;
            }
            total += int(app.migrations.size());
            m_pending += int(app.migrations.size()) - applied;
            appItem->setText(1, app.migrations.isEmpty() ? tr("No migrations") : tr("%1 of %2 applied").arg(applied).arg(app.migrations.size()));
            appItem->setExpanded(first ? applied < app.migrations.size() : expanded.contains(app.appLabel));
        }
        m_summary->setText(m_pending == 0 ? tr("All %1 migrations applied.").arg(total)
                                          : tr("%1 of %2 migrations not applied.").arg(m_pending).arg(total));
    } catch (const Error &e) {
        m_summary->setText(tr("The migrations cannot be read."));
        report(tr("Reading the migrations failed"), e.message());
    }
    if (hadSelection)
        if (QTreeWidgetItem *again = item(selected.first, selected.second))
            m_tree->setCurrentItem(again);
    updateButtons();
}

bool MigrationsPage::selectedKey(MigrationKey &key) const
{
    const QList<QTreeWidgetItem *> items = m_tree->selectedItems();
    if (items.isEmpty())
        return false;
    key = {items.first()->data(0, AppRole).toString(), items.first()->data(0, NameRole).toString()};
    return !key.first.isEmpty();
}

void MigrationsPage::updateButtons()
{
    MigrationKey key;
    const bool selected = selectedKey(key);
    m_migrate->setEnabled(m_pending > 0);
    m_dryRun->setEnabled(m_pending > 0);
    m_revert->setEnabled(selected);
    m_sql->setEnabled(selected && !key.second.isEmpty());
    m_makeMigrations->setEnabled(m_runner.canMakeMigrations());
}

void MigrationsPage::report(const QString &heading, const QString &text)
{
    m_output->setPlainText(heading + QLatin1Char('\n') + text);
}

void MigrationsPage::runWithProgress(const QString &title, const std::function<MigrationRunner::Result()> &job)
{
    if (m_progress)
        m_progress->deleteLater();
    m_progress = new MigrationProgressDialog(m_runner, title, this);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    bool ran = false;
    const QString text = m_progress->run([&job, &ran](bool &ok) {
        const MigrationRunner::Result result = job();
        ran = !result.done.isEmpty() || !result.failedMigration.isEmpty();
        ok = result.ok();
        return result.text();
    });
    report(title, text);
    refresh();
    if (ran)
        Q_EMIT migrated();
}

void MigrationsPage::migrate()
{
    runWithProgress(tr("Migrate"), [this] { return m_runner.migrate(); });
}

void MigrationsPage::revertToSelected()
{
    MigrationKey target;
    if (!selectedKey(target))
        return;
    const QString where = target.second.isEmpty() ? tr("%1 to zero (no migration applied)").arg(target.first)
                                                  : tr("%1 to %2").arg(target.first, target.second);
    QList<MigrationRunner::PlannedStep> plan;
    try {
        plan = m_runner.planTo(target);
    } catch (const Error &e) {
        report(tr("Revert %1").arg(where), e.message());
        return;
    }
    if (plan.isEmpty()) {
        report(tr("Revert %1").arg(where), tr("Nothing to do: the database is already there."));
        return;
    }
    QStringList lines;
    for (const MigrationRunner::PlannedStep &step : std::as_const(plan))
        lines << (step.backwards ? tr("Unapply %1") : tr("Apply %1")).arg(step.label());
    QMessageBox box(QMessageBox::Warning, tr("Revert migrations"),
                    tr("Migrate %1? This will:\n%2\n\nData in the tables and columns these migrations remove is lost.")
                        .arg(where, lines.join(QLatin1Char('\n'))),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Cancel);
    if (ask(box) != QMessageBox::Yes) {
        report(tr("Revert %1").arg(where), tr("Cancelled; nothing was changed."));
        return;
    }
    runWithProgress(tr("Revert %1").arg(where), [this, target] { return m_runner.migrateTo(target); });
}

void MigrationsPage::viewSql()
{
    MigrationKey key;
    if (!selectedKey(key) || key.second.isEmpty())
        return;
    const QString label = key.first + QLatin1Char('.') + key.second;
    QString forwards, backwards, backwardsError;
    try {
        forwards = m_runner.sql(key, false);
    } catch (const Error &e) {
        report(tr("SQL of %1").arg(label), e.message());
        return;
    }
    try {
        backwards = m_runner.sql(key, true);
    } catch (const Error &e) {
        backwardsError = e.message();
    }
    if (m_sqlDialog)
        m_sqlDialog->close();
    m_sqlDialog = new MigrationSqlDialog(label, forwards, backwards, backwardsError, this);
    m_sqlDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_sqlDialog->show();
}

void MigrationsPage::dryRun()
{
    if (m_progress)
        m_progress->deleteLater();
    m_progress = new MigrationProgressDialog(m_runner, tr("Dry run"), this);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    const QString text = m_progress->run([this](bool &ok) {
        const MigrationDryRun::Result result = m_runner.dryRun();
        ok = result.ok();
        return MigrationRunner::describe(result);
    });
    report(tr("Dry run"), text);
}

void MigrationsPage::checkDrift()
{
    try {
        report(tr("Drift check"), m_runner.checkDrift().text());
    } catch (const Error &e) {
        report(tr("Drift check failed"), e.message());
    }
}

void MigrationsPage::makeMigrations()
{
    try {
        const MigrationRunner::MakeMigrationsResult result = m_runner.makeMigrations();
        report(tr("Make migrations"), result.text);
    } catch (const Error &e) {
        report(tr("Make migrations failed"), e.message());
    }
    refresh();
}

} // namespace quango
