#include "ui/pages/ChangeListPage.h"
#include "orm/Exceptions.h"
#include "orm/ModelMeta.h"
#include "views/admin/ChangeListModel.h"
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QShortcut>
#include <QSplitter>
#include <QSqlError>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace quango {

namespace {

QString capFirst(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

} // namespace

ChangeListPage::ChangeListPage(const ModelMeta &model, const ModelAdmin &admin, QWidget *parent)
    : QWidget(parent), m_model(new ChangeListModel(model, admin, this)), m_table(new QTableView(this)),
      m_search(new QLineEdit(this)), m_count(new QLabel(this)), m_error(new QLabel(this)), m_searchTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("changeList_") + model.label());
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Select %1 to change</h2>").arg(model.verboseName().toHtmlEscaped()), this);
    layout->addWidget(title);

    auto *bar = new QHBoxLayout;
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Search %1 (Ctrl+F)").arg(model.verboseNamePlural()));
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setEnabled(!admin.searchFields.isEmpty());
    m_count->setObjectName(QStringLiteral("countLabel"));
    m_count->setAccessibleName(tr("Number of matches"));
    bar->addWidget(m_search, 1);
    bar->addWidget(m_count);
    layout->addLayout(bar);

    // Search as the user types, once typing pauses: each search is a COUNT and
    // a page query, too much per keystroke on a large table.
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &ChangeListPage::applySearch);
    connect(m_searchTimer, &QTimer::timeout, this, &ChangeListPage::applySearch);
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_table->setObjectName(QStringLiteral("rows"));
    m_table->setAccessibleName(tr("%1 list").arg(capFirst(model.verboseNamePlural())));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    // Fixed row heights: a million rows must not be measured one by one.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setStretchLastSection(true);
    header->setDefaultSectionSize(160);
    connect(header, &QHeaderView::sortIndicatorChanged, m_model, &ChangeListModel::sort);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (m_model->isLinkColumn(index.column()))
            Q_EMIT objectActivated(m_model->modelMeta().label(), m_model->object(index.row()).pk());
    });
    auto *add = new QShortcut(QKeySequence::New, this);
    add->setContext(Qt::WidgetWithChildrenShortcut);
    connect(add, &QShortcut::activated, this, [this] { Q_EMIT addRequested(m_model->modelMeta().label()); });
    auto *remove = new QShortcut(QKeySequence::Delete, m_table);
    remove->setContext(Qt::WidgetShortcut);
    connect(remove, &QShortcut::activated, this, &ChangeListPage::deleteSelected);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    if (!admin.listFilter.isEmpty())
        splitter->addWidget(buildFilterSidebar());
    splitter->setStretchFactor(0, 1);
    layout->addWidget(splitter, 1);

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #ba2121;"));
    m_error->hide();
    layout->addWidget(m_error);
    connect(m_model, &ChangeListModel::writeFailed, this, [this](const QString &message) {
        QStringList lines{message};
        const auto &errors = m_model->fieldErrors();
        for (auto it = errors.cbegin(); it != errors.cend(); ++it)
            if (it.key() != QLatin1String("__all__"))
                lines << it.key() + QStringLiteral(": ") + it.value().join(QLatin1Char(' '));
        m_error->setText(lines.join(QLatin1Char('\n')));
        m_error->show();
    });
    connect(m_model, &ChangeListModel::totalCountChanged, this, &ChangeListPage::updateCount);

    m_model->select();
}

QWidget *ChangeListPage::buildFilterSidebar()
{
    auto *sidebar = new QWidget(this);
    sidebar->setObjectName(QStringLiteral("filterSidebar"));
    auto *layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Filter</b>"), sidebar));
    QList<ListFilter> filters;
    try {
        filters = m_model->listFilters(); // a ForeignKey filter reads the related rows
    } catch (const Error &error) {
        auto *problem = new QLabel(tr("Filters unavailable: %1").arg(error.message()), sidebar);
        problem->setWordWrap(true);
        layout->addWidget(problem);
    }
    for (int f = 0; f < filters.size(); ++f) {
        layout->addWidget(new QLabel(tr("By %1").arg(filters.at(f).title()), sidebar));
        auto *list = new QListWidget(sidebar);
        list->setObjectName(QStringLiteral("filter_") + filters.at(f).path());
        list->setAccessibleName(tr("Filter by %1").arg(filters.at(f).title()));
        for (const ListFilter::Choice &choice : filters.at(f).choices())
            list->addItem(choice.label);
        list->setCurrentRow(0);
        // As tall as its choices (up to a dozen), like Django's sidebar lists.
        const int shown = int(std::min<qsizetype>(list->count(), 12));
        list->setMaximumHeight(list->sizeHintForRow(0) * shown + 2 * list->frameWidth() + 4);
        connect(list, &QListWidget::currentRowChanged, this, [this, f](int row) {
            if (row >= 0)
                m_model->setFilterChoice(f, row);
        });
        layout->addWidget(list);
        m_filterLists << list;
    }
    layout->addStretch(1);
    sidebar->setMinimumWidth(180);
    return sidebar;
}

void ChangeListPage::setSearchDelay(int milliseconds) { m_searchTimer->setInterval(milliseconds); }

void ChangeListPage::applySearch()
{
    m_searchTimer->stop();
    m_model->setSearchText(m_search->text().trimmed());
}

void ChangeListPage::updateCount()
{
    const ModelMeta &meta = m_model->modelMeta();
    const qint64 total = m_model->totalCount();
    QString text = QStringLiteral("%1 %2").arg(QLocale().toString(total), total == 1 ? meta.verboseName() : meta.verboseNamePlural());
    if (m_model->isFiltered())
        text += tr(" (%1 total)").arg(QLocale().toString(m_model->fullCount()));
    m_count->setText(text);
    if (m_model->lastError().isValid()) {
        m_error->setText(m_model->lastError().text());
        m_error->show();
    } else {
        m_error->hide();
    }
}

void ChangeListPage::deleteSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows << m_table->currentIndex().row();
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    const ModelMeta &meta = m_model->modelMeta();
    QStringList names;
    for (int row : std::as_const(rows).first(std::min<qsizetype>(rows.size(), 10)))
        names << QStringLiteral("• ") + m_model->object(row).str();
    if (rows.size() > 10)
        names << tr("… and %1 more").arg(rows.size() - 10);
    const auto answer = QMessageBox::question(this, tr("Are you sure?"),
                                              tr("Delete %1 %2 and the objects that depend on them?\n\n%3")
                                                  .arg(rows.size())
                                                  .arg(rows.size() == 1 ? meta.verboseName() : meta.verboseNamePlural(), names.join(QLatin1Char('\n'))),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    m_model->deleteRows(rows);
}

} // namespace quango
