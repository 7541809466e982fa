#pragma once
#include "orm/Field.h"

namespace quango {

// true/false ("bool" on SQLite, stored as 1/0; "boolean" on PostgreSQL).
// False is a value, not an empty one: it never fails the blank check.
class BooleanField : public Field {
public:
    BooleanField(QString name, FieldOptions options = {}) : Field(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("BooleanField"); }
    WidgetHint widgetHint() const override { return choices().isEmpty() ? WidgetHint::CheckBox : WidgetHint::ComboBox; }
    JsonType jsonType() const override { return JsonType::Boolean; }
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QString displayValue(const QVariant &value) const override;
};

} // namespace quango
