#pragma once
#include "orm/Field.h"

namespace quango {

class FloatField : public Field {
public:
    FloatField(QString name, FieldOptions options = {}) : Field(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("FloatField"); }
    WidgetHint widgetHint() const override { return WidgetHint::DoubleSpinBox; }
    JsonType jsonType() const override { return JsonType::Number; }
    QVariant clean(const QVariant &value) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
};

} // namespace quango
