#include "orm/fields/FloatField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"

namespace quango {

QVariant FloatField::clean(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return QVariant();
    if (value.metaType().id() == QMetaType::Double)
        return value;
    bool ok = false;
    const double d = value.metaType().id() == QMetaType::QString ? value.toString().trimmed().toDouble(&ok) : value.toDouble(&ok);
    if (!ok)
        raiseInvalid(QStringLiteral("\u201c%1\u201d value must be a float.").arg(value.toString()));
    return d;
}

QVariant FloatField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.metaType().id() == QMetaType::Double || value.isNull())
        return value;
    return value.toDouble();
}

} // namespace quango
