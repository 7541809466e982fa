#pragma once
#include "orm/fields/IntegerField.h"

namespace quango {

// An integer from 0 to 32767 (Django's PositiveSmallIntegerField): "smallint
// unsigned" on SQLite, "smallint" with CHECK ("col" >= 0) on PostgreSQL.
class PositiveSmallIntegerField : public IntegerField {
public:
    PositiveSmallIntegerField(QString name, FieldOptions options = {}) : IntegerField(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("PositiveSmallIntegerField"); }
    qlonglong minimum() const override;
    qlonglong maximum() const override;
};

} // namespace quango
