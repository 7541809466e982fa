#include "serializers/JsonDeserializer.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "orm/RelatedField.h"
#include "serializers/DeserializationError.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace quango {

namespace {
QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

QString validationText(const ValidationError &e)
{
    QStringList messages;
    for (const QStringList &list : e.errors())
        messages << list;
    return messages.join(u' ');
}
} // namespace

JsonDeserializer::JsonDeserializer(QString fixtureName) : m_fixture(std::move(fixtureName))
{
}

void JsonDeserializer::fail(const QString &problem) const
{
    throw DeserializationError::inFixture(m_fixture, problem);
}

QVariant JsonDeserializer::cleanRelated(const Field *target, const QJsonValue &value, const QString &where, const QString &fieldName) const
{
    if (value.isArray() || value.isObject())
        fail(QStringLiteral("%1 field '%2': natural keys are not supported, give the related object's pk (got %3).").arg(where, fieldName, jsonText(value)));
    try {
        return target->clean(value.toVariant());
    } catch (const ValidationError &e) {
        fail(QStringLiteral("%1 field '%2': '%3' is not a valid pk of %4: %5")
                 .arg(where, fieldName, jsonText(value), target->model()->labelLower(), validationText(e)));
    }
}

QList<DeserializedObject> JsonDeserializer::deserialize(const QByteArray &json, int *total) const
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        fail(QStringLiteral("malformed JSON at offset %1: %2.").arg(error.offset).arg(error.errorString()));
    if (!document.isArray())
        fail(QStringLiteral("a fixture is a JSON list of objects ([{\"model\": \"app.model\", \"pk\": 1, \"fields\": {...}}]), this one is not a list."));

    const QJsonArray entries = document.array();
    if (total)
        *total = int(entries.size());
    QList<DeserializedObject> objects;
    objects.reserve(entries.size());
    const Registry &registry = Registry::instance();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString position = QStringLiteral("object #%1").arg(i + 1);
        if (!entries.at(i).isObject())
            fail(QStringLiteral("%1 is not a JSON object: %2").arg(position, jsonText(entries.at(i))));
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonValue pkValue = entry.value(QLatin1String("pk"));
        const QString pkText = pkValue.isUndefined() || pkValue.isNull() ? QStringLiteral("None") : jsonText(pkValue);
        if (!entry.value(QLatin1String("model")).isString())
            fail(QStringLiteral("%1 (pk=%2) has no \"model\" string.").arg(position, pkText));
        const QString label = entry.value(QLatin1String("model")).toString();
        const QString where = QStringLiteral("%1(pk=%2)").arg(label, pkText);
        const ModelMeta *meta = label.count(u'.') == 1 ? registry.model(label) : nullptr;
        if (!meta)
            fail(QStringLiteral("%1: Invalid model identifier: '%2'.").arg(where, label));
        if (!entry.value(QLatin1String("fields")).isObject())
            fail(QStringLiteral("%1: no \"fields\" object.").arg(where));

        DeserializedObject out{Model(meta), {}, m_fixture, int(i)};
        if (!pkValue.isUndefined() && !pkValue.isNull()) {
            try {
                out.object.setPk(meta->pk()->clean(pkValue.toVariant()));
            } catch (const ValidationError &e) {
                fail(QStringLiteral("%1: '%2' is not a valid pk: %3").arg(where, pkText, validationText(e)));
            }
        }
        const QJsonObject fields = entry.value(QLatin1String("fields")).toObject();
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
            const QString name = it.key();
            const Field *field = meta->field(name);
            if (!field || field->name() != name) {
                if (m_ignoreNonexistent)
                    continue;
                fail(QStringLiteral("%1: %2 has no field named '%3'.").arg(where, meta->label(), name));
            }
            const QJsonValue value = it.value();
            if (const auto *m2m = dynamic_cast<const ManyToManyField *>(field)) {
                if (!value.isArray())
                    fail(QStringLiteral("%1 field '%2': a ManyToMany value is a list of pks, got %3.").arg(where, name, jsonText(value)));
                QVariantList pks;
                for (const QJsonValue &pk : value.toArray())
                    pks << cleanRelated(m2m->relatedModel()->pk(), pk, where, name);
                out.m2m.append({m2m, pks});
                continue;
            }
            if (const auto *fk = dynamic_cast<const ForeignKey *>(field)) {
                out.object.setValue(name, value.isNull() ? QVariant() : cleanRelated(fk->targetField(), value, where, name));
                continue;
            }
            try {
                out.object.setValue(name, value.isNull() ? QVariant() : field->clean(value.toVariant()));
            } catch (const ValidationError &e) {
                fail(QStringLiteral("%1 field '%2': %3").arg(where, name, validationText(e)));
            }
        }
        if (!m_excluded.contains(meta))
            objects.append(std::move(out));
    }
    return objects;
}

} // namespace quango
