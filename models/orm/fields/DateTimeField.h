#pragma once
#include "orm/Field.h"

namespace quango {

// A point in time, always held and stored in UTC.
class DateTimeField : public Field {
public:
    DateTimeField(QString name, FieldOptions options = {});
    QString internalType() const override { return QStringLiteral("DateTimeField"); }
    WidgetHint widgetHint() const override { return WidgetHint::DateTimeEdit; }
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant preSave(const QVariant &current, bool adding) const override;
    QString displayValue(const QVariant &value) const override;
};

} // namespace quango
