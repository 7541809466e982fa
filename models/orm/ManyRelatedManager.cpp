#include "orm/ManyRelatedManager.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "orm/Exceptions.h"
#include "orm/RelatedField.h"
#include "signals/ModelSignals.h"
#include <QSet>

namespace quango {

ManyRelatedManager::ManyRelatedManager(const Model &instance, const ManyToManyField *field, bool reverse)
    : Manager(reverse ? field->model() : field->relatedModel()), m_instance(instance), m_field(field), m_reverse(reverse)
{
    if (m_instance.pk().isNull())
        throw FieldError(QStringLiteral("\"%1\" needs to have a value for field \"%2\" before this many-to-many relationship can be used.")
                             .arg(m_instance.str(), m_instance.meta()->pk()->name()));
}

QString ManyRelatedManager::db() const { return m_instance.db().isEmpty() ? QStringLiteral("default") : m_instance.db(); }
const ModelMeta *ManyRelatedManager::otherModel() const { return m_reverse ? m_field->model() : m_field->relatedModel(); }
QString ManyRelatedManager::ownColumn() const { return m_reverse ? m_field->targetColumn() : m_field->sourceColumn(); }
QString ManyRelatedManager::otherColumn() const { return m_reverse ? m_field->sourceColumn() : m_field->targetColumn(); }

QuerySet ManyRelatedManager::querySet() const
{
    const QString path = m_reverse ? m_field->name() : m_field->relatedQueryName();
    return otherModel()->objects().querySet().using_(db()).filter(Q(path, m_instance.pk()));
}

QList<Model> ManyRelatedManager::list() const
{
    const QString accessor = m_reverse ? m_field->relatedAccessorName() : m_field->name();
    if (const QList<Model> *cached = m_instance.prefetched(accessor))
        return *cached;
    if (m_reverse) {
        if (const QList<Model> *cached = m_instance.prefetched(m_field->relatedQueryName()))
            return *cached;
    }
    return querySet().list();
}

QVariantList ManyRelatedManager::pks() const
{
    Connection &conn = Connection::get(db());
    const DatabaseOperations &ops = conn.ops();
    QSqlQuery &query = conn.execute(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                                        .arg(ops.quoteName(otherColumn()), ops.quoteName(m_field->throughTable()), ops.quoteName(ownColumn())),
                                    {m_instance.meta()->pk()->toDatabase(m_instance.pk(), ops)});
    QVariantList out;
    while (query.next())
        out << otherModel()->pk()->fromDatabase(query.value(0), ops);
    query.finish();
    return out;
}

static QVariantList pksOf(const QList<Model> &objects, const ModelMeta *expected)
{
    QVariantList pks;
    for (const Model &object : objects) {
        if (object.meta() != expected)
            throw FieldError(QStringLiteral("'%1' instance expected, got %2.").arg(expected->objectName(), object.str()));
        if (object.pk().isNull())
            throw FieldError(QStringLiteral("Cannot add \"%1\": the value for field \"%2\" is None.").arg(object.str(), expected->pk()->name()));
        pks << object.pk();
    }
    return pks;
}

void ManyRelatedManager::add(const QList<Model> &objects) const { add(pksOf(objects, otherModel())); }
void ManyRelatedManager::remove(const QList<Model> &objects) const { remove(pksOf(objects, otherModel())); }

void ManyRelatedManager::add(const QVariantList &given) const
{
    QVariantList wanted;
    QSet<QString> seen;
    for (const QVariant &pk : given) {
        const QVariant clean = otherModel()->pk()->clean(pk);
        if (!seen.contains(clean.toString())) {
            seen.insert(clean.toString());
            wanted << clean;
        }
    }
    const QVariantList existing = pks();
    QSet<QString> have;
    for (const QVariant &pk : existing)
        have.insert(pk.toString());
    QVariantList missing;
    for (const QVariant &pk : std::as_const(wanted))
        if (!have.contains(pk.toString()))
            missing << pk;
    if (missing.isEmpty())
        return;
    // Check the targets exist: a clear error instead of a deferred FK failure at COMMIT.
    const qint64 found = QuerySet(otherModel(), db()).filter(Q(QStringLiteral("pk__in"), missing)).count();
    if (found != missing.size())
        throw IntegrityError(QStringLiteral("Cannot add to %1.%2: some of %3 are not existing %4 rows.")
                                 .arg(m_field->model()->label(), m_field->name(), QVariant(missing).toStringList().join(QStringLiteral(", ")),
                                      otherModel()->label()));
    Atomic block(db());
    Connection &conn = Connection::get(db());
    const DatabaseOperations &ops = conn.ops();
    M2MChange change{QStringLiteral("pre_add"), &m_instance, m_reverse, otherModel(), missing, conn.alias()};
    signals::m2mChanged.send(m_field->model(), change);
    const QString sql = QStringLiteral("INSERT INTO %1 (%2, %3) VALUES (?, ?)")
                            .arg(ops.quoteName(m_field->throughTable()), ops.quoteName(ownColumn()), ops.quoteName(otherColumn()));
    const QVariant own = m_instance.meta()->pk()->toDatabase(m_instance.pk(), ops);
    for (const QVariant &pk : std::as_const(missing))
        conn.execute(sql, {own, otherModel()->pk()->toDatabase(pk, ops)});
    change.action = QStringLiteral("post_add");
    signals::m2mChanged.send(m_field->model(), change);
    block.commit();
}

void ManyRelatedManager::remove(const QVariantList &given) const
{
    if (given.isEmpty())
        return;
    Atomic block(db());
    Connection &conn = Connection::get(db());
    const DatabaseOperations &ops = conn.ops();
    QVariantList pks;
    for (const QVariant &pk : given)
        pks << otherModel()->pk()->clean(pk);
    M2MChange change{QStringLiteral("pre_remove"), &m_instance, m_reverse, otherModel(), pks, conn.alias()};
    signals::m2mChanged.send(m_field->model(), change);
    QStringList marks(pks.size(), QStringLiteral("?"));
    QVariantList params{m_instance.meta()->pk()->toDatabase(m_instance.pk(), ops)};
    for (const QVariant &pk : std::as_const(pks))
        params << otherModel()->pk()->toDatabase(pk, ops);
    conn.execute(QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND %3 IN (%4)")
                     .arg(ops.quoteName(m_field->throughTable()), ops.quoteName(ownColumn()), ops.quoteName(otherColumn()),
                          marks.join(QStringLiteral(", "))),
                 params);
    change.action = QStringLiteral("post_remove");
    signals::m2mChanged.send(m_field->model(), change);
    block.commit();
}

void ManyRelatedManager::set(const QVariantList &given) const
{
    Atomic block(db());
    QSet<QString> wanted;
    QVariantList wantedList;
    for (const QVariant &pk : given) {
        const QVariant clean = otherModel()->pk()->clean(pk);
        wanted.insert(clean.toString());
        wantedList << clean;
    }
    const QVariantList current = pks();
    QVariantList stale;
    QSet<QString> have;
    for (const QVariant &pk : current) {
        have.insert(pk.toString());
        if (!wanted.contains(pk.toString()))
            stale << pk;
    }
    remove(stale);
    QVariantList missing;
    for (const QVariant &pk : std::as_const(wantedList))
        if (!have.contains(pk.toString()))
            missing << pk;
    add(missing);
    block.commit();
}

void ManyRelatedManager::clear() const
{
    Atomic block(db());
    Connection &conn = Connection::get(db());
    const DatabaseOperations &ops = conn.ops();
    M2MChange change{QStringLiteral("pre_clear"), &m_instance, m_reverse, otherModel(), {}, conn.alias()};
    signals::m2mChanged.send(m_field->model(), change);
    conn.execute(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(ops.quoteName(m_field->throughTable()), ops.quoteName(ownColumn())),
                 {m_instance.meta()->pk()->toDatabase(m_instance.pk(), ops)});
    change.action = QStringLiteral("post_clear");
    signals::m2mChanged.send(m_field->model(), change);
    block.commit();
}

} // namespace quango
