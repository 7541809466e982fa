#pragma once
#include "orm/fields/CharField.h"

namespace quango {

// A CharField (max_length 50, indexed) of letters, numbers, underscores and
// hyphens: "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."
class SlugField : public CharField {
public:
    SlugField(QString name, FieldOptions options = {}, int maxLength = 50);
    QString internalType() const override { return QStringLiteral("SlugField"); }

protected:
    void deconstructExtra(QVariantMap &out) const override;
};

} // namespace quango
