#pragma once
#include "orm/Field.h"

namespace quango {

// A calendar date, held as QDate. auto_now / auto_now_add fill it on save and
// make it non-editable and blank, as in Django.
class DateField : public Field {
public:
    DateField(QString name, FieldOptions options = {});
    QString internalType() const override { return QStringLiteral("DateField"); }
    WidgetHint widgetHint() const override { return choices().isEmpty() ? WidgetHint::DateEdit : WidgetHint::ComboBox; }
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant preSave(const QVariant &current, bool adding) const override;
    QString displayValue(const QVariant &value) const override;

protected:
    void deconstructExtra(QVariantMap &out) const override;
};

} // namespace quango
