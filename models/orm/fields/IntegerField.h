#pragma once
#include "orm/Field.h"

namespace quango {

// A 64-bit integer in memory (qlonglong); "integer" in the database.
class IntegerField : public Field {
public:
    IntegerField(QString name, FieldOptions options = {}) : Field(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("IntegerField"); }
    WidgetHint widgetHint() const override { return choices().isEmpty() ? WidgetHint::SpinBox : WidgetHint::ComboBox; }
    JsonType jsonType() const override { return JsonType::Integer; }
    // qlonglong from any integer, an integral double, a bool or text ("42");
    // empty text is NULL.
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    // The range the column holds (Django's integer_field_ranges).
    virtual qlonglong minimum() const { return -2147483648LL; }
    virtual qlonglong maximum() const { return 2147483647LL; }

protected:
    QStringList typeValidationErrors(const QVariant &value) const override;
};

} // namespace quango
