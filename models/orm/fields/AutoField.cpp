#include "orm/fields/AutoField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"

namespace quango {

static FieldOptions autoOptions(FieldOptions options)
{
    options.blank = true;       // assigned by the database
    options.editable = false;
    return options;
}

AutoField::AutoField(QString name, FieldOptions options) : IntegerField(std::move(name), autoOptions(std::move(options))) {}

QStringList AutoField::validate(const QVariant &value) const
{
    return value.isNull() ? QStringList() : IntegerField::validate(value);
}

} // namespace quango
