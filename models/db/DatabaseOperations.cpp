#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include "orm/Field.h"
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace quango {

QString DatabaseOperations::quoteName(const QString &name) const
{
    if (name.startsWith(QLatin1Char('"')) && name.endsWith(QLatin1Char('"')) && name.size() > 1)
        return name;
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString DatabaseOperations::relatedColumnType(const Field &target) const { return columnType(target); }

QString DatabaseOperations::columnCheck(const Field &field) const
{
    if (field.internalType() == QLatin1String("PositiveIntegerField"))
        return quoteName(field.column()) + QStringLiteral(" >= 0");
    return {};
}

QString DatabaseOperations::patternValue(const QString &lookup, const QString &value) const
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    if (lookup == QLatin1String("contains") || lookup == QLatin1String("icontains"))
        return QLatin1Char('%') + escaped + QLatin1Char('%');
    if (lookup == QLatin1String("startswith") || lookup == QLatin1String("istartswith"))
        return escaped + QLatin1Char('%');
    if (lookup == QLatin1String("endswith") || lookup == QLatin1String("iendswith"))
        return QLatin1Char('%') + escaped;
    if (lookup == QLatin1String("iexact"))
        return escaped;
    return value;
}

QString DatabaseOperations::limitOffsetSql(qint64 limit, qint64 offset) const
{
    QString sql;
    if (limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    if (offset > 0)
        sql += QStringLiteral(" OFFSET %1").arg(offset);
    return sql;
}

QString DatabaseOperations::quoteValue(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return QStringLiteral("NULL");
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return vendor() == Vendor::Sqlite ? (value.toBool() ? QStringLiteral("1") : QStringLiteral("0"))
                                          : (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    case QMetaType::Int: case QMetaType::UInt: case QMetaType::LongLong: case QMetaType::ULongLong: case QMetaType::Long:
        return QString::number(value.toLongLong());
    case QMetaType::Double: case QMetaType::Float:
        return QString::number(value.toDouble(), 'g', 17);
    case QMetaType::QDate:
        return quoteValue(adaptDate(value.toDate()).toString());
    case QMetaType::QDateTime: {
        const QVariant adapted = adaptDateTime(value.toDateTime());
        return quoteValue(adapted.metaType().id() == QMetaType::QDateTime ? adapted.toDateTime().toString(Qt::ISODateWithMs) : adapted.toString());
    }
    default:
        break;
    }
    QString text = value.toString();
    text.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

QVariant DatabaseOperations::adaptJson(const QVariant &value) const
{
    const QJsonValue json = QJsonValue::fromVariant(value);
    switch (json.type()) {
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
    default: {
        // Scalars: serialize through a one-element array and strip the brackets.
        const QByteArray text = QJsonDocument(QJsonArray{json}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(text.mid(1, text.size() - 2));
    }
    }
}

QVariant DatabaseOperations::convertJson(const QVariant &value) const
{
    if (value.isNull() || value.metaType().id() != QMetaType::QString)
        return value;
    const QByteArray text = value.toString().toUtf8();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text + QByteArray("]"), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        throw DatabaseError(QStringLiteral("A JSON column holds text that is not JSON: %1").arg(value.toString().left(80)));
    return doc.array().first().toVariant();
}

} // namespace quango
