#include "serializers/FixtureLoader.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "orm/Exceptions.h"
#include "orm/ManyRelatedManager.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include "serializers/DeserializationError.h"
#include "serializers/JsonDeserializer.h"
#include "serializers/Logging.h"
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace quango {

FixtureLoader::FixtureLoader(QString alias) : m_alias(std::move(alias))
{
}

FixtureLoadResult FixtureLoader::loadFiles(const QStringList &paths)
{
    QList<Fixture> fixtures;
    for (const QString &path : paths) {
        QString file = path;
        if (!QFileInfo(file).isFile() && QFileInfo(file).suffix().isEmpty() && QFileInfo(file + QStringLiteral(".json")).isFile())
            file += QStringLiteral(".json");
        if (!QFileInfo(file).isFile())
            throw Error(QStringLiteral("No fixture named '%1' found.").arg(path));
        const QString suffix = QFileInfo(file).suffix().toLower();
        if (suffix != QLatin1String("json"))
            throw Error(QStringLiteral("Problem installing fixture '%1': %2 is not a known serialization format (only json is).").arg(file, suffix));
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            throw Error(QStringLiteral("Problem installing fixture '%1': cannot read it: %2").arg(file, in.errorString()));
        fixtures.append({file, in.readAll()});
    }
    return load(fixtures);
}

void FixtureLoader::save(DeserializedObject &object) const
{
    try {
        object.object.save(SaveOptions{.raw = true, .using_ = m_alias});
    } catch (const Error &e) {
        throw DeserializationError::inFixture(object.fixture, QStringLiteral("Could not load %1: %2").arg(object.describe(), e.message()));
    }
}

void FixtureLoader::checkReferences(const QList<DeserializedObject> &objects) const
{
    // Per relation, the distinct target pks; one query per relation and chunk.
    struct Targets {
        const RelatedField *field = nullptr;
        QHash<QString, QVariant> pks;
    };
    QHash<const RelatedField *, Targets> relations;
    QList<const RelatedField *> order;
    auto note = [&](const RelatedField *field, const QVariant &pk) {
        auto it = relations.find(field);
        if (it == relations.end()) {
            it = relations.insert(field, Targets{field, {}});
            order << field;
        }
        it->pks.insert(pk.toString(), pk);
    };
    for (const DeserializedObject &object : objects) {
        const QList<const Field *> &fields = object.object.meta()->concreteFields();
        for (int i = 0; i < fields.size(); ++i)
            if (const auto *fk = dynamic_cast<const ForeignKey *>(fields.at(i)); fk && !object.object.value(i).isNull())
                note(fk, object.object.value(i));
        for (const auto &[m2m, pks] : object.m2m)
            for (const QVariant &pk : pks)
                note(m2m, pk);
    }

    QHash<const RelatedField *, QSet<QString>> missing;
    for (const RelatedField *field : std::as_const(order)) {
        const Targets &targets = relations[field];
        const QVariantList wanted = targets.pks.values();
        QSet<QString> found;
        constexpr qsizetype Chunk = 500;
        for (qsizetype start = 0; start < wanted.size(); start += Chunk) {
            const QVariantList chunk = wanted.mid(start, Chunk);
            const QVariantList existing = QuerySet(field->relatedModel(), m_alias).filter(Q(QStringLiteral("pk__in"), chunk)).valuesListFlat(QStringLiteral("pk")).list();
            for (const QVariant &pk : existing)
                found.insert(pk.toString());
        }
        for (auto it = targets.pks.cbegin(); it != targets.pks.cend(); ++it)
            if (!found.contains(it.key()))
                missing[field].insert(it.key());
    }
    if (missing.isEmpty())
        return;
    // Name the first object, in fixture order, that points nowhere.
    auto complain = [](const DeserializedObject &object, const RelatedField *field, const QVariant &pk) {
        throw DeserializationError::inFixture(object.fixture, QStringLiteral("%1 field '%2': %3 with pk %4 does not exist.")
                                                                  .arg(object.describe(), field->name(), field->relatedModel()->labelLower(),
                                                                       DeserializedObject::pkText(pk)));
    };
    for (const DeserializedObject &object : objects) {
        const QList<const Field *> &fields = object.object.meta()->concreteFields();
        for (int i = 0; i < fields.size(); ++i)
            if (const auto *fk = dynamic_cast<const ForeignKey *>(fields.at(i)); fk && missing.value(fk).contains(object.object.value(i).toString()))
                complain(object, fk, object.object.value(i));
        for (const auto &[m2m, pks] : object.m2m)
            for (const QVariant &pk : pks)
                if (missing.value(m2m).contains(pk.toString()))
                    complain(object, m2m, pk);
    }
}

void FixtureLoader::resetSequences(const QList<DeserializedObject> &objects) const
{
    Connection &connection = Connection::get(m_alias);
    if (connection.vendor() != DatabaseOperations::Vendor::Postgres)
        return; // SQLite's AUTOINCREMENT bookkeeping follows explicit ids by itself
    const DatabaseOperations &ops = connection.ops();
    QSet<const ModelMeta *> done;
    for (const DeserializedObject &object : objects) {
        const ModelMeta *meta = object.object.meta();
        if (done.contains(meta) || !meta->pk()->isAutoField())
            continue;
        done.insert(meta);
        // Django's sequence_reset_sql: the next id follows the largest one loaded.
        const QString column = ops.quoteName(meta->pk()->column());
        connection.execute(QStringLiteral("SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max(%1), 1), max(%1) IS NOT null) FROM %2")
                               .arg(column, ops.quoteName(meta->dbTable())),
                           {ops.quoteName(meta->dbTable()), meta->pk()->column()});
    }
}

FixtureLoadResult FixtureLoader::load(const QList<Fixture> &fixtures)
{
    FixtureLoadResult result;
    QList<DeserializedObject> objects;
    for (const Fixture &fixture : fixtures) {
        JsonDeserializer deserializer(fixture.name);
        deserializer.setIgnoreNonexistent(m_ignoreNonexistent);
        deserializer.setExcludedModels(m_excluded);
        int total = 0;
        objects += deserializer.deserialize(fixture.data, &total);
        ++result.fixtureCount;
        result.objectCount += total;
        if (total == 0)
            result.emptyFixtures << fixture.name;
    }
    if (objects.isEmpty())
        return result;

    Connection &connection = Connection::get(m_alias);
    Atomic transaction(m_alias);
    // Constraints are checked at commit, so an object may point to one that
    // comes later in the fixtures (tables are made DEFERRABLE INITIALLY
    // DEFERRED; this covers tables made otherwise, e.g. by Django itself).
    // Not through execute(): QPSQL prepares statements with PREPARE, which
    // takes no SET.
    connection.executeScript({connection.vendor() == DatabaseOperations::Vendor::Postgres ? QStringLiteral("SET CONSTRAINTS ALL DEFERRED")
                                                                                           : QStringLiteral("PRAGMA defer_foreign_keys = ON")});
    for (DeserializedObject &object : objects) {
        save(object);
        qCDebug(lcSerializers) << "loaded" << object.describe() << "from" << object.fixture;
    }
    checkReferences(objects);
    for (DeserializedObject &object : objects) {
        for (const auto &[m2m, pks] : std::as_const(object.m2m)) {
            try {
                object.object.manyRelated(m2m->name()).set(pks);
            } catch (const Error &e) {
                throw DeserializationError::inFixture(object.fixture, QStringLiteral("Could not set %1 of %2: %3").arg(m2m->name(), object.describe(), e.message()));
            }
        }
    }
    resetSequences(objects);
    transaction.commit();
    result.loadedCount = int(objects.size());
    return result;
}

} // namespace quango
