#pragma once
#include "orm/Model.h"
#include "orm/Q.h"
#include "orm/sql/Query.h"
#include <QExplicitlySharedDataPointer>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <type_traits>

namespace quango {

class Connection;
struct CompiledQuery;

using Assignments = QList<QPair<QString, Arg>>;          // update(), create(), defaults
using NamedExpressions = QList<QPair<QString, Expr>>;    // annotate(), aggregate()

// The untyped half of a QuerySet: the query tree, the database alias, and the
// operations that run SQL at once (count, exists, aggregate, update, delete).
class QuerySetBase {
public:
    explicit QuerySetBase(const ModelMeta *model, const QString &alias = QStringLiteral("default"));
    QuerySetBase(QExplicitlySharedDataPointer<Query> query, const QString &alias);

    const ModelMeta *model() const { return m_query->model; }
    const Query &query() const { return *m_query; }
    const QString &db() const { return m_alias; }

    // The SELECT this QuerySet runs, values inlined for reading (str(qs.query)).
    QString sql() const;
    qint64 count() const;
    bool exists() const;
    // {"total": Sum("price")} -> {"total": 12.5}
    QVariantMap aggregate(const NamedExpressions &aggregates) const;
    // UPDATE of every matching row; F expressions allowed. No save signals.
    int update(const Assignments &values) const;
    // Deletes the matching rows and everything on_delete cascades to, like
    // Django's Collector; sends pre/post_delete per object.
    DeleteResult deleteRows() const;

protected:
    QExplicitlySharedDataPointer<Query> cloneQuery() const;
    Connection &connection() const;
    QList<Model> fetchModels() const;
    QList<QVariantMap> fetchMaps() const;
    QList<QVariantList> fetchLists() const;
    QVariantList fetchFlat() const;
    // Streams rows in chunks (iterator()): runs the SELECT uncached and hands
    // each chunk, already converted, to `chunk`.
    void streamModels(int chunkSize, const std::function<void(QList<Model> &)> &chunk) const;
    void streamValues(int chunkSize, const std::function<void(const QVariantList &, const CompiledQuery &)> &row) const;
    // Validates paths and lookups now, as Django's filter() does, so a typo
    // fails where it is written rather than at evaluation.
    void validate() const;
    void checkNotSliced(const char *operation) const;

    QExplicitlySharedDataPointer<Query> m_query;
    QString m_alias;
};

// Django's QuerySet: lazy and immutable. Each call returns a new QuerySet; SQL
// runs only when rows are needed (list, iteration, get, first, count, ...).
// An evaluated QuerySet caches its rows. Row is Model for model rows,
// QVariantMap after values(), QVariantList after valuesList(), QVariant after
// valuesListFlat().
template <typename Row>
class BasicQuerySet : public QuerySetBase {
public:
    using QuerySetBase::QuerySetBase;
    using const_iterator = typename QList<Row>::const_iterator;

    BasicQuerySet all() const { return BasicQuerySet(m_query, m_alias); }  // a fresh, unevaluated copy
    BasicQuerySet none() const;
    BasicQuerySet filter(const Q &q) const;
    BasicQuerySet exclude(const Q &q) const;
    BasicQuerySet orderBy(const QStringList &fields) const;
    BasicQuerySet reverse() const;
    BasicQuerySet distinct() const;
    // Python's qs[start:stop]; stop is exclusive. Either may be omitted.
    BasicQuerySet slice(std::optional<qint64> start, std::optional<qint64> stop) const;
    BasicQuerySet selectRelated(const QStringList &paths = {}) const;
    BasicQuerySet prefetchRelated(const QStringList &accessors) const;
    BasicQuerySet annotate(const NamedExpressions &annotations) const;
    BasicQuerySet defer(const QStringList &fields) const;
    BasicQuerySet only(const QStringList &fields) const;
    BasicQuerySet using_(const QString &alias) const;

    BasicQuerySet<QVariantMap> values(const QStringList &fields = {}) const;
    BasicQuerySet<QVariantList> valuesList(const QStringList &fields = {}) const;
    BasicQuerySet<QVariant> valuesListFlat(const QString &field) const;

    // Evaluation.
    const QList<Row> &list() const;
    const_iterator begin() const { return list().cbegin(); }
    const_iterator end() const { return list().cend(); }
    bool isEmpty() const;       // Python's bool(qs), inverted
    qint64 size() const;        // len(qs): evaluates; count() asks the database
    bool isEvaluated() const { return m_cache && m_cache->has_value(); }
    Row at(qint64 index) const; // qs[i]: uses the cache or LIMIT 1 OFFSET i; throws DoesNotExist
    Row get(const Q &q = {}) const;   // DoesNotExist / MultipleObjectsReturned
    std::optional<Row> first() const;
    std::optional<Row> last() const;
    std::optional<Row> latest(const QString &field = {}) const;
    std::optional<Row> earliest(const QString &field = {}) const;
    // Streams rows without caching, chunkSize rows at a time (prefetches per chunk).
    void iterator(int chunkSize, const std::function<void(const Row &)> &visit) const;

    // Model rows only.
    Model create(const Assignments &values) const requires std::is_same_v<Row, Model>;
    QPair<Model, bool> getOrCreate(const Q &lookup, const Assignments &defaults = {}) const requires std::is_same_v<Row, Model>;
    QPair<Model, bool> updateOrCreate(const Q &lookup, const Assignments &defaults = {}) const requires std::is_same_v<Row, Model>;
    // Inserts in batches (one prepared INSERT reused per row), sets pks. No signals.
    QList<Model> bulkCreate(QList<Model> objects, int batchSize = 0) const requires std::is_same_v<Row, Model>;
    int bulkUpdate(const QList<Model> &objects, const QStringList &fields, int batchSize = 0) const requires std::is_same_v<Row, Model>;
    QHash<QString, Model> inBulk(const QVariantList &ids = {}, const QString &fieldName = QStringLiteral("pk")) const requires std::is_same_v<Row, Model>;

private:
    template <typename> friend class BasicQuerySet;
    template <typename Fn> BasicQuerySet changed(Fn &&change) const;
    QList<Row> fetch() const;
    mutable std::shared_ptr<std::optional<QList<Row>>> m_cache = std::make_shared<std::optional<QList<Row>>>();
};

using QuerySet = BasicQuerySet<Model>;
using ValuesQuerySet = BasicQuerySet<QVariantMap>;
using ValuesListQuerySet = BasicQuerySet<QVariantList>;
using FlatValuesQuerySet = BasicQuerySet<QVariant>;

extern template class BasicQuerySet<Model>;
extern template class BasicQuerySet<QVariantMap>;
extern template class BasicQuerySet<QVariantList>;
extern template class BasicQuerySet<QVariant>;

} // namespace quango
