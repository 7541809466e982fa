#include "ui/pages/AppsPage.h"
#include "apps/Registry.h"
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quango {

AppsPage::AppsPage(const Registry &registry, QWidget *parent) : QWidget(parent), m_tree(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Site administration</h2>"), this);
    layout->addWidget(title);
    m_tree->setObjectName(QStringLiteral("appsTree"));
    m_tree->setAccessibleName(tr("Installed apps and their models"));
    m_tree->setHeaderLabels({tr("App / model"), tr("Database table"), tr("Fields")});
    m_tree->setAlternatingRowColors(true);
    for (AppConfig *app : registry.apps()) {
        auto *appItem = new QTreeWidgetItem(m_tree, {app->verboseName(), QString(), QString()});
        appItem->setData(0, Qt::UserRole, app->label());
        QFont bold = appItem->font(0);
        bold.setBold(true);
        appItem->setFont(0, bold);
        for (const ModelMeta *model : app->models()) {
            QString plural = model->verboseNamePlural();
            if (!plural.isEmpty())
                plural[0] = plural[0].toUpper();
            auto *item = new QTreeWidgetItem(appItem, {plural, model->dbTable(), QString::number(model->fields().size())});
            item->setData(0, Qt::UserRole, model->label());
        }
        appItem->setExpanded(true);
    }
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree);
}

void AppsPage::showModels(const std::function<bool(const QString &label)> &visible)
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *app = m_tree->topLevelItem(i);
        bool any = false;
        for (int j = 0; j < app->childCount(); ++j) {
            QTreeWidgetItem *model = app->child(j);
            const bool shown = visible(model->data(0, Qt::UserRole).toString());
            model->setHidden(!shown);
            any = any || shown;
        }
        app->setHidden(!any);
    }
}

} // namespace quango
