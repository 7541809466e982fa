#pragma once
#include "orm/fields/IntegerField.h"

namespace quango {

// An integer from 0 to 2147483647; the column carries a CHECK ("col" >= 0).
class PositiveIntegerField : public IntegerField {
public:
    PositiveIntegerField(QString name, FieldOptions options = {}) : IntegerField(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("PositiveIntegerField"); }
    // Django's MinValueValidator(0): "Ensure this value is greater than or equal to 0."
    qlonglong minimum() const override;
};

} // namespace quango
