#pragma once
#include <QString>
#include <QVariant>

namespace quango {

class Field;

// How the admin shows a field's value as text (Django's display_for_field):
// a ForeignKey by the related object's str, ManyToMany by theirs joined with
// ", ", choices by their label, booleans as Yes/No, dates in ISO form,
// NULL as Django's empty_value_display "-". Related objects are read from
// the database; one that no longer exists shows its pk and "(deleted)".
class FieldDisplay {
public:
    static QString text(const Field *field, const QVariant &value);
    static QString emptyValue() { return QStringLiteral("-"); }
};

} // namespace quango
