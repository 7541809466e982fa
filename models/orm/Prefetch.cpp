#include "orm/Prefetch.h"
#include "orm/Exceptions.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include <QHash>
#include <QSet>

namespace quango {

namespace {
const QString SourceKey = QStringLiteral("_prefetch_related_val");

QVariantList distinctValues(const QList<Model> &instances, const std::function<QVariant(const Model &)> &valueOf)
{
    QVariantList out;
    QSet<QString> seen;
    for (const Model &instance : instances) {
        const QVariant value = valueOf(instance);
        if (value.isNull())
            continue;
        const QString key = value.toString();
        if (!seen.contains(key)) {
            seen.insert(key);
            out << value;
        }
    }
    return out;
}

// Fetches the rows for one level, prefetches the rest of the path on them, and
// returns them grouped by the key that links them to the instances.
QHash<QString, QList<Model>> fetchGrouped(const QuerySet &qs, const QString &rest, const QString &alias,
                                          const std::function<QVariant(const Model &)> &keyOf)
{
    QList<Model> rows = qs.list();
    if (!rest.isEmpty())
        prefetchRelatedObjects(rows, {rest}, alias);
    QHash<QString, QList<Model>> grouped;
    for (const Model &row : std::as_const(rows))
        grouped[keyOf(row).toString()].append(row);
    return grouped;
}

void prefetchOne(QList<Model> &instances, const QString &accessor, const QString &rest, const QString &alias)
{
    const ModelMeta *meta = instances.first().meta();
    const Field *field = meta->field(accessor);
    if (auto *fk = dynamic_cast<const ForeignKey *>(field)) {
        const int index = meta->concreteIndex(fk);
        const QVariantList keys = distinctValues(instances, [&](const Model &m) { return m.value(index); });
        QHash<QString, QList<Model>> byPk;
        if (!keys.isEmpty())
            byPk = fetchGrouped(QuerySet(fk->relatedModel(), alias).filter(Q(QStringLiteral("pk__in"), keys)), rest, alias,
                                [](const Model &m) { return m.pk(); });
        for (Model &instance : instances) {
            const QVariant key = instance.value(index);
            const QList<Model> found = key.isNull() ? QList<Model>() : byPk.value(key.toString());
            instance.setRelated(fk->name(), found.isEmpty() ? Model() : found.first());
        }
        return;
    }
    const QVariantList pks = distinctValues(instances, [](const Model &m) { return m.pk(); });
    QHash<QString, QList<Model>> grouped;
    if (auto *m2m = dynamic_cast<const ManyToManyField *>(field)) {
        const QString path = m2m->relatedQueryName();
        if (!pks.isEmpty())
            grouped = fetchGrouped(QuerySet(m2m->relatedModel(), alias)
                                       .filter(Q(path + QStringLiteral("__in"), pks))
                                       .annotate({{SourceKey, F(path)}}),
                                   rest, alias, [](const Model &m) { return m.annotation(SourceKey); });
    } else if (const ReverseRelation *relation = meta->reverseRelation(accessor)) {
        if (relation->manyToMany) {
            const QString path = relation->field->name();
            if (!pks.isEmpty())
                grouped = fetchGrouped(QuerySet(relation->model, alias)
                                           .filter(Q(path + QStringLiteral("__in"), pks))
                                           .annotate({{SourceKey, F(path)}}),
                                       rest, alias, [](const Model &m) { return m.annotation(SourceKey); });
        } else {
            const QString attname = relation->field->attname();
            if (!pks.isEmpty())
                grouped = fetchGrouped(QuerySet(relation->model, alias).filter(Q(relation->field->name() + QStringLiteral("__in"), pks)),
                                       rest, alias, [attname](const Model &m) { return m.value(attname); });
        }
    } else {
        throw FieldError(QStringLiteral("Cannot find '%1' on %2 object, '%1' is an invalid parameter to prefetch_related(). Relations: %3")
                             .arg(accessor, meta->label(), meta->fieldNames().join(QStringLiteral(", "))));
    }
    for (Model &instance : instances)
        instance.setPrefetched(accessor, grouped.value(instance.pk().toString()));
}
} // namespace

void prefetchRelatedObjects(QList<Model> &instances, const QStringList &paths, const QString &alias)
{
    if (instances.isEmpty())
        return;
    for (const QString &path : paths) {
        const QString accessor = path.section(QStringLiteral("__"), 0, 0);
        const QString rest = path.section(QStringLiteral("__"), 1);
        prefetchOne(instances, accessor, rest, alias);
    }
}

} // namespace quango
