#include "orm/fields/SlugField.h"
#include "orm/fields/PatternValidator.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

static FieldOptions slugOptions(FieldOptions options)
{
    options.dbIndex = true; // Django: SlugField(db_index=True)
    options.validators.prepend(patternValidator(u"\\A[-a-zA-Z0-9_]+\\z"_s,
                                                u"Enter a valid \u201cslug\u201d consisting of letters, numbers, underscores or hyphens."_s));
    return options;
}

SlugField::SlugField(QString name, FieldOptions options, int maxLength)
    : CharField(std::move(name), maxLength, slugOptions(std::move(options)))
{
}

void SlugField::deconstructExtra(QVariantMap &out) const
{
    out.remove(u"db_index"_s); // implied
}

} // namespace quango
