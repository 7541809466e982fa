#pragma once
#include "orm/Field.h"
#include <QStringList>
#include <QVariantMap>

namespace quango {

// Rebuilds a field from Field::deconstruct() output: how migration files and
// introspected schemas turn back into fields. create(f->deconstruct()) gives a
// field whose deconstruct() is equal again.
class FieldFactory {
public:
    // Throws FieldError naming an unknown type and listing the known ones, or
    // naming a missing parameter (max_length, max_digits, to, on_delete...).
    // A callable default ("callable": true) cannot be written down; the rebuilt
    // field gets a stand-in: a new UUID, now, today, {} (JSONField), else NULL.
    static FieldPtr create(const QVariantMap &deconstructed);
    static QStringList knownTypes();
};

} // namespace quango
