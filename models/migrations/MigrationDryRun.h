#pragma once
#include "migrations/Migration.h"
#include <QStringList>

namespace quango {

class Connection;
class MigrationProgress;
class Registry;

// Applies the pending migrations where it cannot hurt, to see what would
// happen: on SQLite to a copy of the database file (VACUUM INTO a temporary
// file, opened as its own alias), on PostgreSQL inside a transaction that is
// rolled back (its DDL is transactional). The real database is left as it
// was either way. Signals (pre/post_migrate) are not sent: their receivers
// write rows, which is not what a dry run checks.
class MigrationDryRun {
public:
    struct Result {
        QList<MigrationKey> plan;     // what a real migrate would apply, in order
        QList<MigrationKey> applied;  // what applied cleanly before a failure
        QString failedMigration;      // "blog.0002_x", empty when all went well
        QString error;                // why it failed
        QString where;                // "a copy of /path/db.sqlite3" or "a rolled-back transaction"
        bool ok() const { return failedMigration.isEmpty() && error.isEmpty(); }
    };

    MigrationDryRun(Connection &connection, const Registry &registry);
    // Like makemigrations --migrations-dir: folders read before the apps' own.
    void setMigrationsRoots(const QStringList &dirs) { m_roots = dirs; }
    // Throws MigrationError only for problems before the first migration ran
    // (bad files, an in-memory SQLite database); a failing migration is in the result.
    Result run(MigrationProgress *progress = nullptr);

    // The alias of the copy while a SQLite dry run is running.
    static QString copyAlias() { return QStringLiteral("quango_migration_dry_run"); }

private:
    Result runOn(Connection &connection, MigrationProgress *progress);
    Connection &m_connection;
    const Registry &m_registry;
    QStringList m_roots;
};

} // namespace quango
