#include "ui/MainWindow.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "ui/Icons.h"
#include "utils/Text.h"
#include "ui/dialogs/JumpDialog.h"
#include "ui/pages/AppsPage.h"
#include "ui/pages/ChangeFormPage.h"
#include "ui/pages/ChangeListPage.h"
#include "ui/pages/MigrationsPage.h"
#include "views/admin/AdminSite.h"
#include "views/admin/ChangeListModel.h"
#include "views/admin/ModelIndex.h"
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSettings>
#include <QShortcut>
#include <QStatusBar>
#include <QTabBar>
#include <QToolBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>

namespace quango {

namespace {
// QSettings keys of the session (restoreSession).
const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString StateKey = QStringLiteral("mainWindow/state");
const QString TabsKey = QStringLiteral("mainWindow/tabs");
const QString CurrentTabKey = QStringLiteral("mainWindow/currentTab");
QString columnsKey(const QString &label) { return QStringLiteral("columns/") + label; }
// The "formKey" property of a stored record's tab: one tab per record.
QString formKey(const QString &label, const QVariant &pk) { return QStringLiteral("changeForm_") + label + QLatin1Char('_') + pk.toString(); }
} // namespace

MainWindow::MainWindow(const Registry &registry, const QString &databaseLabel, QWidget *parent)
    : QMainWindow(parent), m_ownSite(std::make_unique<AdminSite>(registry)), m_site(m_ownSite.get()), m_pages(new QTabWidget(this))
{
    setUp(databaseLabel);
}

MainWindow::MainWindow(const AdminSite &site, const QString &databaseLabel, QWidget *parent)
    : QMainWindow(parent), m_site(&site), m_pages(new QTabWidget(this))
{
    setUp(databaseLabel);
}

MainWindow::~MainWindow() = default;

void MainWindow::setUp(const QString &databaseLabel)
{
    const AdminSite &site = *m_site;
    setWindowTitle(tr("Quango administration"));
    setWindowIcon(Icons::icon(QStringLiteral("app")));
    setObjectName(QStringLiteral("mainWindow")); // saveState() needs a name
    m_pages->setDocumentMode(true);
    m_pages->setTabsClosable(true);
    m_pages->setAccessibleName(tr("Pages"));
    setCentralWidget(m_pages);
    auto *apps = new AppsPage(site.registry(), m_pages);
    m_pages->addTab(apps, Icons::icon(QStringLiteral("app")), tr("Site administration"));
    m_pages->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the index page stays
    connect(apps, &AppsPage::modelActivated, this, [this](const QString &label) { openModel(label); });
    connect(m_pages, &QTabWidget::tabCloseRequested, this, &MainWindow::closePage);
    // Ctrl+W everywhere, whatever the platform's own Close binding is (Ctrl+F4 on some).
    auto *close = new QShortcut(this);
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Close);
    if (!keys.contains(QKeySequence(Qt::CTRL | Qt::Key_W)))
        keys.prepend(QKeySequence(Qt::CTRL | Qt::Key_W));
    close->setKeys(keys);
    connect(close, &QShortcut::activated, this, &MainWindow::closeCurrentPage);
    // The pages that are not a model's: reachable from the tool bar and by key.
    auto *tools = addToolBar(tr("Tools"));
    tools->setObjectName(QStringLiteral("toolsToolBar")); // saveState() needs a name
    tools->setAccessibleName(tr("Tools"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QAction *jump = tools->addAction(Icons::icon(QStringLiteral("search")), tr("Jump to model…"), this, &MainWindow::showJumpDialog);
    jump->setObjectName(QStringLiteral("jumpAction"));
    jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    jump->setShortcutContext(Qt::WindowShortcut);
    QAction *migrations = tools->addAction(Icons::icon(QStringLiteral("migrate")), tr("Migrations"), this, &MainWindow::openMigrations);
    migrations->setObjectName(QStringLiteral("migrationsAction"));
    migrations->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    auto *database = new QLabel(tr("Database: %1").arg(databaseLabel), this);
    database->setObjectName(QStringLiteral("databaseLabel"));
    database->setAccessibleName(tr("Database"));
    statusBar()->addPermanentWidget(database);
    resize(1000, 700);
}

ChangeListPage *MainWindow::openModel(const QString &label)
{
    const ModelMeta *model = m_site->registry().model(label);
    if (!model)
        return nullptr;
    if (m_user.isValid() && !m_user.hasViewPermission(*model)) {
        statusBar()->showMessage(tr("You do not have permission to view %1.").arg(model->verboseNamePlural()));
        return nullptr;
    }
    const QString name = QStringLiteral("changeList_") + model->label();
    for (int i = 1; i < m_pages->count(); ++i) {
        if (m_pages->widget(i)->objectName() == name) {
            m_pages->setCurrentIndex(i);
            return static_cast<ChangeListPage *>(m_pages->widget(i));
        }
    }
    ChangeListPage *page = nullptr;
    try {
        page = new ChangeListPage(*model, m_site->modelAdmin(*model), m_pages);
    } catch (const Error &error) { // no database configured, invalid ModelAdmin: never across the event loop
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(model->verboseNamePlural(), error.message()));
        return nullptr;
    }
    page->setUser(m_user);
    restoreColumns(page);
    connect(page, &ChangeListPage::objectActivated, this, [this](const QString &modelLabel, const QVariant &pk) { openForm(modelLabel, pk); });
    connect(page, &ChangeListPage::addRequested, this, [this](const QString &modelLabel) { openForm(modelLabel); });
    const QString title = capFirst(model->verboseNamePlural());
    m_pages->setCurrentIndex(m_pages->addTab(page, Icons::icon(QStringLiteral("model")), title));
    page->table()->setFocus();
    return page;
}

void MainWindow::setUser(const AdminUser &user)
{
    m_user = user;
    if (auto *apps = qobject_cast<AppsPage *>(m_pages->widget(0))) {
        apps->showModels([this](const QString &label) {
            const ModelMeta *model = m_site->registry().model(label);
            return !m_user.isValid() || (model && m_user.hasViewPermission(*model));
        });
    }
    for (int i = 1; i < m_pages->count(); ++i)
        if (auto *page = qobject_cast<ChangeListPage *>(m_pages->widget(i)))
            page->setUser(m_user);
    auto *label = statusBar()->findChild<QLabel *>(QStringLiteral("userLabel"));
    if (!label) {
        label = new QLabel(this);
        label->setObjectName(QStringLiteral("userLabel"));
        label->setAccessibleName(tr("User"));
        statusBar()->addPermanentWidget(label);
    }
    label->setText(m_user.isValid() ? tr("User: %1").arg(m_user.username()) : QString());
}

void MainWindow::closeCurrentPage() { closePage(m_pages->currentIndex()); }

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (int i = 1; i < m_pages->count(); ++i) {
        auto *form = qobject_cast<ChangeFormPage *>(m_pages->widget(i));
        if (form && form->isDirty()) {
            m_pages->setCurrentIndex(i);
            if (!form->confirmClose()) {
                event->ignore();
                return;
            }
        }
    }
    saveSession();
    QMainWindow::closeEvent(event);
}

void MainWindow::closePage(int index)
{
    if (index <= 0)
        return;
    auto *form = qobject_cast<ChangeFormPage *>(m_pages->widget(index));
    if (form && !form->confirmClose())
        return;
    if (auto *list = qobject_cast<ChangeListPage *>(m_pages->widget(index)))
        saveColumns(list);
    delete m_pages->widget(index);
}

ChangeFormPage *MainWindow::openForm(const QString &label, const QVariant &pk)
{
    const ModelMeta *model = m_site->registry().model(label);
    if (!model)
        return nullptr;
    // One tab per stored object; each "Add" gets a tab of its own.
    const QString name = formKey(model->label(), pk);
    if (pk.isValid()) {
        for (int i = 1; i < m_pages->count(); ++i) {
            if (m_pages->widget(i)->property("formKey").toString() == name) {
                m_pages->setCurrentIndex(i);
                return static_cast<ChangeFormPage *>(m_pages->widget(i));
            }
        }
    }
    ChangeFormPage *page = nullptr;
    try {
        page = new ChangeFormPage(*model, m_site->modelAdmin(*model), m_user, pk, m_pages);
    } catch (const Error &error) { // deleted meanwhile, no database: never across the event loop
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(model->verboseName(), error.message()));
        return nullptr;
    }
    if (pk.isValid())
        page->setProperty("formKey", name);
    const int index = m_pages->addTab(page, Icons::icon(pk.isValid() ? QStringLiteral("model") : QStringLiteral("add")), page->title());
    connect(page, &ChangeFormPage::titleChanged, this, [this, page](const QString &title) {
        m_pages->setTabText(m_pages->indexOf(page), title);
    });
    connect(page, &ChangeFormPage::closeRequested, page, &QObject::deleteLater);
    // The model's list shows the change at once.
    auto refreshList = [this](const QString &modelLabel) {
        for (int i = 1; i < m_pages->count(); ++i)
            if (auto *list = qobject_cast<ChangeListPage *>(m_pages->widget(i)))
                if (list->objectName() == QStringLiteral("changeList_") + modelLabel)
                    list->model()->select();
    };
    connect(page, &ChangeFormPage::saved, this, [this, page, refreshList](const QString &modelLabel, const QVariant &savedPk) {
        // An added record is now a stored one: its tab is the one openForm finds for it.
        if (!page->form().isAdding()) {
            page->setProperty("formKey", formKey(modelLabel, savedPk));
            m_pages->setTabIcon(m_pages->indexOf(page), Icons::icon(QStringLiteral("model")));
        }
        refreshList(modelLabel);
    });
    connect(page, &ChangeFormPage::deleted, this, [refreshList](const QString &modelLabel) { refreshList(modelLabel); });
    m_pages->setCurrentIndex(index);
    return page;
}

MigrationsPage *MainWindow::openMigrations()
{
    const QString name = QStringLiteral("migrations");
    for (int i = 1; i < m_pages->count(); ++i) {
        if (m_pages->widget(i)->objectName() == name) {
            m_pages->setCurrentIndex(i);
            return static_cast<MigrationsPage *>(m_pages->widget(i));
        }
    }
    MigrationsPage *page = nullptr;
    try {
        page = new MigrationsPage(m_site->registry(), m_pages);
    } catch (const Error &error) { // unreadable migration files, no database: never across the event loop
        statusBar()->showMessage(tr("Cannot open the migrations page: %1").arg(error.message()));
        return nullptr;
    }
    page->setObjectName(name);
    page->setMigrationsDirs(m_migrationsDirs);
    // The schema changed: list pages read their rows again (a reverted table
    // shows its error on the page instead of stale rows).
    connect(page, &MigrationsPage::migrated, this, [this] {
        for (int i = 1; i < m_pages->count(); ++i)
            if (auto *list = qobject_cast<ChangeListPage *>(m_pages->widget(i)))
                list->model()->select();
    });
    m_pages->setCurrentIndex(m_pages->addTab(page, Icons::icon(QStringLiteral("migrate")), tr("Migrations")));
    return page;
}

void MainWindow::setMigrationsDirs(const QStringList &dirs)
{
    m_migrationsDirs = dirs;
    for (int i = 1; i < m_pages->count(); ++i)
        if (auto *page = qobject_cast<MigrationsPage *>(m_pages->widget(i)))
            page->setMigrationsDirs(dirs);
}

ModelIndex MainWindow::modelIndex() const
{
    return ModelIndex(m_site->registry(), [this](const ModelMeta &model) { return !m_user.isValid() || m_user.hasViewPermission(model); });
}

JumpDialog *MainWindow::showJumpDialog()
{
    auto *dialog = new JumpDialog(modelIndex(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &JumpDialog::modelChosen, this, [this](const QString &label) { openModel(label); });
    dialog->open();
    return dialog;
}

void MainWindow::saveColumns(ChangeListPage *page)
{
    if (m_remembers)
        QSettings().setValue(columnsKey(page->model()->modelMeta().label()), page->table()->horizontalHeader()->saveState());
}

void MainWindow::restoreColumns(ChangeListPage *page)
{
    if (!m_remembers)
        return;
    const QByteArray state = QSettings().value(columnsKey(page->model()->modelMeta().label())).toByteArray();
    if (!state.isEmpty())
        page->table()->horizontalHeader()->restoreState(state);
}

void MainWindow::saveSession()
{
    if (!m_remembers)
        return;
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    QVariantList tabs;
    int current = 0;
    for (int i = 1; i < m_pages->count(); ++i) {
        QVariantMap tab;
        if (auto *list = qobject_cast<ChangeListPage *>(m_pages->widget(i))) {
            saveColumns(list);
            tab = {{QStringLiteral("kind"), QStringLiteral("list")}, {QStringLiteral("model"), list->model()->modelMeta().label()}};
        } else if (auto *form = qobject_cast<ChangeFormPage *>(m_pages->widget(i))) {
            if (form->form().isAdding())
                continue; // an unsaved new record has nothing to reopen
            tab = {{QStringLiteral("kind"), QStringLiteral("form")},
                   {QStringLiteral("model"), form->form().modelMeta().label()},
                   {QStringLiteral("pk"), form->form().instance().pk()}};
        } else if (qobject_cast<MigrationsPage *>(m_pages->widget(i))) {
            tab = {{QStringLiteral("kind"), QStringLiteral("migrations")}};
        } else {
            continue;
        }
        if (i == m_pages->currentIndex())
            current = int(tabs.size()) + 1;
        tabs << tab;
    }
    settings.setValue(TabsKey, tabs);
    settings.setValue(CurrentTabKey, current);
}

void MainWindow::restoreSession()
{
    QSettings settings;
    restoreGeometry(settings.value(GeometryKey).toByteArray());
    restoreState(settings.value(StateKey).toByteArray());
    m_remembers = true; // from here on list pages get their saved column widths
    const QVariantList tabs = settings.value(TabsKey).toList();
    const int current = settings.value(CurrentTabKey).toInt();
    QWidget *currentPage = nullptr;
    int skipped = 0;
    for (int i = 0; i < tabs.size(); ++i) {
        const QVariantMap tab = tabs.at(i).toMap();
        if (tab.value(QStringLiteral("kind")) == QLatin1String("migrations")) {
            QWidget *page = openMigrations();
            if (!page)
                ++skipped;
            else if (i + 1 == current)
                currentPage = page;
            continue;
        }
        const ModelMeta *model = m_site->registry().model(tab.value(QStringLiteral("model")).toString());
        // A model removed from the project, or one the user may no longer view.
        if (!model || (m_user.isValid() && !m_user.hasViewPermission(*model))) {
            ++skipped;
            continue;
        }
        QWidget *page = nullptr;
        if (tab.value(QStringLiteral("kind")) == QLatin1String("list")) {
            page = openModel(model->label());
        } else if (tab.value(QStringLiteral("kind")) == QLatin1String("form")) {
            QVariant pk;
            try {
                pk = model->pk()->clean(tab.value(QStringLiteral("pk")));
            } catch (const Error &) {
                // A pk that no longer fits the model's primary key.
            }
            if (pk.isValid() && !pk.isNull())
                page = openForm(model->label(), pk); // nullptr when the record was deleted
        }
        if (!page)
            ++skipped;
        else if (i + 1 == current)
            currentPage = page;
    }
    m_pages->setCurrentIndex(currentPage ? m_pages->indexOf(currentPage) : 0);
    statusBar()->clearMessage();
    if (skipped > 0)
        statusBar()->showMessage(tr("%n tab(s) from the last session could not be reopened: deleted, or no longer permitted.", nullptr, skipped));
}

} // namespace quango
