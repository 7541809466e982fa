#include "migrations/Operation.h"
#include "orm/FieldFactory.h"
#include "orm/Exceptions.h"

namespace quango {

Operation::~Operation() = default;

QString Operation::requiredString(const QJsonObject &json, const char *key)
{
    const QString value = json.value(QLatin1String(key)).toString();
    if (value.isEmpty())
        throw FieldError(QStringLiteral("%1 needs a string '%2'.").arg(json.value(QStringLiteral("type")).toString(), QLatin1String(key)));
    return value;
}

QJsonObject Operation::requiredObject(const QJsonObject &json, const char *key)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (!value.isObject())
        throw FieldError(QStringLiteral("%1 needs an object '%2'.").arg(json.value(QStringLiteral("type")).toString(), QLatin1String(key)));
    return value.toObject();
}

QVariantMap Operation::requiredField(const QJsonObject &json)
{
    const QVariantMap field = requiredObject(json, "field").toVariantMap();
    FieldFactory::create(field);
    if (field.value(QStringLiteral("name")).toString().isEmpty())
        throw FieldError(QStringLiteral("%1: the field has no name.").arg(json.value(QStringLiteral("type")).toString()));
    return field;
}

} // namespace quango
