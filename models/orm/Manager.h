#pragma once
#include "orm/QuerySet.h"

namespace quango {

// Django's Manager: the entry to a model's QuerySets. It never builds SQL; a
// custom manager overrides querySet() (Django's get_queryset) to narrow or
// extend its base QuerySet, and everything else follows from it.
class Manager {
public:
    explicit Manager(const ModelMeta *model = nullptr) : m_model(model) {}
    virtual ~Manager() = default;

    const ModelMeta *model() const { return m_model; }
    void setModel(const ModelMeta *model) { m_model = model; }

    virtual QuerySet querySet() const;

    QuerySet all() const { return querySet(); }
    QuerySet none() const { return querySet().none(); }
    QuerySet filter(const Q &q) const { return querySet().filter(q); }
    QuerySet exclude(const Q &q) const { return querySet().exclude(q); }
    QuerySet orderBy(const QStringList &fields) const { return querySet().orderBy(fields); }
    QuerySet selectRelated(const QStringList &paths = {}) const { return querySet().selectRelated(paths); }
    QuerySet prefetchRelated(const QStringList &accessors) const { return querySet().prefetchRelated(accessors); }
    QuerySet annotate(const NamedExpressions &annotations) const { return querySet().annotate(annotations); }
    ValuesQuerySet values(const QStringList &fields = {}) const { return querySet().values(fields); }
    ValuesListQuerySet valuesList(const QStringList &fields = {}) const { return querySet().valuesList(fields); }
    FlatValuesQuerySet valuesListFlat(const QString &field) const { return querySet().valuesListFlat(field); }
    QuerySet only(const QStringList &fields) const { return querySet().only(fields); }
    QuerySet defer(const QStringList &fields) const { return querySet().defer(fields); }
    QuerySet distinct() const { return querySet().distinct(); }
    QuerySet using_(const QString &alias) const { return querySet().using_(alias); }
    std::optional<Model> latest(const QString &field = {}) const { return querySet().latest(field); }
    std::optional<Model> earliest(const QString &field = {}) const { return querySet().earliest(field); }
    Model get(const Q &q = {}) const { return querySet().get(q); }
    std::optional<Model> first() const { return querySet().first(); }
    std::optional<Model> last() const { return querySet().last(); }
    qint64 count() const { return querySet().count(); }
    bool exists() const { return querySet().exists(); }
    QVariantMap aggregate(const NamedExpressions &aggregates) const { return querySet().aggregate(aggregates); }
    Model create(const Assignments &values) const { return querySet().create(values); }
    QPair<Model, bool> getOrCreate(const Q &lookup, const Assignments &defaults = {}) const { return querySet().getOrCreate(lookup, defaults); }
    QPair<Model, bool> updateOrCreate(const Q &lookup, const Assignments &defaults = {}) const { return querySet().updateOrCreate(lookup, defaults); }
    // Pass the list with std::move when you no longer need it: the instances are then filled in place.
    QList<Model> bulkCreate(QList<Model> objects, int batchSize = 0) const { return querySet().bulkCreate(std::move(objects), batchSize); }
    int bulkUpdate(const QList<Model> &objects, const QStringList &fields, int batchSize = 0) const { return querySet().bulkUpdate(objects, fields, batchSize); }
    QHash<QString, Model> inBulk(const QVariantList &ids = {}) const { return querySet().inBulk(ids); }

private:
    const ModelMeta *m_model;
};

} // namespace quango
