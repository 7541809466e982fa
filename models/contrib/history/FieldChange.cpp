#include "contrib/history/FieldChange.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "orm/ModelMeta.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include "serializers/DjangoJsonEncoder.h"
#include "serializers/JsonSerializer.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {

// Numbers by value, anything else by text: pks of either kind sort as dumpdata sorts them.
bool pkLess(const QVariant &a, const QVariant &b)
{
    bool aNumber = false, bNumber = false;
    const qlonglong x = a.toLongLong(&aNumber);
    const qlonglong y = b.toLongLong(&bNumber);
    if (aNumber && bNumber)
        return x < y;
    return a.toString() < b.toString();
}

// Declaration order: concrete fields, then ManyToMany (as the form shows them).
QStringList fieldNames(const ModelMeta &model)
{
    QStringList names;
    for (const Field *field : model.concreteFields())
        names << field->name();
    for (const ManyToManyField *field : model.manyToManyFields())
        names << field->name();
    return names;
}

} // namespace

const ModelMeta &FieldChange::meta() { return Registry::instance().modelOrThrow(u"history.FieldChange"_s); }

bool FieldChange::isSecret(const ModelMeta &model, const QString &fieldName)
{
    // A password hash stays in auth_user only: a copy here would outlive the
    // next password change (and Django's log never shows it either).
    return fieldName == u"password"_s && model.label() == u"auth.User"_s;
}

bool FieldChange::isInstalled() { return Registry::instance().model(u"history.FieldChange"_s) != nullptr; }

QString FieldChange::encodeValue(const Field *field, const QVariant &value)
{
    QVariant dumped;
    if (const auto *m2m = dynamic_cast<const ManyToManyField *>(field)) {
        const Field *targetPk = m2m->relatedModel() ? m2m->relatedModel()->pk() : nullptr;
        QVariantList pks;
        for (const QVariant &pk : value.toList())
            pks << (targetPk ? JsonSerializer::dumpValue(targetPk, pk) : pk);
        std::sort(pks.begin(), pks.end(), pkLess);
        dumped = pks;
    } else {
        dumped = JsonSerializer::dumpValue(field, value);
    }
    return DjangoJsonEncoder().encode(dumped);
}

QVariant FieldChange::decodeValue(const Field *field, const QString &json)
{
    // Wrapped in an array: a document may not be a bare scalar.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(u"["_s.append(json).append(u']').toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        throw FieldError(u"The stored history value of %1 is not JSON (%2): %3"_s
                             .arg(field->name(), error.errorString(), json.left(80)));
    const QVariant raw = doc.array().at(0).toVariant();
    if (raw.isNull())
        return QVariant();
    try {
        return field->clean(raw);
    } catch (const ValidationError &) {
        return raw;
    }
}

QVariantMap FieldChange::snapshot(const Model &instance)
{
    QVariantMap out;
    const ModelMeta *model = instance.meta();
    for (const Field *field : model->concreteFields())
        out.insert(field->name(), instance.value(field->name()));
    for (const ManyToManyField *field : model->manyToManyFields()) {
        QVariantList pks = instance.isAdding() ? QVariantList() : instance.manyRelated(field->name()).pks();
        std::sort(pks.begin(), pks.end(), pkLess);
        out.insert(field->name(), pks);
    }
    return out;
}

void FieldChange::record(const Model &entry, const ModelMeta &model, const QStringList &fields, const QVariantMap *before,
                         const QVariantMap *after)
{
    if (!isInstalled())
        return;
    const ModelMeta &self = meta();
    for (const QString &name : fields) {
        const Field *field = model.fieldOrThrow(name);
        if (isSecret(model, name))
            continue;
        Model row(&self);
        row.setValue(u"log_entry"_s, entry.pk());
        row.setValue(u"field_name"_s, name);
        row.setValue(u"old_value"_s, before ? QVariant(encodeValue(field, before->value(name))) : QVariant());
        row.setValue(u"new_value"_s, after ? QVariant(encodeValue(field, after->value(name))) : QVariant());
        row.save();
    }
}

void FieldChange::recordAddition(const Model &entry, const Model &stored)
{
    const QVariantMap values = snapshot(stored);
    record(entry, *stored.meta(), fieldNames(*stored.meta()), nullptr, &values);
}

void FieldChange::recordDeletion(const Model &entry, const ModelMeta &model, const QVariantMap &lastValues)
{
    record(entry, model, fieldNames(model), &lastValues, nullptr);
}

QHash<QString, QList<Model>> FieldChange::forEntries(const QVariantList &entryIds)
{
    QHash<QString, QList<Model>> out;
    if (entryIds.isEmpty() || !isInstalled())
        return out;
    for (const Model &row : meta().objects().filter(Q(u"log_entry__in"_s, entryIds)).orderBy({u"id"_s}))
        out[row.value(u"log_entry"_s).toString()] << row;
    return out;
}

QList<Model> FieldChange::forEntry(const QVariant &entryId) { return forEntries({entryId}).value(entryId.toString()); }

QString FieldChange::str(const Model &change)
{
    const QVariant oldValue = change.value(u"old_value"_s);
    const QVariant newValue = change.value(u"new_value"_s);
    return u"%1: %2 \u2192 %3"_s.arg(change.value(u"field_name"_s).toString(),
                                     oldValue.isNull() ? u"(none)"_s : oldValue.toString(),
                                     newValue.isNull() ? u"(none)"_s : newValue.toString());
}

} // namespace quango
