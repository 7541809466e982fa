#pragma once
#include "orm/Field.h"
#include "orm/fields/CharField.h"
namespace quango {

class EmailField : public CharField {
public:
    EmailField(QString name, FieldOptions options = {}, int maxLength = 254);
    QString internalType() const override { return QStringLiteral("EmailField"); }
    QStringList validate(const QVariant &value) const override;
};

} // namespace quango
