#include "orm/fields/CharField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"

namespace quango {

QVariant CharField::clean(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return QVariant();
    if (value.metaType().id() == QMetaType::QString)
        return value;
    return value.toString();
}

QVariant CharField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.isNull() || value.metaType().id() == QMetaType::QString)
        return value;
    return value.toString();
}

QStringList CharField::validate(const QVariant &value) const
{
    QStringList errors = Field::validate(value);
    const qsizetype length = value.toString().size();
    if (!value.isNull() && length > m_maxLength)
        errors << QStringLiteral("Ensure this value has at most %1 characters (it has %2).").arg(m_maxLength).arg(length);
    return errors;
}

} // namespace quango
