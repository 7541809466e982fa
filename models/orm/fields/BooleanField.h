#pragma once
#include "orm/Field.h"

namespace quango {

class BooleanField : public Field {
public:
    BooleanField(QString name, FieldOptions options = {});
    QString internalType() const override { return QStringLiteral("BooleanField"); }
    WidgetHint widgetHint() const override { return WidgetHint::CheckBox; }
    JsonType jsonType() const override { return JsonType::Boolean; }
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QStringList validate(const QVariant &value) const override;
};

} // namespace quango
