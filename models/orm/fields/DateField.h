#pragma once
#include "orm/Field.h"

namespace quango {

class DateField : public Field {
public:
    DateField(QString name, FieldOptions options = {});
    QString internalType() const override { return QStringLiteral("DateField"); }
    WidgetHint widgetHint() const override { return WidgetHint::DateEdit; }
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant preSave(const QVariant &current, bool adding) const override;
    QString displayValue(const QVariant &value) const override;
};

} // namespace quango
