#pragma once
#include "orm/fields/DateField.h"

namespace quango {

// A point in time, always held (QDateTime, Qt::UTC) and stored in UTC. Text
// without an offset is taken as UTC, the project's time zone.
class DateTimeField : public DateField {
public:
    DateTimeField(QString name, FieldOptions options = {});
    QString internalType() const override { return QStringLiteral("DateTimeField"); }
    WidgetHint widgetHint() const override { return choices().isEmpty() ? WidgetHint::DateTimeEdit : WidgetHint::ComboBox; }
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant preSave(const QVariant &current, bool adding) const override;
    // Python's str(): "2024-01-01 11:00:00+00:00" (".250000" when there are milliseconds).
    QString displayValue(const QVariant &value) const override;
};

} // namespace quango
