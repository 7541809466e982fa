#include "ui/pages/ChangeListPage.h"
#include "db/Atomic.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/ModelMeta.h"
#include "views/admin/ChangeListModel.h"
#include "views/admin/Logging.h"
#include "utils/Text.h"
#include "ui/Style.h"
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QProgressDialog>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QSplitter>
#include <QSqlError>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace quango {

namespace {

const QString DeleteSelected = QStringLiteral("delete_selected");

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
    connect(remove, &QShortcut::activated, this, [this] { deleteSelected(); });

    layout->addWidget(buildActionBar());
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    Style::apply(m_message, Style::Role::Success);
    m_message->hide();
    layout->addWidget(m_message);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    if (!admin.listFilter.isEmpty())
        splitter->addWidget(buildFilterSidebar());
    splitter->setStretchFactor(0, 1);
    layout->addWidget(splitter, 1);

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    Style::apply(m_error, Style::Role::Error);
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

QWidget *ChangeListPage::buildActionBar()
{
    const ModelMeta &meta = m_model->modelMeta();
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("actionBar"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Action:"), bar);
    m_actions = new QComboBox(bar);
    m_actions->setObjectName(QStringLiteral("actionBox"));
    m_actions->setAccessibleName(tr("Action"));
    m_actions->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label->setBuddy(m_actions);
    m_go = new QPushButton(tr("Go"), bar);
    m_go->setObjectName(QStringLiteral("goButton"));
    m_go->setAccessibleName(tr("Run the selected action"));
    connect(m_go, &QPushButton::clicked, this, &ChangeListPage::runSelectedAction);

    m_export = new QToolButton(bar);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setText(tr("Export"));
    m_export->setAccessibleName(tr("Export"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_export);
    using Format = ChangeListExporter::Format;
    const struct {
        const char *name;
        QString text;
        Format format;
        bool selected;
    } exports[] = {
        {"exportSelectedCsv", tr("Selected %1 as CSV…").arg(meta.verboseNamePlural()), Format::Csv, true},
        {"exportSelectedJson", tr("Selected %1 as JSON…").arg(meta.verboseNamePlural()), Format::Json, true},
        {"exportAllCsv", tr("All matching %1 as CSV…").arg(meta.verboseNamePlural()), Format::Csv, false},
        {"exportAllJson", tr("All matching %1 as JSON…").arg(meta.verboseNamePlural()), Format::Json, false},
    };
    for (const auto &entry : exports) {
        QAction *action = menu->addAction(entry.text);
        action->setObjectName(QString::fromLatin1(entry.name));
        connect(action, &QAction::triggered, this, [this, format = entry.format, selected = entry.selected] { exportRows(format, selected); });
    }
    m_export->setMenu(menu);

    layout->addWidget(label);
    layout->addWidget(m_actions);
    layout->addWidget(m_go);
    layout->addStretch(1);
    layout->addWidget(m_export);
    populateActions();
    return bar;
}

bool ChangeListPage::actionAllowed(const AdminAction &action) const
{
    const AdminUser &user = m_model->user();
    if (!user.isValid())
        return true;
    for (const QString &permission : action.allowedPermissions)
        if (!user.hasPermission(permission, m_model->modelMeta()))
            return false;
    return true;
}

void ChangeListPage::populateActions()
{
    const QString current = m_actions->currentData().toString();
    const ModelMeta &meta = m_model->modelMeta();
    m_actions->clear();
    m_actions->addItem(QStringLiteral("---------"), QString());
    // Django's built-in action needs the delete permission, like the others their allowed_permissions.
    if (!m_model->user().isValid() || m_model->user().hasPermission(QStringLiteral("delete"), meta))
        m_actions->addItem(tr("Delete selected %1").arg(meta.verboseNamePlural()), DeleteSelected);
    for (const AdminAction &action : m_model->admin().actions)
        if (actionAllowed(action))
            m_actions->addItem(action.description.isEmpty() ? action.name : action.description, action.name);
    m_actions->setCurrentIndex(std::max(0, m_actions->findData(current)));
}

void ChangeListPage::setUser(const AdminUser &user)
{
    m_model->setUser(user);
    populateActions();
}

void ChangeListPage::showEvent(QShowEvent *event)
{
    // The window may set the user on the model after building the page.
    populateActions();
    QWidget::showEvent(event);
}

void ChangeListPage::showMessage(const QString &text)
{
    m_error->hide();
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ChangeListPage::showError(const QString &text)
{
    m_message->hide();
    m_error->setText(text);
    m_error->show();
}

QList<int> ChangeListPage::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    if (rows.isEmpty() && m_table->currentIndex().isValid() && m_table->selectionModel()->isSelected(m_table->currentIndex()))
        rows << m_table->currentIndex().row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

bool ChangeListPage::selectsAllMatching() const
{
    const qint64 total = m_model->totalCount();
    if (total == 0)
        return false;
    qint64 rows = 0;
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection())
        rows += range.height();
    return rows >= total;
}

bool ChangeListPage::deleteSelected()
{
    QList<int> rows = selectedRows();
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows << m_table->currentIndex().row(); // the Delete key on the current row
    if (rows.isEmpty()) {
        showMessage(tr("Items must be selected in order to perform actions on them. No items have been changed."));
        return false;
    }
    const ModelMeta &meta = m_model->modelMeta();
    QList<Model> objects;
    for (int row : std::as_const(rows))
        objects << m_model->object(row);
    try {
        if (!DeleteConfirmationDialog::confirm(this, meta, objects, m_model->user(), m_deleteRunner))
            return false;
    } catch (const Error &error) {
        showError(tr("Cannot list what deleting the selected %1 would delete: %2").arg(meta.verboseNamePlural(), error.message()));
        return false;
    }
    if (!m_model->deleteRows(rows))
        return false; // writeFailed shows why
    showMessage(tr("Successfully deleted %1 %2.").arg(rows.size()).arg(rows.size() == 1 ? meta.verboseName() : meta.verboseNamePlural()));
    return true;
}

bool ChangeListPage::runSelectedAction() { return runAction(m_actions->currentData().toString()); }

bool ChangeListPage::runAction(const QString &name)
{
    if (name.isEmpty()) {
        showMessage(tr("No action selected."));
        return false;
    }
    if (name == DeleteSelected) {
        if (m_model->user().isValid() && !m_model->user().hasPermission(QStringLiteral("delete"), m_model->modelMeta())) {
            showError(tr("You do not have permission to delete %1.").arg(m_model->modelMeta().verboseNamePlural()));
            return false;
        }
        return deleteSelected();
    }
    const ModelMeta &meta = m_model->modelMeta();
    const AdminAction *action = nullptr;
    for (const AdminAction &candidate : m_model->admin().actions)
        if (candidate.name == name)
            action = &candidate;
    if (!action) {
        showError(tr("There is no action \u201c%1\u201d on %2.").arg(name, meta.verboseNamePlural()));
        return false;
    }
    if (!actionAllowed(*action)) {
        showError(tr("You do not have permission to run \u201c%1\u201d: it needs the %2 permission on %3.")
                      .arg(action->description, action->allowedPermissions.join(QStringLiteral(", ")), meta.verboseNamePlural()));
        return false;
    }
    // Every match selected (Ctrl+A): Django's "select across". The action
    // gets the page's QuerySet, with no pk list and no row read.
    const bool across = selectsAllMatching();
    const QList<int> rows = across ? QList<int>() : selectedRows();
    if (!across && rows.isEmpty()) {
        showMessage(tr("Items must be selected in order to perform actions on them. No items have been changed."));
        return false;
    }
    QVariantList pks;
    for (int row : rows)
        pks << m_model->object(row).pk();
    QString message;
    try {
        // All or nothing: an action that fails half-way changes nothing.
        Atomic atomic;
        message = action->run(across ? m_model->querySet() : meta.objects().filter(Q(QStringLiteral("pk__in"), pks)));
    } catch (const Error &error) {
        qCWarning(lcAdmin, "Action %s on %s failed: %s", qPrintable(name), qPrintable(meta.label()), error.what());
        m_model->select(); // first: a re-select hides the error label
        showError(tr("\u201c%1\u201d failed, nothing was changed: %2").arg(action->description, error.message()));
        return false;
    } catch (const std::exception &error) {
        qCWarning(lcAdmin, "Action %s on %s failed: %s", qPrintable(name), qPrintable(meta.label()), error.what());
        m_model->select();
        showError(tr("\u201c%1\u201d failed, nothing was changed: %2").arg(action->description, QString::fromUtf8(error.what())));
        return false;
    }
    m_model->select();
    showMessage(message);
    return true;
}

bool ChangeListPage::exportRows(ChangeListExporter::Format format, bool selectedOnly, QString path)
{
    const ModelMeta &meta = m_model->modelMeta();
    if (selectedOnly && selectsAllMatching())
        selectedOnly = false; // the same rows, without reading each one for its pk
    const QList<int> rows = selectedOnly ? selectedRows() : QList<int>();
    if (selectedOnly && rows.isEmpty()) {
        showMessage(tr("Select the %1 to export first, or export all matching ones.").arg(meta.verboseNamePlural()));
        return false;
    }
    const QString suffix = ChangeListExporter::suffix(format);
    if (path.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        path = QFileDialog::getSaveFileName(this, tr("Export %1").arg(meta.verboseNamePlural()),
                                            folder + QLatin1Char('/') + meta.labelLower().replace(QLatin1Char('.'), QLatin1Char('_')) + QLatin1Char('.') + suffix,
                                            format == ChangeListExporter::Format::Csv ? tr("CSV files (*.csv)") : tr("JSON fixtures (*.json)"));
        if (path.isEmpty())
            return false;
    }
    try {
        ChangeListExporter exporter(m_model->querySet(), m_model->admin().listDisplay);
        if (selectedOnly) {
            QVariantList pks;
            for (int row : rows)
                pks << m_model->object(row).pk();
            exporter.setSelection(pks);
        }
        QProgressDialog progress(tr("Exporting %1…").arg(meta.verboseNamePlural()), tr("Cancel"), 0, 1000, this);
        progress.setObjectName(QStringLiteral("exportProgress"));
        progress.setWindowModality(Qt::WindowModal);
        progress.setMinimumDuration(400);
        progress.setAutoReset(false);
        const bool done = exporter.writeFile(path, format, [&progress](qint64 written, qint64 total) {
            progress.setValue(total > 0 ? int(written * 1000 / total) : 1000);
            progress.setLabelText(tr("Exported %1 of %2 rows…").arg(QLocale().toString(written), QLocale().toString(total)));
            QCoreApplication::processEvents();
            return !progress.wasCanceled();
        });
        if (!done) {
            showMessage(tr("Export cancelled; no file was written."));
            return false;
        }
        showMessage(tr("Exported %1 %2 to %3.")
                        .arg(QLocale().toString(exporter.exported()), exporter.exported() == 1 ? meta.verboseName() : meta.verboseNamePlural(), path));
        return true;
    } catch (const Error &error) {
        qCWarning(lcAdmin, "Export of %s to %s failed: %s", qPrintable(meta.label()), qPrintable(path), error.what());
        showError(tr("Cannot export %1: %2").arg(meta.verboseNamePlural(), error.message()));
        return false;
    }
}

} // namespace quango
