#pragma once
#include "orm/fields/IntegerField.h"

namespace quango {

// A 64-bit integer column ("bigint").
class BigIntegerField : public IntegerField {
public:
    BigIntegerField(QString name, FieldOptions options = {}) : IntegerField(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("BigIntegerField"); }
    qlonglong minimum() const override;
    qlonglong maximum() const override;
};

} // namespace quango
