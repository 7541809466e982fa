#include "orm/fields/EmailField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QRegularExpression>
namespace quango {

static FieldOptions optionsEmailField(FieldOptions options)
{
    return options;
}

EmailField::EmailField(QString name, FieldOptions options, int maxLength) : CharField(std::move(name), maxLength, optionsEmailField(std::move(options))) {}

QStringList EmailField::validate(const QVariant &value) const
{
    QStringList errors = CharField::validate(value);
    static const QRegularExpression pattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"), QRegularExpression::CaseInsensitiveOption);
    if (errors.isEmpty() && !value.isNull() && !value.toString().isEmpty() && !pattern.match(value.toString()).hasMatch())
        errors << QStringLiteral("Enter a valid email address.");
    return errors;
}

} // namespace quango
