#pragma once
#include <QString>

namespace quango {

// One way the live schema differs from what the migrations (or models) say it
// should be; SchemaDrift lists them.
struct SchemaDifference {
    enum class Kind { MissingTable, ExtraTable, MissingColumn, ExtraColumn, TypeMismatch, NullMismatch, MissingIndex };
    Kind kind = Kind::MissingTable;
    QString table;
    QString column;   // empty for table differences; the index name for MissingIndex
    QString expected; // type or "NULL"/"NOT NULL", when it applies
    QString actual;

    // "Missing column blog_post.views (integer NOT NULL)", "Extra table legacy_notes", ...
    QString describe() const;
    bool operator==(const SchemaDifference &other) const = default;
};

} // namespace quango
