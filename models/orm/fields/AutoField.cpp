#include "orm/fields/AutoField.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

static FieldOptions autoOptions(FieldOptions options)
{
    options.blank = true;       // assigned by the database
    options.editable = false;
    return options;
}

AutoField::AutoField(QString name, FieldOptions options) : IntegerField(std::move(name), autoOptions(std::move(options))) {}

void AutoField::deconstructExtra(QVariantMap &out) const
{
    // Implied by the type, as Django's AutoFieldMixin.deconstruct drops "blank".
    out.remove(u"blank"_s);
    out.remove(u"editable"_s);
}

} // namespace quango
