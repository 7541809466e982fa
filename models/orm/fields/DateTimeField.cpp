#include "orm/fields/DateTimeField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QDateTime>
#include <QTimeZone>
namespace quango {

static FieldOptions dateTimeOptions(FieldOptions options)
{
    if (options.autoNow || options.autoNowAdd) {
        options.editable = false;
        options.blank = true;
    }
    return options;
}

DateTimeField::DateTimeField(QString name, FieldOptions options) : Field(std::move(name), dateTimeOptions(std::move(options))) {}

QVariant DateTimeField::clean(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return QVariant();
    if (value.metaType().id() == QMetaType::QDateTime) {
        const QDateTime dt = value.toDateTime();
        return dt.timeSpec() == Qt::UTC ? value : QVariant(dt.toUTC());
    }
    if (value.metaType().id() == QMetaType::QDate)
        return QDateTime(value.toDate(), QTime(0, 0), Qt::UTC);
    QString text = value.toString().trimmed();
    text.replace(QLatin1Char(' '), QLatin1Char('T'));
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid())
        raiseInvalid(QStringLiteral("\u201c%1\u201d value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format.").arg(value.toString()));
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC); // naive text is taken as UTC, the project's TIME_ZONE
    return dt.toUTC();
}

QVariant DateTimeField::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    return value.isNull() ? QVariant() : ops.adaptDateTime(clean(value).toDateTime());
}

QVariant DateTimeField::fromDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull())
        return value;
    return ops.convertDateTime(value);
}

QVariant DateTimeField::preSave(const QVariant &current, bool adding) const
{
    if (m_options.autoNow || (m_options.autoNowAdd && adding)) {
        // Whole milliseconds: what every backend stores and returns unchanged.
        return QDateTime::currentDateTimeUtc();
    }
    return current;
}

QString DateTimeField::displayValue(const QVariant &value) const
{
    return value.isNull() ? QString() : value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
}

} // namespace quango
