#include "ui/pages/AppsPage.h"
#include "apps/Registry.h"
#include "ui/Icons.h"
#include "views/admin/ModelIndex.h"
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quango {

AppsPage::AppsPage(const Registry &registry, QWidget *parent)
    : QWidget(parent), m_registry(registry), m_filter(new QLineEdit(this)), m_tree(new QTreeWidget(this)), m_noMatch(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Site administration</h2>"), this);
    layout->addWidget(title);
    m_filter->setObjectName(QStringLiteral("modelFilter"));
    m_filter->setPlaceholderText(tr("Start typing to filter…"));
    m_filter->setAccessibleName(tr("Filter models"));
    m_filter->setAccessibleDescription(tr("Shows only the models whose name contains the text; Enter opens the first."));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(Icons::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_filter->installEventFilter(this);
    layout->addWidget(m_filter);
    m_tree->setObjectName(QStringLiteral("appsTree"));
    m_tree->setAccessibleName(tr("Installed apps and their models"));
    m_tree->setHeaderLabels({tr("App / model"), tr("Database table"), tr("Fields")});
    m_tree->setAlternatingRowColors(true);
    const QIcon appIcon = Icons::icon(QStringLiteral("app"));
    const QIcon modelIcon = Icons::icon(QStringLiteral("model"));
    for (AppConfig *app : registry.apps()) {
        auto *appItem = new QTreeWidgetItem(m_tree, {app->verboseName(), QString(), QString()});
        appItem->setData(0, Qt::UserRole, app->label());
        appItem->setIcon(0, appIcon);
        QFont bold = appItem->font(0);
        bold.setBold(true);
        appItem->setFont(0, bold);
        for (const ModelMeta *model : app->models()) {
            const ModelIndex::Entry entry = ModelIndex::entryFor(*model);
            auto *item = new QTreeWidgetItem(appItem, {entry.name, model->dbTable(), QString::number(model->fields().size())});
            item->setData(0, Qt::UserRole, model->label());
            item->setIcon(0, modelIcon);
        }
        appItem->setExpanded(true);
    }
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    layout->addWidget(m_tree);
    m_noMatch->setObjectName(QStringLiteral("noModelMatches"));
    m_noMatch->setAccessibleName(tr("No models match the filter"));
    m_noMatch->hide();
    layout->addWidget(m_noMatch);

    connect(m_filter, &QLineEdit::textChanged, this, &AppsPage::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        if (QTreeWidgetItem *first = firstShownModel())
            Q_EMIT modelActivated(first->data(0, Qt::UserRole).toString());
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item->parent()) // a model, not an app
            Q_EMIT modelActivated(item->data(0, Qt::UserRole).toString());
    });
    // Ctrl+F on the index goes to the filter, as on a list page to its search.
    auto *find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
}

void AppsPage::showModels(const std::function<bool(const QString &label)> &visible)
{
    m_allowed = visible;
    applyFilter();
}

void AppsPage::applyFilter()
{
    const QString text = m_filter->text();
    bool anyShown = false;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *app = m_tree->topLevelItem(i);
        bool any = false;
        for (int j = 0; j < app->childCount(); ++j) {
            QTreeWidgetItem *item = app->child(j);
            const QString label = item->data(0, Qt::UserRole).toString();
            bool shown = !m_allowed || m_allowed(label);
            if (shown && !text.trimmed().isEmpty()) {
                const ModelMeta *model = m_registry.model(label);
                shown = model && ModelIndex::matches(ModelIndex::entryFor(*model), text);
            }
            item->setHidden(!shown);
            any = any || shown;
        }
        app->setHidden(!any);
        anyShown = anyShown || any;
    }
    m_noMatch->setText(text.trimmed().isEmpty() ? tr("You do not have permission to view or edit anything.")
                                                : tr("No model matches “%1”.").arg(text.trimmed()));
    m_noMatch->setVisible(!anyShown);
}

QTreeWidgetItem *AppsPage::firstShownModel() const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *app = m_tree->topLevelItem(i);
        if (app->isHidden())
            continue;
        for (int j = 0; j < app->childCount(); ++j)
            if (!app->child(j)->isHidden())
                return app->child(j);
    }
    return nullptr;
}

QStringList AppsPage::shownModels() const
{
    QStringList out;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *app = m_tree->topLevelItem(i);
        for (int j = 0; j < app->childCount() && !app->isHidden(); ++j)
            if (!app->child(j)->isHidden())
                out << app->child(j)->data(0, Qt::UserRole).toString();
    }
    return out;
}

bool AppsPage::eventFilter(QObject *watched, QEvent *event)
{
    // Down from the filter box walks into the matches.
    if (watched == m_filter && event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        if (QTreeWidgetItem *first = firstShownModel()) {
            m_tree->setCurrentItem(first);
            m_tree->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace quango
