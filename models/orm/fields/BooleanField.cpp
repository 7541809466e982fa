#include "orm/fields/BooleanField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

// Django's BooleanField.to_python: True/False, 1/0, "t"/"f", "True"/"False",
// "1"/"0" (and, here, any case of true/false/yes/no/on/off from forms).
QVariant BooleanField::clean(const QVariant &value) const
{
    if (value.isNull())
        return QVariant();
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return value;
    case QMetaType::Int: case QMetaType::LongLong: case QMetaType::UInt: case QMetaType::ULongLong:
    case QMetaType::Long: case QMetaType::ULong: case QMetaType::Short: case QMetaType::UShort: {
        const qlonglong n = value.toLongLong();
        if (n == 0 || n == 1)
            return n == 1;
        break;
    }
    case QMetaType::Double: case QMetaType::Float: {
        const double d = value.toDouble();
        if (d == 0.0 || d == 1.0)
            return d == 1.0;
        break;
    }
    default: {
        const QString text = value.toString().trimmed().toLower();
        if (text.isEmpty() && m_options.null)
            return QVariant();
        if (text == u"1"_s || text == u"true"_s || text == u"t"_s || text == u"yes"_s || text == u"y"_s || text == u"on"_s)
            return true;
        if (text == u"0"_s || text == u"false"_s || text == u"f"_s || text == u"no"_s || text == u"n"_s || text == u"off"_s)
            return false;
        break;
    }
    }
    if (m_options.null)
        raiseInvalid(u"\u201c%1\u201d value must be either True, False, or None."_s.arg(value.toString()));
    raiseInvalid(u"\u201c%1\u201d value must be either True or False."_s.arg(value.toString()));
}

QVariant BooleanField::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull())
        return QVariant();
    const QVariant cleaned = clean(value);
    return cleaned.isNull() ? QVariant() : ops.adaptBool(cleaned.toBool());
}

QVariant BooleanField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return value.isNull() ? QVariant() : value;
    case QMetaType::LongLong:
        return value.isNull() ? QVariant() : QVariant(value.toLongLong() != 0);
    case QMetaType::QString: {
        if (value.isNull())
            return QVariant();
        const QString t = value.toString();
        return t == u"t"_s || t == u"true"_s || t == u"1"_s || t == u"True"_s;
    }
    default:
        if (value.isNull())
            return QVariant();
        return value.toLongLong() != 0;
    }
}

QString BooleanField::displayValue(const QVariant &value) const
{
    if (value.isNull())
        return QString();
    if (!m_options.choices.isEmpty())
        return choiceLabel(value);
    return value.toBool() ? u"True"_s : u"False"_s;
}

} // namespace quango
