#pragma once
#include "orm/Field.h"
#include "orm/fields/IntegerField.h"
namespace quango {

// The implicit "id": an integer the database assigns.
class AutoField : public IntegerField {
public:
    AutoField(QString name, FieldOptions options = {});
    QString internalType() const override { return QStringLiteral("AutoField"); }
    bool isAutoField() const override { return true; }
    WidgetHint widgetHint() const override { return WidgetHint::Hidden; }
    QStringList validate(const QVariant &value) const override;
};

} // namespace quango
