#include "migrations/SchemaDifference.h"

namespace quango {

QString SchemaDifference::describe() const
{
    const QString where = column.isEmpty() ? table : table + QLatin1Char('.') + column;
    switch (kind) {
    case Kind::MissingTable:
        return QStringLiteral("Missing table %1").arg(table);
    case Kind::ExtraTable:
        return QStringLiteral("Extra table %1 (no model has it)").arg(table);
    case Kind::MissingColumn:
        return expected.isEmpty() ? QStringLiteral("Missing column %1").arg(where) : QStringLiteral("Missing column %1 (%2)").arg(where, expected);
    case Kind::ExtraColumn:
        return QStringLiteral("Extra column %1 (%2)").arg(where, actual);
    case Kind::TypeMismatch:
        return QStringLiteral("Column %1 has type %2, expected %3").arg(where, actual, expected);
    case Kind::NullMismatch:
        return QStringLiteral("Column %1 is %2, expected %3").arg(where, actual, expected);
    case Kind::MissingIndex:
        return QStringLiteral("Missing index %1 on %2").arg(column, table);
    }
    return where;
}

} // namespace quango
