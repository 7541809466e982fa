#pragma once
#include "orm/ModelMeta.h"
#include <QJsonObject>
#include <QJsonValue>

namespace quango {

// The JSON form of Meta options and Q conditions in migration files.
// Options keep only what differs from MetaOptions' defaults, with Django's
// names (db_table, ordering, unique_together, ...). A Q is ["lookup", value]
// for a leaf and {"connector": "AND", "negated": false, "children": [...]}.
class OptionsSerializer {
public:
    static QJsonObject toJson(const MetaOptions &options);
    // Throws FieldError naming an unknown key.
    static MetaOptions fromJson(const QJsonObject &json);
    static QJsonValue qToJson(const Q &q);
    static Q qFromJson(const QJsonValue &json);
    static QJsonObject indexToJson(const Index &index);
    static Index indexFromJson(const QJsonObject &json);
    static QJsonObject constraintToJson(const Constraint &constraint);
    static Constraint constraintFromJson(const QJsonObject &json);
    // Field::deconstruct() output made JSON-stable (numbers, dates as text).
    static QVariantMap normalizeField(const QVariantMap &deconstructed);
};

} // namespace quango
