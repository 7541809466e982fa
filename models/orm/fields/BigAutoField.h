#pragma once
#include "orm/fields/AutoField.h"

namespace quango {

// A 64-bit auto-increment primary key ("bigint" on PostgreSQL).
class BigAutoField : public AutoField {
public:
    BigAutoField(QString name, FieldOptions options = {}) : AutoField(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("BigAutoField"); }
    qlonglong minimum() const override;
    qlonglong maximum() const override;
};

} // namespace quango
