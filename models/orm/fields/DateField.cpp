#include "orm/fields/DateField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QDate>
#include <QDateTime>

namespace quango {

using namespace Qt::Literals::StringLiterals;

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
    if (value.isNull())
        return QVariant();
    switch (value.metaType().id()) {
    case QMetaType::QDate:
        return value.toDate().isValid() ? value : QVariant();
    case QMetaType::QDateTime: {
        const QDateTime dt = value.toDateTime();
        return dt.isValid() ? QVariant(dt.toUTC().date()) : QVariant();
    }
    default:
        break;
    }
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return QVariant(); // an empty form input
    bool matched = false;
    const QDate date = DatabaseOperations::parseIsoDate(text, &matched);
    if (date.isValid())
        return date;
    if (matched)
        raiseInvalid(u"\u201c%1\u201d value has the correct format (YYYY-MM-DD) but it is an invalid date."_s.arg(value.toString()));
    raiseInvalid(u"\u201c%1\u201d value has an invalid date format. It must be in YYYY-MM-DD format."_s.arg(value.toString()));
}

QVariant DateField::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull())
        return QVariant();
    const QVariant cleaned = clean(value);
    return cleaned.isNull() ? QVariant() : ops.adaptDate(cleaned.toDate());
}

QVariant DateField::fromDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull())
        return QVariant();
    if (value.metaType().id() == QMetaType::QDate)
        return value;
    const QDate date = ops.convertDate(value);
    return date.isValid() ? QVariant(date) : QVariant();
}

QVariant DateField::preSave(const QVariant &current, bool adding) const
{
    if (m_options.autoNow || (m_options.autoNowAdd && adding))
        return QDate::currentDate();
    return current;
}

QString DateField::displayValue(const QVariant &value) const
{
    if (value.isNull())
        return QString();
    if (!m_options.choices.isEmpty())
        return choiceLabel(value);
    return value.toDate().toString(Qt::ISODate);
}

void DateField::deconstructExtra(QVariantMap &out) const
{
    // Implied by auto_now / auto_now_add (Django's DateField.deconstruct).
    if (m_options.autoNow || m_options.autoNowAdd) {
        out.remove(u"editable"_s);
        out.remove(u"blank"_s);
    }
}

} // namespace quango
