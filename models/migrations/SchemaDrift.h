#pragma once
#include "migrations/SchemaDifference.h"
#include <QList>
#include <QStringList>

namespace quango {

class Connection;
class ProjectState;

// Compares the live schema of a connection with a project state: tables,
// their columns with type and NULL-ness (types compared as the schema editor
// writes them, PostgreSQL's spellings folded), and the indexes the editor
// would create. A schema nobody touched by hand matches the state of its
// applied migrations exactly; anything else is drift.
class SchemaDrift {
public:
    // `ignoredTables`: live tables that belong to no model (django_migrations
    // by default). Differences come sorted by table, then column.
    static QList<SchemaDifference> compare(Connection &connection, const ProjectState &expected,
                                           const QStringList &ignoredTables = {QStringLiteral("django_migrations")});
    // "character varying(20)" -> "varchar(20)", "numeric(5, 2)" -> "numeric(5,2)".
    static QString normalizeType(const QString &type);
};

} // namespace quango
