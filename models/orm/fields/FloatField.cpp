#include "orm/fields/FloatField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

QVariant FloatField::clean(const QVariant &value) const
{
    if (value.isNull())
        return QVariant();
    switch (value.metaType().id()) {
    case QMetaType::Double:
        return value;
    case QMetaType::Bool:
        return value.toBool() ? 1.0 : 0.0;
    case QMetaType::QString: {
        const QString text = value.toString().trimmed();
        if (text.isEmpty())
            return QVariant(); // an empty form input
        bool ok = false;
        const double d = text.toDouble(&ok);
        if (!ok)
            raiseInvalid(u"\u201c%1\u201d value must be a float."_s.arg(value.toString()));
        return d;
    }
    default: {
        bool ok = false;
        const double d = value.toDouble(&ok);
        if (!ok)
            raiseInvalid(u"\u201c%1\u201d value must be a float."_s.arg(value.toString()));
        return d;
    }
    }
}

QVariant FloatField::toDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.isNull())
        return QVariant();
    return clean(value);
}

QVariant FloatField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.metaType().id() == QMetaType::Double)
        return value.isNull() ? QVariant() : value;
    if (value.isNull())
        return QVariant();
    return value.toDouble();
}

} // namespace quango
