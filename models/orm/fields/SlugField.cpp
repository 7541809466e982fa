#include "orm/fields/SlugField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QRegularExpression>
namespace quango {

static FieldOptions optionsSlugField(FieldOptions options)
{
    options.dbIndex = true;
    return options;
}

SlugField::SlugField(QString name, FieldOptions options, int maxLength) : CharField(std::move(name), maxLength, optionsSlugField(std::move(options))) {}

QStringList SlugField::validate(const QVariant &value) const
{
    QStringList errors = CharField::validate(value);
    static const QRegularExpression pattern(QStringLiteral("^[-a-zA-Z0-9_]+$"), QRegularExpression::CaseInsensitiveOption);
    if (errors.isEmpty() && !value.isNull() && !value.toString().isEmpty() && !pattern.match(value.toString()).hasMatch())
        errors << QStringLiteral("Enter a valid \u201cslug\u201d consisting of letters, numbers, underscores or hyphens.");
    return errors;
}

} // namespace quango
