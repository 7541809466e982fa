#pragma once
#include "orm/Field.h"
#include "orm/fields/IntegerField.h"
namespace quango {

class PositiveIntegerField : public IntegerField {
public:
    PositiveIntegerField(QString name, FieldOptions options = {}) : IntegerField(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("PositiveIntegerField"); }
    qlonglong minimum() const override { return 0; }
};

} // namespace quango
