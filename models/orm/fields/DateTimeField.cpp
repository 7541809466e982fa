#include "orm/fields/DateTimeField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QDateTime>

namespace quango {

using namespace Qt::Literals::StringLiterals;

DateTimeField::DateTimeField(QString name, FieldOptions options) : DateField(std::move(name), std::move(options)) {}

QVariant DateTimeField::clean(const QVariant &value) const
{
    if (value.isNull())
        return QVariant();
    switch (value.metaType().id()) {
    case QMetaType::QDateTime: {
        const QDateTime dt = value.toDateTime();
        if (!dt.isValid())
            return QVariant();
        return dt.timeSpec() == Qt::UTC ? value : QVariant(dt.toUTC());
    }
    case QMetaType::QDate: {
        const QDate date = value.toDate();
        return date.isValid() ? QVariant(QDateTime(date, QTime(0, 0), Qt::UTC)) : QVariant();
    }
    default:
        break;
    }
    // Django's DateTimeField.to_python: parse_datetime, then parse_date (midnight).
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return QVariant(); // an empty form input
    bool matched = false;
    const QDateTime dt = DatabaseOperations::parseIsoDateTime(text, &matched);
    if (dt.isValid())
        return dt;
    if (matched)
        raiseInvalid(u"\u201c%1\u201d value has the correct format (YYYY-MM-DD HH:MM[:ss[.uuuuuu]]) but it is an invalid date/time."_s
                         .arg(value.toString()));
    const QDate date = DatabaseOperations::parseIsoDate(text, &matched);
    if (date.isValid())
        return QDateTime(date, QTime(0, 0), Qt::UTC);
    if (matched)
        raiseInvalid(u"\u201c%1\u201d value has the correct format (YYYY-MM-DD) but it is an invalid date."_s.arg(value.toString()));
    raiseInvalid(u"\u201c%1\u201d value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format."_s
                     .arg(value.toString()));
}

QVariant DateTimeField::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull())
        return QVariant();
    const QVariant cleaned = clean(value);
    return cleaned.isNull() ? QVariant() : ops.adaptDateTime(cleaned.toDateTime());
}

QVariant DateTimeField::fromDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull())
        return QVariant();
    const QDateTime dt = ops.convertDateTime(value);
    return dt.isValid() ? QVariant(dt) : QVariant();
}

QVariant DateTimeField::preSave(const QVariant &current, bool adding) const
{
    if (m_options.autoNow || (m_options.autoNowAdd && adding))
        return QDateTime::currentDateTimeUtc(); // whole milliseconds: every backend keeps them exactly
    return current;
}

QString DateTimeField::displayValue(const QVariant &value) const
{
    if (value.isNull())
        return QString();
    if (!m_options.choices.isEmpty())
        return choiceLabel(value);
    const QDateTime utc = value.toDateTime().toUTC();
    if (!utc.isValid())
        return QString();
    QString out = utc.toString(u"yyyy-MM-dd HH:mm:ss"_s);
    if (utc.time().msec())
        out += u'.' + QString::number(utc.time().msec() * 1000).rightJustified(6, u'0');
    return out + u"+00:00"_s;
}

} // namespace quango
