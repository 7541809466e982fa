#pragma once
#include "orm/Field.h"

namespace quango {

// Any JSON value, held as QJsonValue::toVariant gives it (map, list, string,
// number, bool); stored as JSON text ("text" on SQLite, "jsonb" on PostgreSQL).
class JSONField : public Field {
public:
    JSONField(QString name, FieldOptions options = {}) : Field(std::move(name), std::move(options)) {}
    QString internalType() const override { return QStringLiteral("JSONField"); }
    WidgetHint widgetHint() const override { return WidgetHint::JsonEditor; }
    JsonType jsonType() const override { return JsonType::Object; }
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    // Compact JSON text ("{\"a\":1}", "\"text\"").
    QString displayValue(const QVariant &value) const override;
};

} // namespace quango
