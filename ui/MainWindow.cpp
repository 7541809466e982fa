#include "ui/MainWindow.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "ui/pages/AppsPage.h"
#include "ui/pages/ChangeListPage.h"
#include "views/admin/AdminSite.h"
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
    connect(m_pages, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index > 0)
            delete m_pages->widget(index);
    });
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
    QString title = model->verboseNamePlural();
    if (!title.isEmpty())
        title[0] = title.at(0).toUpper();
    m_pages->setCurrentIndex(m_pages->addTab(page, title));
    page->table()->setFocus();
    return page;
}

void MainWindow::closeCurrentPage()
{
    if (m_pages->currentIndex() > 0)
        delete m_pages->currentWidget();
}

} // namespace quango
