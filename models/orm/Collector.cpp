#include "orm/Collector.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "orm/Exceptions.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include "signals/ModelSignals.h"
#include <QSet>

namespace quango {

namespace {
// Keeps IN lists within every SQLite build's variable limit.
constexpr int ChunkSize = 500;

QString pkKey(const QVariant &pk) { return pk.toString(); }

QVariantList pksOf(const QList<Model> &objects)
{
    QVariantList pks;
    pks.reserve(objects.size());
    for (const Model &object : objects)
        pks << object.pk();
    return pks;
}

template <typename Fn>
void inChunks(const QVariantList &values, Fn &&fn)
{
    for (qsizetype i = 0; i < values.size(); i += ChunkSize)
        fn(values.mid(i, ChunkSize));
}
} // namespace

Collector::Collector(const QString &alias, Mode mode) : m_alias(alias), m_mode(mode) {}

QString Collector::objectKey(const Model &object) { return object.meta()->label() + QLatin1Char(':') + pkKey(object.pk()); }

QList<Model> Collector::cascadedFrom(const Model &object) const { return m_edges.value(objectKey(object)); }

void Collector::collect(const QList<Model> &objects)
{
    QHash<const ModelMeta *, QList<Model>> byModel;
    QList<const ModelMeta *> order;
    for (const Model &object : objects) {
        if (!object.isValid())
            continue;
        if (!byModel.contains(object.meta()))
            order << object.meta();
        byModel[object.meta()] << object;
        m_roots << object;
    }
    for (const ModelMeta *model : order)
        collectBatch(model, byModel.value(model), 0);

    // RESTRICT allows the delete when the restricting object goes too, through a CASCADE.
    QStringList blocking;
    for (const Restricted &r : std::as_const(m_restricted))
        if (!m_seen.value(r.object.meta()).contains(pkKey(r.object.pk()))) {
            blocking << QStringLiteral("%1 \"%2\" (via %3.%4)").arg(r.object.meta()->verboseName(), r.object.str(),
                                                                    r.object.meta()->objectName(), r.field->name());
            if (m_mode == Mode::Preview)
                m_blocked.append({r.object, r.field, r.target, true});
        }
    m_restricted.clear(); // judged: a later collect() call must not report them twice
    if (!blocking.isEmpty() && m_mode == Mode::Delete)
        throw RestrictedError(QStringLiteral("Cannot delete: these objects reference it through restricted foreign keys: %1")
                                  .arg(blocking.join(QStringLiteral(", "))), blocking);
}

void Collector::collectBatch(const ModelMeta *model, const QList<Model> &objects, int depth)
{
    if (depth > 100)
        throw DatabaseError(QStringLiteral("Cascade deeper than 100 levels from %1: is there a cycle of CASCADE foreign keys?").arg(model->label()));
    QList<Model> fresh;
    QSet<QString> &seen = m_seen[model];
    for (const Model &object : objects) {
        const QString key = pkKey(object.pk());
        if (seen.contains(key))
            continue;
        seen.insert(key);
        fresh << object;
    }
    if (fresh.isEmpty())
        return;
    if (!m_objects.contains(model))
        m_order << model;
    m_objects[model] << fresh;
    const QVariantList pks = pksOf(fresh);

    for (const ReverseRelation &relation : model->reverseRelations()) {
        if (relation.manyToMany)
            continue; // through rows go with the object, below
        auto *fk = static_cast<const ForeignKey *>(relation.field);
        if (fk->onDelete() == OnDelete::DoNothing)
            continue;
        QList<Model> related;
        inChunks(pks, [&](const QVariantList &chunk) {
            related << QuerySet(relation.model, m_alias).filter(Q(fk->name() + QStringLiteral("__in"), chunk)).list();
        });
        if (related.isEmpty())
            continue;
        // Preview: the object each related one points at, for the tree and
        // for naming what a blocking object protects.
        QHash<QString, Model> targets;
        if (m_mode == Mode::Preview) {
            const QString targetName = fk->targetField() ? fk->targetField()->name() : model->pk()->name();
            for (const Model &object : fresh)
                targets.insert(pkKey(object.value(targetName)), object);
        }
        switch (fk->onDelete()) {
        case OnDelete::Cascade:
            if (m_mode == Mode::Preview)
                for (const Model &object : std::as_const(related)) {
                    const Model source = targets.value(pkKey(object.value(fk->name())));
                    if (source.isValid())
                        m_edges[objectKey(source)] << object;
                }
            collectBatch(relation.model, related, depth + 1);
            break;
        case OnDelete::Protect: {
            if (m_mode == Mode::Preview) {
                for (const Model &object : std::as_const(related))
                    m_blocked.append({object, fk, targets.value(pkKey(object.value(fk->name()))), false});
                break;
            }
            QStringList names;
            for (const Model &object : std::as_const(related))
                names << QStringLiteral("%1 \"%2\"").arg(object.meta()->verboseName(), object.str());
            throw ProtectedError(QStringLiteral("Cannot delete some instances of model '%1' because they are referenced through "
                                                "protected foreign keys: '%2.%3'. Protected objects: %4")
                                     .arg(model->objectName(), relation.model->objectName(), fk->name(), names.join(QStringLiteral(", "))),
                                 names);
        }
        case OnDelete::Restrict:
            for (const Model &object : std::as_const(related))
                m_restricted.append({fk, object, targets.value(pkKey(object.value(fk->name())))});
            break;
        case OnDelete::SetNull:
        case OnDelete::SetDefault: {
            if (fk->onDelete() == OnDelete::SetNull && !fk->isNull())
                throw ImproperlyConfigured(QStringLiteral("%1.%2 uses SET_NULL but is not null=True.").arg(relation.model->label(), fk->name()));
            FieldUpdate update;
            update.field = fk;
            update.value = fk->onDelete() == OnDelete::SetNull ? QVariant() : fk->defaultValue();
            update.pks = pksOf(related);
            m_updates.append(update);
            break;
        }
        case OnDelete::DoNothing:
            break;
        }
    }
}

QList<QPair<const ModelMeta *, QList<Model>>> Collector::collected() const
{
    QList<QPair<const ModelMeta *, QList<Model>>> out;
    for (const ModelMeta *model : m_order)
        out.append({model, m_objects.value(model)});
    return out;
}

DeleteResult Collector::deleteAll()
{
    if (!m_blocked.isEmpty()) {
        QStringList names;
        for (const Blocked &b : std::as_const(m_blocked))
            names << QStringLiteral("%1 \"%2\"").arg(b.object.meta()->verboseName(), b.object.str());
        throw ProtectedError(QStringLiteral("Cannot delete: these objects protect what would be deleted: %1. "
                                            "Delete or change them first.").arg(names.join(QStringLiteral(", "))), names);
    }
    DeleteResult result;
    Connection &connection = Connection::get(m_alias);
    const DatabaseOperations &ops = connection.ops();
    Atomic transaction(m_alias);

    for (const ModelMeta *model : std::as_const(m_order))
        if (signals::preDelete.hasListeners(model))
            for (const Model &object : m_objects.value(model))
                signals::preDelete.send(model, object, m_alias);

    for (const FieldUpdate &update : std::as_const(m_updates)) {
        const ModelMeta *model = update.field->model();
        inChunks(update.pks, [&](const QVariantList &chunk) {
            QuerySet(model, m_alias).filter(Q(QStringLiteral("pk__in"), chunk)).update({{update.field->name(), Arg(update.value)}});
        });
    }

    // Dependents were collected after what they point to: delete them first.
    for (auto it = m_order.crbegin(); it != m_order.crend(); ++it) {
        const ModelMeta *model = *it;
        const QVariantList pks = pksOf(m_objects.value(model));
        // Through rows of many-to-many relations, forward and reverse.
        auto deleteThrough = [&](const ManyToManyField *m2m, const QString &column) {
            const QString label = m2m->model()->appLabel() + QLatin1Char('.') + m2m->model()->objectName() + QLatin1Char('_') + m2m->name();
            inChunks(pks, [&](const QVariantList &chunk) {
                QStringList marks(chunk.size(), QStringLiteral("?"));
                QVariantList params;
                for (const QVariant &pk : chunk)
                    params << model->pk()->toDatabase(pk, ops);
                QSqlQuery &query = connection.execute(QStringLiteral("DELETE FROM %1 WHERE %2 IN (%3)")
                                                          .arg(ops.quoteName(m2m->throughTable()), ops.quoteName(column), marks.join(QStringLiteral(", "))),
                                                      params);
                const int n = query.numRowsAffected();
                if (n > 0) {
                    result.perModel[label] += n;
                    result.total += n;
                }
            });
        };
        for (const ManyToManyField *m2m : model->manyToManyFields())
            deleteThrough(m2m, m2m->sourceColumn());
        for (const ReverseRelation &relation : model->reverseRelations())
            if (relation.manyToMany)
                deleteThrough(static_cast<const ManyToManyField *>(relation.field),
                              static_cast<const ManyToManyField *>(relation.field)->targetColumn());

        int deleted = 0;
        inChunks(pks, [&](const QVariantList &chunk) {
            QStringList marks(chunk.size(), QStringLiteral("?"));
            QVariantList params;
            for (const QVariant &pk : chunk)
                params << model->pk()->toDatabase(pk, ops);
            QSqlQuery &query = connection.execute(QStringLiteral("DELETE FROM %1 WHERE %2 IN (%3)")
                                                      .arg(ops.quoteName(model->dbTable()), ops.quoteName(model->pk()->column()),
                                                           marks.join(QStringLiteral(", "))),
                                                  params);
            deleted += query.numRowsAffected();
        });
        if (deleted > 0) {
            result.perModel[model->label()] += deleted;
            result.total += deleted;
        }
    }

    for (const ModelMeta *model : std::as_const(m_order))
        if (signals::postDelete.hasListeners(model))
            for (const Model &object : m_objects.value(model))
                signals::postDelete.send(model, object, m_alias);
    transaction.commit();
    return result;
}

} // namespace quango
