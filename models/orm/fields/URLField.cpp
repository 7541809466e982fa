#include "orm/fields/URLField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QRegularExpression>
namespace quango {

static FieldOptions optionsURLField(FieldOptions options)
{
    return options;
}

URLField::URLField(QString name, FieldOptions options, int maxLength) : CharField(std::move(name), maxLength, optionsURLField(std::move(options))) {}

QStringList URLField::validate(const QVariant &value) const
{
    QStringList errors = CharField::validate(value);
    static const QRegularExpression pattern(QStringLiteral("^(https?|ftps?)://[^\\s/$.?#][^\\s]*$"), QRegularExpression::CaseInsensitiveOption);
    if (errors.isEmpty() && !value.isNull() && !value.toString().isEmpty() && !pattern.match(value.toString()).hasMatch())
        errors << QStringLiteral("Enter a valid URL.");
    return errors;
}

} // namespace quango
