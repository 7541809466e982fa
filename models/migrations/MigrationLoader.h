#pragma once
#include "migrations/MigrationGraph.h"
#include "migrations/ProjectState.h"
#include <QSet>

namespace quango {

class Connection;
class Registry;

// Django's MigrationLoader: reads every app's migration files (the app's
// migrationsPath(): a Qt resource like ":/migrations/blog" or a disk folder;
// files "NNNN_name.json"), builds and validates the graph, and knows which
// migrations the database has applied (django_migrations).
class MigrationLoader {
public:
    // connection may be null: then nothing counts as applied.
    explicit MigrationLoader(const Registry &registry, Connection *connection = nullptr);

    // Reads the files again. Throws MigrationError naming the file and the problem.
    void load();
    // Extra folders per app label, read instead of the app's own path (makemigrations --migrations-dir, tests).
    void setMigrationsPath(const QString &appLabel, const QString &path) { m_paths.insert(appLabel, path); }
    // makemigrations --migrations-dir DIR (repeatable): an app reads (and
    // writes) the first DIR/<label> that exists, or the first DIR/<label> when
    // its own migrationsPath() holds no migration; otherwise it keeps its own
    // path, so apps whose migrations ship elsewhere (built-in apps' resources)
    // do not look unmigrated.
    void setMigrationsRoots(const QStringList &dirs);
    // Does `path` (a folder or a ":/" resource) hold at least one migration file?
    static bool hasMigrationFiles(const QString &path);
    QString migrationsPath(const QString &appLabel) const;

    const MigrationGraph &graph() const { return m_graph; }
    const QSet<MigrationKey> &applied() const { return m_applied; }
    // Apps with at least one migration file.
    QStringList migratedApps() const { return m_migratedApps; }
    QStringList unmigratedApps() const;
    // The state with every migration of the graph applied.
    ProjectState projectState() const;
    // Throws InconsistentMigrationHistory when an applied migration has an unapplied dependency.
    void checkConsistentHistory() const;
    // Throws MigrationError when an app has more than one leaf, naming the files.
    void checkConflicts() const;
    // "0002", "0002_post_tags" or a unique prefix -> the full name; throws MigrationError.
    MigrationKey resolve(const QString &appLabel, const QString &namePrefix) const;

private:
    const Registry &m_registry;
    Connection *m_connection;
    QHash<QString, QString> m_paths;
    MigrationGraph m_graph;
    QSet<MigrationKey> m_applied;
    QStringList m_migratedApps;
};

} // namespace quango
