#pragma once
#include "migrations/Migration.h"
#include "migrations/MigrationDryRun.h"
#include "migrations/SchemaDifference.h"
#include <QCoreApplication>
#include <QMap>
#include <QObject>
#include <QStringList>

namespace quango {

class MigrationExecutor;
class MigrationProgressRelay;
class Registry;

// The logic of the admin's migrations page (no widgets): what showmigrations,
// migrate, sqlmigrate and makemigrations do, on one connection, with the
// executor's progress relayed as signals. Every method reads the migration
// files and django_migrations afresh, so it sees what another program did.
// Methods throw the ORM's errors for problems found before anything ran (bad
// files, unknown target); a migration that fails while running comes back in
// the Result instead, after the executor rolled it back.
class MigrationRunner : public QObject {
    Q_OBJECT

public:
    struct MigrationInfo {
        MigrationKey key;
        bool applied = false;
        QStringList operations;  // describe() of each operation
        QString path;            // the file it was read from
    };
    struct AppMigrations {
        QString appLabel;
        QString verboseName;
        QList<MigrationInfo> migrations; // in the order they apply; empty for an unmigrated app
    };
    struct PlannedStep {
        MigrationKey key;
        bool backwards = false;
        QStringList operations; // as `migrate --plan` words them
        QString label() const { return key.first + QLatin1Char('.') + key.second; }
    };
    struct Result {
        QList<PlannedStep> plan;
        QStringList done;        // labels of the steps that completed
        QString failedMigration; // label of the step that failed, rolled back
        QString error;
        bool ok() const { return error.isEmpty(); }
        QString text() const;    // a report for the page
    };
    struct DriftReport {
        QList<SchemaDifference> differences; // live schema vs. applied migrations
        QStringList pending;                 // unapplied migrations (not drift, but explains some)
        QMap<QString, QStringList> modelChanges; // app -> operations the models need that no migration has
        QString modelChangesError;           // when the autodetector could not decide (needs makemigrations' questions)
        bool clean() const { return differences.isEmpty() && modelChanges.isEmpty() && modelChangesError.isEmpty(); }
        QString text() const;
    };
    struct MakeMigrationsResult {
        QMap<QString, QStringList> written; // app -> files written
        QString text;
    };

    explicit MigrationRunner(const Registry &registry, const QString &alias = QStringLiteral("default"), QObject *parent = nullptr);
    ~MigrationRunner() override;

    // Development trees: folders like `makemigrations --migrations-dir`, read
    // before the apps' own (compiled-in) migrations and written by makeMigrations().
    void setMigrationsDirs(const QStringList &dirs) { m_dirs = dirs; }
    const QStringList &migrationsDirs() const { return m_dirs; }

    // Every app of the registry, in its order.
    QList<AppMigrations> status() const;
    // All pending migrations, as a plain `migrate` would apply them.
    QList<PlannedStep> pendingPlan() const;
    // The plan to `target`: (app, name) unapplies the app's migrations after
    // it (or applies up to it when it is not applied); (app, "") is "zero".
    QList<PlannedStep> planTo(const MigrationKey &target) const;
    Result migrate();
    Result migrateTo(const MigrationKey &target);
    // sqlmigrate's text: BEGIN; statements; COMMIT;
    QString sql(const MigrationKey &key, bool backwards) const;
    // Pending migrations applied to a copy (SQLite) or in a rolled-back
    // transaction (PostgreSQL), reported step by step through the signals.
    MigrationDryRun::Result dryRun();
    static QString describe(const MigrationDryRun::Result &result);
    DriftReport checkDrift() const;
    // True when some migrations folder is given and every one is a writable folder.
    bool canMakeMigrations() const;
    // Why canMakeMigrations() is false, for a tooltip.
    QString makeMigrationsUnavailableReason() const;
    // makemigrations without questions: writes the files, or throws MigrationError.
    MakeMigrationsResult makeMigrations();

Q_SIGNALS:
    void planStarted(int steps);
    void stepStarted(const QString &label, bool backwards, int index, int steps);
    void stepFinished(const QString &label, bool backwards, qint64 elapsedMs);
    void stepFailed(const QString &label, const QString &error);

private:
    std::unique_ptr<MigrationExecutor> executor(bool withProgress) const;
    Result run(const QList<MigrationKey> &targets);
    const Registry &m_registry;
    QString m_alias;
    QStringList m_dirs;
    MigrationProgressRelay *m_relay;
};

} // namespace quango
