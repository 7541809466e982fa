#include "ui/MainWindow.h"
#include "ui/pages/AppsPage.h"
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>

namespace quango {

MainWindow::MainWindow(const Registry &registry, const QString &databaseLabel, QWidget *parent)
    : QMainWindow(parent), m_pages(new QTabWidget(this))
{
    setWindowTitle(tr("Quango administration"));
    m_pages->setDocumentMode(true);
    m_pages->setTabsClosable(false); // the index page stays; record pages will close
    m_pages->setAccessibleName(tr("Pages"));
    setCentralWidget(m_pages);
    m_pages->addTab(new AppsPage(registry, m_pages), tr("Site administration"));
    auto *database = new QLabel(tr("Database: %1").arg(databaseLabel), this);
    database->setObjectName(QStringLiteral("databaseLabel"));
    database->setAccessibleName(tr("Database"));
    statusBar()->addPermanentWidget(database);
    resize(1000, 700);
}

} // namespace quango
