#include "serializers/JsonSerializer.h"
#include "db/Connection.h"
#include "orm/Manager.h"
#include "orm/Model.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include <QSet>
#include <QSqlQuery>
#include <algorithm>

namespace quango {

namespace {
// Sorts pks as numbers when they are numbers, else as text.
bool pkLess(const QVariant &a, const QVariant &b)
{
    bool okA = false, okB = false;
    const qlonglong na = a.toLongLong(&okA), nb = b.toLongLong(&okB);
    if (okA && okB)
        return na < nb;
    return a.toString() < b.toString();
}

// Bound values per IN list when reading the links of given objects.
constexpr qsizetype LinkChunkSize = 500;
} // namespace

JsonSerializer::JsonSerializer(Writer write, int indent, QString alias)
    : m_write(std::move(write)), m_encoder(indent), m_alias(std::move(alias))
{
}

void JsonSerializer::startSerialization()
{
    m_count = 0;
    m_write(QStringLiteral("["));
}

void JsonSerializer::endSerialization()
{
    if (m_encoder.indented())
        m_write(QStringLiteral("\n]\n"));
    else
        m_write(QStringLiteral("]"));
}

QVariant JsonSerializer::dumpValue(const Field *field, const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QVariant();
    if (const auto *fk = dynamic_cast<const ForeignKey *>(field))
        return fk->targetField() ? dumpValue(fk->targetField(), value) : value;
    const QString type = field->internalType();
    if (type == QLatin1String("DecimalField"))
        return value.toString();
    if (type == QLatin1String("BooleanField"))
        return value.toBool();
    if (type == QLatin1String("FloatField"))
        return value.toDouble();
    if (type == QLatin1String("JSONField") || type == QLatin1String("DateTimeField") || type == QLatin1String("DateField")
        || type == QLatin1String("UUIDField"))
        return value; // DjangoJsonEncoder's forms
    if (field->jsonType() == Field::JsonType::Integer) {
        bool ok = false;
        const qlonglong n = value.toLongLong(&ok);
        return ok ? QVariant(n) : value;
    }
    return value.toString();
}

JsonSerializer::ManyToManyData JsonSerializer::loadManyToMany(const ModelMeta *model, const QVariantList &pks, bool wholeTable) const
{
    ManyToManyData data;
    const QList<const ManyToManyField *> fields = model->manyToManyFields();
    if (fields.isEmpty())
        return data;
    Connection &connection = Connection::get(m_alias);
    const DatabaseOperations &ops = connection.ops();
    const Field *sourcePk = model->pk();
    // Only the links of the objects written: a list exported in chunks must
    // not read the whole link table once per chunk. Chunks of 500 bound
    // values stay within every SQLite build's variable limit.
    QList<QVariantList> chunks;
    if (wholeTable) {
        chunks.append(QVariantList());
    } else {
        QVariantList bound;
        QSet<QString> seen;
        for (const QVariant &pk : pks) {
            if (pk.isNull() || seen.contains(pk.toString()))
                continue;
            seen.insert(pk.toString());
            bound << sourcePk->toDatabase(pk, ops);
        }
        for (qsizetype i = 0; i < bound.size(); i += LinkChunkSize)
            chunks.append(bound.mid(i, LinkChunkSize));
    }
    for (const ManyToManyField *field : fields) {
        const Field *targetPk = field->relatedModel()->pk();
        QHash<QString, QVariantList> links;
        for (const QVariantList &chunk : std::as_const(chunks)) {
            // Each chunk's rows are read to the end before the next statement runs.
            QString sql = QStringLiteral("SELECT %1, %2 FROM %3")
                              .arg(ops.quoteName(field->sourceColumn()), ops.quoteName(field->targetColumn()), ops.quoteName(field->throughTable()));
            if (!wholeTable)
                sql += QStringLiteral(" WHERE %1 IN (%2)").arg(ops.quoteName(field->sourceColumn()), QStringList(chunk.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
            sql += QStringLiteral(" ORDER BY %1, %2").arg(ops.quoteName(field->sourceColumn()), ops.quoteName(field->targetColumn()));
            QSqlQuery &query = connection.execute(sql, chunk);
            while (query.next()) {
                const QString source = sourcePk->fromDatabase(query.value(0), ops).toString();
                links[source] << dumpValue(targetPk, targetPk->fromDatabase(query.value(1), ops));
            }
            query.finish();
        }
        for (QVariantList &list : links)
            std::sort(list.begin(), list.end(), pkLess);
        data.append({field, links});
    }
    return data;
}

void JsonSerializer::writeObject(const Model &object, const ManyToManyData &m2m)
{
    const ModelMeta *meta = object.meta();
    QString text;
    if (m_count > 0)
        text += m_encoder.itemSeparator();
    if (m_encoder.indented())
        text += QLatin1Char('\n');
    // The object as json.dump writes {"model": ..., "pk": ..., "fields": {...}}.
    const QString pad1 = m_encoder.newline(1), pad2 = m_encoder.newline(2);
    const QString sep = m_encoder.itemSeparator();
    text += QLatin1Char('{') + pad1 + QStringLiteral("\"model\": ") + DjangoJsonEncoder::quote(meta->labelLower());
    text += sep + pad1 + QStringLiteral("\"pk\": ");
    m_encoder.encode(text, dumpValue(meta->pk(), object.pk()), 1);
    text += sep + pad1 + QStringLiteral("\"fields\": ");
    bool first = true;
    auto key = [&](const QString &name) {
        text += (first ? QStringLiteral("{") : sep) + pad2 + DjangoJsonEncoder::quote(name) + QStringLiteral(": ");
        first = false;
    };
    const QList<const Field *> &concrete = meta->concreteFields();
    for (int i = 0; i < concrete.size(); ++i) {
        if (i == meta->pkIndex())
            continue;
        key(concrete.at(i)->name());
        m_encoder.encode(text, dumpValue(concrete.at(i), object.value(i)), 2);
    }
    const QString pk = object.pk().toString();
    for (const auto &[field, links] : m2m) {
        key(field->name());
        m_encoder.encode(text, links.value(pk), 2);
    }
    text += first ? QStringLiteral("{}") : m_encoder.newline(1) + QLatin1Char('}');
    text += m_encoder.newline(0) + QLatin1Char('}');
    m_write(text);
    ++m_count;
}

qint64 JsonSerializer::serializeModel(const ModelMeta *model, const QVariantList &pks, bool baseManager)
{
    const ManyToManyData m2m = loadManyToMany(model, pks, pks.isEmpty());
    QuerySet rows = (baseManager ? QuerySet(model, m_alias) : model->objects().all().using_(m_alias)).orderBy({model->pk()->name()});
    if (!pks.isEmpty())
        rows = rows.filter(Q(QStringLiteral("pk__in"), pks));
    const qint64 before = m_count;
    rows.iterator(2000, [&](const Model &object) { writeObject(object, m2m); });
    return m_count - before;
}

void JsonSerializer::serializeObjects(const QList<Model> &objects)
{
    // The links of these objects only, per model, read before any is written.
    QHash<const ModelMeta *, QVariantList> pks;
    QList<const ModelMeta *> order;
    for (const Model &object : objects) {
        auto it = pks.find(object.meta());
        if (it == pks.end()) {
            it = pks.insert(object.meta(), {});
            order << object.meta();
        }
        it->append(object.pk());
    }
    QHash<const ModelMeta *, ManyToManyData> m2m;
    for (const ModelMeta *model : std::as_const(order))
        m2m.insert(model, loadManyToMany(model, pks.value(model), false));
    for (const Model &object : objects)
        writeObject(object, m2m.value(object.meta()));
}

QString JsonSerializer::serialize(const QList<const ModelMeta *> &models, int indent)
{
    QString out;
    JsonSerializer serializer([&out](const QString &text) { out += text; }, indent);
    serializer.startSerialization();
    for (const ModelMeta *model : models)
        serializer.serializeModel(model);
    serializer.endSerialization();
    return out;
}

} // namespace quango
