#pragma once
#include "orm/Field.h"
#include "orm/fields/CharField.h"
namespace quango {

class URLField : public CharField {
public:
    URLField(QString name, FieldOptions options = {}, int maxLength = 200);
    QString internalType() const override { return QStringLiteral("URLField"); }
    QStringList validate(const QVariant &value) const override;
};

} // namespace quango
