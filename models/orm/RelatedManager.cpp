#include "orm/RelatedManager.h"
#include "orm/Exceptions.h"
#include "orm/RelatedField.h"

namespace quango {

QString RelatedManager::db() const { return m_instance.db().isEmpty() ? QStringLiteral("default") : m_instance.db(); }

RelatedManager::RelatedManager(const Model &instance, const ReverseRelation &relation)
    : Manager(relation.model), m_instance(instance), m_relation(relation)
{
    if (m_instance.pk().isNull())
        throw FieldError(QStringLiteral("'%1' instance needs to have a primary key value before this relationship (%2) can be used.")
                             .arg(m_instance.meta()->objectName(), relation.accessorName));
}

QuerySet RelatedManager::querySet() const
{
    return m_relation.model->objects().querySet().using_(db()).filter(Q(m_relation.field->name(), m_instance.pk()));
}

QList<Model> RelatedManager::list() const
{
    if (const QList<Model> *cached = m_instance.prefetched(m_relation.accessorName))
        return *cached;
    return querySet().list();
}

void RelatedManager::add(const QList<Model> &objects) const
{
    QVariantList pks;
    for (const Model &object : objects) {
        if (object.meta() != m_relation.model)
            throw FieldError(QStringLiteral("'%1' instance expected, got %2.").arg(m_relation.model->objectName(), object.str()));
        if (object.pk().isNull())
            throw FieldError(QStringLiteral("%1 has not been saved yet: save it before add(), or use create().").arg(object.str()));
        pks << object.pk();
    }
    if (!pks.isEmpty())
        QuerySet(m_relation.model, db()).filter(Q(QStringLiteral("pk__in"), pks)).update({{m_relation.field->name(), m_instance.pk()}});
}

Model RelatedManager::create(const Assignments &values) const
{
    Assignments all = values;
    all.append({m_relation.field->name(), m_instance.pk()});
    return QuerySet(m_relation.model, db()).create(all);
}

void RelatedManager::remove(const QList<Model> &objects) const
{
    if (!m_relation.field->isNull())
        throw FieldError(QStringLiteral("remove() needs %1.%2 to be null=True.").arg(m_relation.model->label(), m_relation.field->name()));
    QVariantList pks;
    for (const Model &object : objects)
        pks << object.pk();
    querySet().filter(Q(QStringLiteral("pk__in"), pks)).update({{m_relation.field->name(), QVariant()}});
}

void RelatedManager::clear() const
{
    if (!m_relation.field->isNull())
        throw FieldError(QStringLiteral("clear() needs %1.%2 to be null=True.").arg(m_relation.model->label(), m_relation.field->name()));
    querySet().update({{m_relation.field->name(), QVariant()}});
}

} // namespace quango
