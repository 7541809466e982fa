#pragma once
#include "orm/Field.h"

namespace quango {

// A fixed-point number held as its canonical text ("12.50"): Qt has no
// decimal type, and text keeps every digit exact.
class DecimalField : public Field {
public:
    DecimalField(QString name, int maxDigits, int decimalPlaces, FieldOptions options = {})
        : Field(std::move(name), std::move(options)), m_maxDigits(maxDigits), m_decimalPlaces(decimalPlaces) {}
    QString internalType() const override { return QStringLiteral("DecimalField"); }
    QVariantMap typeParameters() const override;
    WidgetHint widgetHint() const override { return WidgetHint::DoubleSpinBox; }
    JsonType jsonType() const override { return JsonType::String; } // DRF renders decimals as strings
    int maxDigits() const { return m_maxDigits; }
    int decimalPlaces() const { return m_decimalPlaces; }
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QStringList validate(const QVariant &value) const override;

private:
    int m_maxDigits;
    int m_decimalPlaces;
};

} // namespace quango
