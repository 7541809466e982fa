#pragma once
#include "orm/Field.h"
#include "orm/fields/AutoField.h"
namespace quango {

class BigAutoField : public AutoField {
public:
    BigAutoField(QString name, FieldOptions options = {}) : AutoField(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("BigAutoField"); }
    qlonglong minimum() const override;
    qlonglong maximum() const override;
};

} // namespace quango
