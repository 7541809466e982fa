#include "orm/fields/BooleanField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"

namespace quango {

static FieldOptions booleanOptions(FieldOptions options)
{
    options.blank = true; // Django: a checkbox's False is not "blank"
    return options;
}

BooleanField::BooleanField(QString name, FieldOptions options) : Field(std::move(name), booleanOptions(std::move(options))) {}

QVariant BooleanField::clean(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return QVariant();
    if (value.metaType().id() == QMetaType::Bool)
        return value;
    const QString text = value.toString().trimmed().toLower();
    if (text == QLatin1String("1") || text == QLatin1String("true") || text == QLatin1String("t") || text == QLatin1String("yes"))
        return true;
    if (text == QLatin1String("0") || text == QLatin1String("false") || text == QLatin1String("f") || text == QLatin1String("no"))
        return false;
    raiseInvalid(QStringLiteral("\u201c%1\u201d value must be either True or False.").arg(value.toString()));
}

QVariant BooleanField::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    return value.isNull() ? QVariant() : ops.adaptBool(clean(value).toBool());
}

QVariant BooleanField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.isNull() || value.metaType().id() == QMetaType::Bool)
        return value;
    if (value.metaType().id() == QMetaType::QString) {
        const QString t = value.toString();
        return t == QLatin1String("t") || t == QLatin1String("true") || t == QLatin1String("1");
    }
    return value.toLongLong() != 0;
}

QStringList BooleanField::validate(const QVariant &value) const
{
    if (value.isNull() && !isNull())
        return {QStringLiteral("This field cannot be null.")};
    return value.isNull() ? QStringList() : Field::validate(value);
}

} // namespace quango
