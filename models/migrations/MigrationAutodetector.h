#pragma once
#include "migrations/Migration.h"
#include "migrations/ProjectState.h"
#include <QMap>

namespace quango {

class MigrationGraph;
class MigrationQuestioner;

// Django's MigrationAutodetector: compares the state the migrations give
// (`from`) with the models in code (`to`) and produces the operations each
// app needs, as migrations numbered after the graph's leaves, named like
// Django's, with dependencies in order across apps (a cycle of foreign keys
// between apps is split like Django's: CreateModel first, AddField after). Renames are only produced
// when the questioner says so; a non-null field without a default needs the
// questioner's one-off default, or it is an error naming the field.
class MigrationAutodetector {
public:
    MigrationAutodetector(ProjectState from, ProjectState to, MigrationQuestioner &questioner);

    // Operations per app label, in the order they must run.
    QMap<QString, QList<OperationPtr>> operations(const QStringList &appLabels = {});
    // Migrations per app. `name` replaces the automatic name (--name).
    QMap<QString, QList<MigrationPtr>> changes(const MigrationGraph &graph, const QStringList &appLabels = {}, const QString &name = {});

    // "0003" after a leaf named "0002_x".
    static QString nextNumber(const MigrationGraph &graph, const QString &appLabel);
    static QString suggestName(const QList<OperationPtr> &operations, bool initial);

private:
    // Renamed models (only when the questioner agrees), applied to m_from
    // before any other comparison so that relations to them are not changes.
    void detectModelRenames(const QString &appLabel);
    void detectApp(const QString &appLabel, QList<OperationPtr> &out);
    // One app's operations as two migrations when its foreign keys into
    // `cycleApps` close a dependency cycle: without those fields, then with.
    static QList<QList<OperationPtr>> splitForCycle(const QString &appLabel, const QList<OperationPtr> &operations,
                                                    const QSet<QString> &cycleApps);
    ProjectState m_from, m_to;
    MigrationQuestioner &m_questioner;
    // (app, model) created in this run, for cross-app dependencies.
    QSet<QString> m_created;
    QMap<QString, QList<OperationPtr>> m_renameOps;
    // App -> other apps whose models point at a model it renames.
    QMap<QString, QSet<QString>> m_renameDependents;
};

} // namespace quango
