#pragma once
#include "migrations/MigrationLoader.h"
#include <optional>

namespace quango {

class Connection;
class MigrationProgress;
class Registry;

// One step of a plan: a migration and its direction.
struct MigrationStep {
    const Migration *migration = nullptr;
    bool backwards = false;
};

// Django's MigrationExecutor: plans from the graph, then applies or unapplies
// each migration inside one transaction together with its django_migrations
// row (SQLite and PostgreSQL both have transactional DDL). A failing migration
// is rolled back whole and not recorded. pre_migrate/post_migrate go to every
// app of the registry.
class MigrationExecutor {
public:
    MigrationExecutor(Connection &connection, const Registry &registry, MigrationProgress *progress = nullptr);

    MigrationLoader &loader() { return m_loader; }
    // Targets: (app, name) to migrate to, (app, "") for "zero". Throws
    // MigrationError for an unknown target or conflicting leaves.
    QList<MigrationStep> migrationPlan(const QList<MigrationKey> &targets) const;
    // Every app's leaf: the targets of a plain `migrate`.
    QList<MigrationKey> leafTargets() const;
    // Runs the plan. With fake, records without running DDL.
    void migrate(const QList<MigrationStep> &plan, bool fake = false, int verbosity = 1, bool sendSignals = true);
    // The SQL a plan step would run (sqlmigrate), without running it.
    QStringList collectSql(const MigrationStep &step);
    // sqlmigrate's text: the statements between BEGIN; and COMMIT;.
    QString sqlScript(const MigrationStep &step);
    // A step's operations as `migrate --plan` lists them ("Undo Create model
    // Post", " -> IRREVERSIBLE" when it cannot go back).
    static QStringList describeStep(const MigrationStep &step);
    // The state before `migration`: its ancestors applied and, while
    // migrate() runs, every other applied migration that is not its descendant.
    ProjectState stateBefore(const Migration &migration) const;

    void sendPreMigrate(int verbosity);
    void sendPostMigrate(int verbosity);

private:
    // `state`: the state before `migration`; it becomes the state after it.
    void applyOne(const Migration &migration, bool fake, ProjectState &state);
    // Returns the (rendered) state before `migration`, unless faked.
    std::optional<ProjectState> unapplyOne(const Migration &migration, bool fake, const ProjectState *knownAfter);
    Connection &m_connection;
    const Registry &m_registry;
    MigrationProgress *m_progress;
    MigrationLoader m_loader;
    // What is applied while migrate() runs (the loader's set is read once).
    QSet<MigrationKey> m_running;
    bool m_inMigrate = false;
};

} // namespace quango
