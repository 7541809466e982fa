#pragma once
#include "orm/Field.h"

namespace quango {

// Unlimited text ("text"); edited in a multi-line box.
class TextField : public Field {
public:
    TextField(QString name, FieldOptions options = {}) : Field(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("TextField"); }
    WidgetHint widgetHint() const override { return choices().isEmpty() ? WidgetHint::TextEdit : WidgetHint::ComboBox; }
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
};

} // namespace quango
