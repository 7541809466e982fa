#pragma once
#include "orm/Field.h"
#include "orm/fields/CharField.h"
namespace quango {

class SlugField : public CharField {
public:
    SlugField(QString name, FieldOptions options = {}, int maxLength = 50);
    QString internalType() const override { return QStringLiteral("SlugField"); }
    QStringList validate(const QVariant &value) const override;
};

} // namespace quango
