#include "ui/MainWindow.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "ui/pages/AppsPage.h"
#include "ui/pages/ChangeFormPage.h"
#include "ui/pages/ChangeListPage.h"
#include "views/admin/AdminSite.h"
#include "views/admin/ChangeListModel.h"
#include <QCloseEvent>
#include <QLabel>
#include <QShortcut>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>

namespace quango {

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
    m_pages->setDocumentMode(true);
    m_pages->setTabsClosable(true);
    m_pages->setAccessibleName(tr("Pages"));
    setCentralWidget(m_pages);
    auto *apps = new AppsPage(site.registry(), m_pages);
    m_pages->addTab(apps, tr("Site administration"));
    m_pages->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr); // the index page stays
    connect(apps->tree(), &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item->parent()) // a model, not an app
            openModel(item->data(0, Qt::UserRole).toString());
    });
    connect(m_pages, &QTabWidget::tabCloseRequested, this, &MainWindow::closePage);
    // Ctrl+W everywhere, whatever the platform's own Close binding is (Ctrl+F4 on some).
    auto *close = new QShortcut(this);
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Close);
    if (!keys.contains(QKeySequence(Qt::CTRL | Qt::Key_W)))
        keys.prepend(QKeySequence(Qt::CTRL | Qt::Key_W));
    close->setKeys(keys);
    connect(close, &QShortcut::activated, this, &MainWindow::closeCurrentPage);
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
    page->model()->setUser(m_user);
    connect(page, &ChangeListPage::objectActivated, this, [this](const QString &modelLabel, const QVariant &pk) { openForm(modelLabel, pk); });
    connect(page, &ChangeListPage::addRequested, this, [this](const QString &modelLabel) { openForm(modelLabel); });
    QString title = model->verboseNamePlural();
    if (!title.isEmpty())
        title[0] = title.at(0).toUpper();
    m_pages->setCurrentIndex(m_pages->addTab(page, title));
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
            page->model()->setUser(m_user);
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
    QMainWindow::closeEvent(event);
}

void MainWindow::closePage(int index)
{
    if (index <= 0)
        return;
    auto *form = qobject_cast<ChangeFormPage *>(m_pages->widget(index));
    if (form && !form->confirmClose())
        return;
    delete m_pages->widget(index);
}

ChangeFormPage *MainWindow::openForm(const QString &label, const QVariant &pk)
{
    const ModelMeta *model = m_site->registry().model(label);
    if (!model)
        return nullptr;
    // One tab per stored object; each "Add" gets a tab of its own.
    const QString name = QStringLiteral("changeForm_") + model->label() + QLatin1Char('_') + pk.toString();
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
        page = new ChangeFormPage(*model, m_site->modelAdmin(*model), pk, m_pages);
    } catch (const Error &error) { // deleted meanwhile, no database: never across the event loop
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(model->verboseName(), error.message()));
        return nullptr;
    }
    if (pk.isValid())
        page->setProperty("formKey", name);
    const int index = m_pages->addTab(page, page->title());
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
    connect(page, &ChangeFormPage::saved, this, [refreshList](const QString &modelLabel) { refreshList(modelLabel); });
    connect(page, &ChangeFormPage::deleted, this, [refreshList](const QString &modelLabel) { refreshList(modelLabel); });
    m_pages->setCurrentIndex(index);
    return page;
}

} // namespace quango
