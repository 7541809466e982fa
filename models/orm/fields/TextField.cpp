#include "orm/fields/TextField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"

namespace quango {

QVariant TextField::clean(const QVariant &value) const
{
    if (value.isNull() || !value.isValid() || value.metaType().id() == QMetaType::QString)
        return value.isValid() ? value : QVariant();
    return value.toString();
}

QVariant TextField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.isNull() || value.metaType().id() == QMetaType::QString)
        return value;
    return value.toString();
}

} // namespace quango
