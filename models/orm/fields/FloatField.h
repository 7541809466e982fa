#pragma once
#include "orm/Field.h"

namespace quango {

// A double ("real" / "double precision").
class FloatField : public Field {
public:
    FloatField(QString name, FieldOptions options = {}) : Field(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("FloatField"); }
    WidgetHint widgetHint() const override { return choices().isEmpty() ? WidgetHint::DoubleSpinBox : WidgetHint::ComboBox; }
    JsonType jsonType() const override { return JsonType::Number; }
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
};

} // namespace quango
