#pragma once
#include "orm/Field.h"

namespace quango {

// A QUuid; "char(32)" of hex digits on SQLite (Django's form), "uuid" on PostgreSQL.
class UUIDField : public Field {
public:
    UUIDField(QString name, FieldOptions options = {}) : Field(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("UUIDField"); }
    // Accepts a QUuid, text with or without dashes, braces or "urn:uuid:", or an integer.
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QString displayValue(const QVariant &value) const override;
};

} // namespace quango
