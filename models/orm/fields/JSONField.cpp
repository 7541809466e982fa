#include "orm/fields/JSONField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace quango {

using namespace Qt::Literals::StringLiterals;

QVariant JSONField::clean(const QVariant &value) const
{
    if (value.isNull())
        return QVariant();
    if (value.metaType().id() == QMetaType::QJsonDocument) {
        const QJsonDocument doc = value.toJsonDocument();
        return doc.isArray() ? QVariant(doc.array().toVariantList()) : QVariant(doc.object().toVariantMap());
    }
    const QJsonValue json = QJsonValue::fromVariant(value);
    if (json.isUndefined())
        raiseInvalid(u"Value must be valid JSON."_s);
    return json.toVariant();
}

QVariant JSONField::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull())
        return QVariant();
    return ops.adaptJson(clean(value));
}

QVariant JSONField::fromDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull())
        return QVariant();
    return ops.convertJson(value);
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
    const QByteArray text = QJsonDocument(QJsonArray{json}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

} // namespace quango
