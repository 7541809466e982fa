#include "orm/fields/JSONField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
namespace quango {

QVariant JSONField::clean(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return QVariant();
    const QJsonValue json = QJsonValue::fromVariant(value);
    if (json.isUndefined())
        raiseInvalid(QStringLiteral("Value must be valid JSON."));
    return json.toVariant();
}

QVariant JSONField::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    return value.isNull() ? QVariant() : ops.adaptJson(clean(value));
}

QVariant JSONField::fromDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    return value.isNull() ? QVariant() : ops.convertJson(value);
}

QString JSONField::displayValue(const QVariant &value) const
{
    if (value.isNull())
        return QString();
    const QJsonValue json = QJsonValue::fromVariant(value);
    if (json.isObject())
        return QString::fromUtf8(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
    if (json.isArray())
        return QString::fromUtf8(QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
    return value.toString();
}

} // namespace quango
