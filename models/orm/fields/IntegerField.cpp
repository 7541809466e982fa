#include "orm/fields/IntegerField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <cmath>
#include <limits>

namespace quango {

using namespace Qt::Literals::StringLiterals;

QVariant IntegerField::clean(const QVariant &value) const
{
    if (value.isNull())
        return QVariant();
    auto invalid = [&]() { raiseInvalid(u"\u201c%1\u201d value must be an integer."_s.arg(value.toString())); };
    switch (value.metaType().id()) {
    case QMetaType::LongLong:
        return value;
    case QMetaType::Int: case QMetaType::UInt: case QMetaType::Long: case QMetaType::Short:
    case QMetaType::UShort: case QMetaType::Char: case QMetaType::SChar: case QMetaType::UChar:
        return value.toLongLong();
    case QMetaType::ULong: case QMetaType::ULongLong: {
        const qulonglong n = value.toULongLong();
        if (n > qulonglong(std::numeric_limits<qlonglong>::max()))
            invalid();
        return qlonglong(n);
    }
    case QMetaType::Bool:
        return qlonglong(value.toBool());
    case QMetaType::Double: case QMetaType::Float: {
        const double d = value.toDouble();
        if (!std::isfinite(d) || d != std::trunc(d) || d < -9.2233720368547758e18 || d >= 9.2233720368547758e18)
            invalid();
        return qlonglong(d);
    }
    case QMetaType::QString: {
        const QString text = value.toString().trimmed();
        if (text.isEmpty())
            return QVariant(); // an empty form input
        bool ok = false;
        const qlonglong n = text.toLongLong(&ok);
        if (!ok)
            invalid();
        return n;
    }
    default: {
        bool ok = false;
        const qlonglong n = value.toString().trimmed().toLongLong(&ok);
        if (!ok)
            invalid();
        return n;
    }
    }
}

QVariant IntegerField::toDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.isNull())
        return QVariant();
    return clean(value);
}

QVariant IntegerField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    // QSQLITE gives qlonglong already: pass it through untouched.
    if (value.metaType().id() == QMetaType::LongLong)
        return value.isNull() ? QVariant() : value;
    if (value.isNull())
        return QVariant();
    switch (value.metaType().id()) {
    case QMetaType::Double: case QMetaType::Float:
        return qlonglong(value.toDouble());
    case QMetaType::Bool:
        return qlonglong(value.toBool());
    default:
        return value.toLongLong();
    }
}

QStringList IntegerField::typeValidationErrors(const QVariant &value) const
{
    bool ok = false;
    const qlonglong n = value.toLongLong(&ok);
    if (!ok)
        return {};
    if (n < minimum())
        return {u"Ensure this value is greater than or equal to %1."_s.arg(minimum())};
    if (n > maximum())
        return {u"Ensure this value is less than or equal to %1."_s.arg(maximum())};
    return {};
}

} // namespace quango
