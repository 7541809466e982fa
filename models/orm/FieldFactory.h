#pragma once
#include "orm/Field.h"
#include <QStringList>
#include <QVariantMap>

namespace quango {

// Rebuilds a field from Field::deconstruct() output: how migration files and
// introspected schemas turn back into fields.
class FieldFactory {
public:
    // Throws FieldError naming an unknown type and listing the known ones.
    static FieldPtr create(const QVariantMap &deconstructed);
    static QStringList knownTypes();
};

} // namespace quango
