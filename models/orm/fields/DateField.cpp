#include "orm/fields/DateField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QDate>
#include <QDateTime>
namespace quango {

// auto_now and auto_now_add make a field read-only in forms, as in Django.
static FieldOptions dateOptions(FieldOptions options)
{
    if (options.autoNow || options.autoNowAdd) {
        options.editable = false;
        options.blank = true;
    }
    return options;
}

DateField::DateField(QString name, FieldOptions options) : Field(std::move(name), dateOptions(std::move(options))) {}

QVariant DateField::clean(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return QVariant();
    if (value.metaType().id() == QMetaType::QDate)
        return value;
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toUTC().date();
    const QString text = value.toString().trimmed();
    const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
    if (!date.isValid() || (text.size() > 10 && text.at(10) != QLatin1Char('T') && text.at(10) != QLatin1Char(' ')))
        raiseInvalid(QStringLiteral("\u201c%1\u201d value has an invalid date format. It must be in YYYY-MM-DD format.").arg(text));
    return date;
}

QVariant DateField::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    return value.isNull() ? QVariant() : ops.adaptDate(clean(value).toDate());
}

QVariant DateField::fromDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull() || value.metaType().id() == QMetaType::QDate)
        return value;
    return ops.convertDate(value);
}

QVariant DateField::preSave(const QVariant &current, bool adding) const
{
    if (m_options.autoNow || (m_options.autoNowAdd && adding))
        return QDateTime::currentDateTimeUtc().date();
    return current;
}

QString DateField::displayValue(const QVariant &value) const
{
    return value.isNull() ? QString() : value.toDate().toString(Qt::ISODate);
}

} // namespace quango
