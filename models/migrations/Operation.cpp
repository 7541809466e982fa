#include "migrations/Operation.h"
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

} // namespace quango
