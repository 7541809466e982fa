#include "orm/fields/IntegerField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"

namespace quango {

QVariant IntegerField::clean(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return QVariant();
    switch (value.metaType().id()) {
    case QMetaType::LongLong: return value;
    case QMetaType::Int: case QMetaType::UInt: case QMetaType::Long: case QMetaType::Short: case QMetaType::ULongLong: case QMetaType::ULong:
        return value.toLongLong();
    case QMetaType::Bool: return qlonglong(value.toBool());
    case QMetaType::Double: case QMetaType::Float: {
        const double d = value.toDouble();
        if (d != double(qlonglong(d)))
            raiseInvalid(QStringLiteral("\u201c%1\u201d value must be an integer.").arg(d));
        return qlonglong(d);
    }
    default: break;
    }
    bool ok = false;
    const QString text = value.toString().trimmed();
    const qlonglong n = text.toLongLong(&ok);
    if (!ok)
        raiseInvalid(QStringLiteral("\u201c%1\u201d value must be an integer.").arg(value.toString()));
    return n;
}

QVariant IntegerField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.metaType().id() == QMetaType::LongLong || value.isNull())
        return value;
    return value.toLongLong();
}

QStringList IntegerField::validate(const QVariant &value) const
{
    QStringList errors = Field::validate(value);
    if (errors.isEmpty() && !value.isNull()) {
        const qlonglong n = value.toLongLong();
        if (n < minimum())
            errors << QStringLiteral("Ensure this value is greater than or equal to %1.").arg(minimum());
        if (n > maximum())
            errors << QStringLiteral("Ensure this value is less than or equal to %1.").arg(maximum());
    }
    return errors;
}

} // namespace quango
