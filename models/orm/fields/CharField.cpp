#include "orm/fields/CharField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

QVariant CharField::clean(const QVariant &value) const
{
    if (value.isNull())
        return QVariant();
    if (value.metaType().id() == QMetaType::QString)
        return value;
    return value.toString();
}

QVariant CharField::toDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.isNull())
        return QVariant();
    return clean(value);
}

QVariant CharField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.metaType().id() == QMetaType::QString)
        return value.isNull() ? QVariant() : value;
    if (value.isNull())
        return QVariant();
    return value.toString();
}

QStringList CharField::typeValidationErrors(const QVariant &value) const
{
    const QString text = value.toString();
    qsizetype length = text.size();
    for (const QChar c : text)
        if (c.isLowSurrogate())
            --length;
    if (length > m_maxLength)
        return {u"Ensure this value has at most %1 characters (it has %2)."_s.arg(m_maxLength).arg(length)};
    return {};
}

} // namespace quango
