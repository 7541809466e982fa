#include "orm/fields/TextField.h"
#include "db/DatabaseOperations.h"

namespace quango {

QVariant TextField::clean(const QVariant &value) const
{
    if (value.isNull())
        return QVariant();
    if (value.metaType().id() == QMetaType::QString)
        return value;
    return value.toString();
}

QVariant TextField::toDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.isNull())
        return QVariant();
    return clean(value);
}

QVariant TextField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.metaType().id() == QMetaType::QString)
        return value.isNull() ? QVariant() : value;
    if (value.isNull())
        return QVariant();
    return value.toString();
}

} // namespace quango
