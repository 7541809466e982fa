#pragma once
#include "orm/fields/IntegerField.h"

namespace quango {

// The implicit "id": an integer the database assigns. Not editable and blank
// (Django's AutoFieldMixin), so forms and full_clean leave it alone.
class AutoField : public IntegerField {
public:
    AutoField(QString name, FieldOptions options = {});
    QString internalType() const override { return QStringLiteral("AutoField"); }
    bool isAutoField() const override { return true; }
    WidgetHint widgetHint() const override { return WidgetHint::Hidden; }

protected:
    void deconstructExtra(QVariantMap &out) const override;
};

} // namespace quango
