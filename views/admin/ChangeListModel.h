#pragma once
#include <functional>
#include "orm/Model.h"
#include "orm/QuerySet.h"
#include "orm/sql/CompiledQuery.h"
#include "views/admin/AdminUser.h"
#include "views/admin/ListFilter.h"
#include "views/admin/ModelAdmin.h"
#include <QHash>
#include <QList>
#include <QMap>
#include <QSqlTableModel>

namespace quango {

class Field;

// The rows of one model's list page (Django's ChangeList) as a QSqlTableModel.
//
// Reading. The page's QuerySet (list_filter choices, search over
// search_fields, ordering, select_related for ForeignKey columns) is compiled
// by the ORM's SqlCompiler; selectStatement() is that SQL. rowCount() is a
// COUNT of the matches; rows are read through the ORM in chunks of
// list_per_page rows (two queries each: the pks with LIMIT/OFFSET, then the
// rows with their ForeignKeys JOINed; every value bound) when a view first
// asks for them, and a bounded number of chunks stays cached. select() reads
// the first chunk at once and counts only when that chunk is full.
//
// Why not QSqlTableModel's own reading: selectStatement() is plain text, so a
// search term would have to be inlined into SQL; QSqlQueryModel::setQuery
// with a prepared QSqlQuery keeps it bound but reads forward only: jumping to
// the end of 1,000,000 rows reads (and SQLite's cached result keeps) every row
// before it. tests/bench/bench_admin measures both; the figures are in the
// comment on reading chunks in ChangeListModel.cpp.
// selectStatement() is the page's SELECT as one statement (what the API and
// `QuerySet::sql()` show); reading splits it as fetchChunk explains.
//
// Writing. setData/removeRows follow editStrategy() (OnFieldChange writes at
// once, OnRowChange on submit(), OnManualSubmit on submitAll()) and go through
// insertRowIntoTable/updateRowInTable/deleteRowFromTable, which build model
// instances and call fullClean() and save()/remove(): validation, signals and
// on_delete run as everywhere else. A failed write leaves the database as it
// was, sets lastError() and fieldErrors().
//
// The user. With setUser(), writes need that user's add/change/delete
// permission for the model (refused through lastError() otherwise, nothing
// written), and each one is recorded in the admin log (LogEntry) for them, in
// the same transaction. Without a user (no auth app) there is nobody to check
// or to log against, and writes go through unchecked.
class ChangeListModel : public QSqlTableModel {
    Q_OBJECT

public:
    // `admin` should have its defaults filled in (AdminSite::modelAdmin).
    ChangeListModel(const ModelMeta &model, const ModelAdmin &admin, QObject *parent = nullptr);

    const ModelMeta &modelMeta() const { return m_meta; }
    const ModelAdmin &admin() const { return m_admin; }
    void setUser(const AdminUser &user) { m_user = user; }
    const AdminUser &user() const { return m_user; }

    // Page state; each setter re-selects.
    void setSearchText(const QString &text);
    const QString &searchText() const { return m_search; }
    // The list_filter sidebar: one ListFilter per admin().listFilter entry,
    // built when first asked for (a ForeignKey filter reads the related rows).
    const QList<ListFilter> &listFilters() const;
    void setFilterChoice(int filterIndex, int choiceIndex);
    int filterChoice(int filterIndex) const { return m_filterChoices.value(filterIndex, 0); }
    void clearFilters();
    bool isFiltered() const;

    // The QuerySet the page shows, and its SELECT (SQL with ? placeholders and
    // the bound values) as the ORM compiles it for this connection.
    QuerySet querySet() const;
    CompiledQuery compiledSelect() const;
    QString selectStatement() const override;

    // Rows matching the filters and search at the last select().
    qint64 totalCount() const { return m_total; }
    // Rows of the model without filters or search (one more COUNT; Django's "N total").
    qint64 fullCount() const;
    // The instance shown in `row` (reads its chunk if needed); invalid if out of range.
    Model object(int row) const;
    // The list_display entry of a column ("__str__" or a field name).
    QString columnName(int column) const { return m_admin.listDisplay.value(column); }
    const Field *columnField(int column) const { return m_columnFields.value(column); }
    bool isLinkColumn(int column) const;
    int chunkSize() const { return m_admin.listPerPage; }
    int cachedChunkCount() const { return int(m_chunks.size()); }

    // Per-field messages of the last failed write ("__all__" for the others).
    const QMap<QString, QStringList> &fieldErrors() const { return m_fieldErrors; }
    // Adds an object through insertRowIntoTable (the record form's "Save" of a
    // new object); re-selects on success.
    bool insertObject(const QVariantMap &values);
    // Deletes the objects of these rows (any order) in one transaction, each
    // through deleteRowFromTable; re-selects on success. removeRows() uses it.
    bool deleteRows(QList<int> rows);
    // QSqlTableModel::submitAll/revertAll are not virtual: these shadow them,
    // so call them on a ChangeListModel.
    bool submitAll();
    void revertAll();
    bool hasPendingChanges() const { return !m_pending.isEmpty() || !m_pendingDeletes.isEmpty(); }

    // QAbstractItemModel / QSqlTableModel
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;
    // Blank rows cannot be inserted into a sorted, paged list: new objects
    // come complete through insertObject(). Sets lastError() and returns false.
    bool insertRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;
    void sort(int column, Qt::SortOrder order) override;
    // Back to the admin's (or Meta's) ordering.
    void clearSort();
    bool select() override;
    bool selectRow(int row) override;
    bool submit() override;
    void revert() override;
    void revertRow(int row) override;
    void clear() override;
    // Text filters would put values into SQL: this model filters through
    // setFilterChoice/setSearchText only, so setFilter and setSort are refused.
    void setFilter(const QString &filter) override;
    void setSort(int column, Qt::SortOrder order) override;

Q_SIGNALS:
    // After every select(): the new number of matches.
    void totalCountChanged(qint64 total);
    // A write failed; message is lastError().text().
    void writeFailed(const QString &message);

protected:
    bool insertRowIntoTable(const QSqlRecord &values) override;
    bool updateRowInTable(int row, const QSqlRecord &values) override;
    bool deleteRowFromTable(int row) override;

private:
    const QList<Model> &chunk(qint64 index) const;
    QList<Model> fetchChunk(qint64 index) const;
    QList<Model> rowsFor(const QVariantList &pks, const QStringList &selectRelated) const;
    Model storedObject(int row) const;
    QString displayText(const Model &object, int column) const;
    QSqlRecord changedRecord(const Model &edited) const;
    bool submitRow(int row);
    void fail(const QString &what, const QMap<QString, QStringList> &errors, const QString &detail);
    // False (and fail()) when the user lacks the permission for `action`
    // ("add", "change", "delete").
    bool permitted(const QString &action);
    // Runs `writes` in one transaction, rolled back when it returns false or
    // throws (reported as `what`).
    bool allOrNothing(const QString &what, const std::function<bool()> &writes);
    void invalidateRows();

    const ModelMeta &m_meta;
    ModelAdmin m_admin;
    AdminUser m_user;
    QList<const Field *> m_columnFields;       // nullptr for "__str__"
    QString m_search;
    mutable std::optional<QList<ListFilter>> m_filters;
    QHash<int, int> m_filterChoices;           // filter index -> choice index (0 = All)
    QStringList m_sortOrdering;                // from sort(); empty = admin/Meta ordering
    qint64 m_total = 0;
    // Chunk cache: chunk index -> its rows, least recently used first in m_lru.
    mutable QHash<qint64, QList<Model>> m_chunks;
    mutable QList<qint64> m_lru;
    QHash<int, Model> m_pending;               // rows edited but not written yet
    QList<int> m_pendingDeletes;               // OnManualSubmit
    QMap<QString, QStringList> m_fieldErrors;
    int m_errorRow = -1;
};

} // namespace quango
