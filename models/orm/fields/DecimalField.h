#pragma once
#include "orm/Field.h"

namespace quango {

// A fixed-point number held as its canonical text with exactly decimal_places
// decimals ("12.50"): Qt has no decimal type, and text keeps every digit exact.
// clean() rounds half to even to decimal_places, as Django does when it saves.
class DecimalField : public Field {
public:
    DecimalField(QString name, int maxDigits, int decimalPlaces, FieldOptions options = {})
        : Field(std::move(name), std::move(options)), m_maxDigits(maxDigits), m_decimalPlaces(decimalPlaces) {}
    QString internalType() const override { return QStringLiteral("DecimalField"); }
    QVariantMap typeParameters() const override;
    WidgetHint widgetHint() const override { return choices().isEmpty() ? WidgetHint::DoubleSpinBox : WidgetHint::ComboBox; }
    JsonType jsonType() const override { return JsonType::String; } // DRF renders decimals as strings
    int maxDigits() const { return m_maxDigits; }
    int decimalPlaces() const { return m_decimalPlaces; }
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;

protected:
    // Django's DecimalValidator: digits in total, decimal places, digits before the point.
    QStringList typeValidationErrors(const QVariant &value) const override;

private:
    int m_maxDigits;
    int m_decimalPlaces;
};

} // namespace quango
