#include "orm/fields/UUIDField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QUuid>
namespace quango {

QVariant UUIDField::clean(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return QVariant();
    if (value.metaType().id() == QMetaType::QUuid)
        return value;
    QString text = value.toString().trimmed();
    if (text.size() == 32 && !text.contains(QLatin1Char('-')))
        text = text.left(8) + u'-' + text.mid(8, 4) + u'-' + text.mid(12, 4) + u'-' + text.mid(16, 4) + u'-' + text.mid(20);
    const QUuid uuid = QUuid::fromString(text);
    if (uuid.isNull() && text != QLatin1String("00000000-0000-0000-0000-000000000000"))
        raiseInvalid(QStringLiteral("\u201c%1\u201d is not a valid UUID.").arg(value.toString()));
    return uuid;
}

QVariant UUIDField::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    return value.isNull() ? QVariant() : ops.adaptUuid(clean(value).toUuid());
}

QVariant UUIDField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    return value.isNull() ? QVariant() : clean(value);
}

QString UUIDField::displayValue(const QVariant &value) const
{
    return value.isNull() ? QString() : value.toUuid().toString(QUuid::WithoutBraces);
}

} // namespace quango
