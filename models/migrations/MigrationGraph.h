#pragma once
#include "migrations/Migration.h"
#include <QHash>
#include <QMap>
#include <QSet>

namespace quango {

class ProjectState;

// Django's MigrationGraph: migrations as nodes, dependencies as edges.
// validate() reports missing dependencies and cycles naming the files;
// plans list nodes in dependency order.
class MigrationGraph {
public:
    void addNode(const MigrationPtr &migration);
    // After every node is in: dependencies become edges. Throws MigrationError
    // for a dependency on a node that does not exist, or a cycle.
    void validate();

    bool contains(const MigrationKey &key) const { return m_nodes.contains(key); }
    const Migration *migration(const MigrationKey &key) const;
    QList<MigrationKey> nodes() const { return m_nodes.keys(); }
    QList<MigrationKey> parents(const MigrationKey &key) const;
    QList<MigrationKey> children(const MigrationKey &key) const;
    // The node and every ancestor, parents first.
    QList<MigrationKey> forwardsPlan(const MigrationKey &target) const;
    // The node and every descendant, children first.
    QList<MigrationKey> backwardsPlan(const MigrationKey &target) const;
    // Nodes of `appLabel` no other node of the same app depends on (normally one).
    QList<MigrationKey> leafNodes(const QString &appLabel) const;
    QList<MigrationKey> rootNodes(const QString &appLabel) const;
    // The app's own migrations in the order they apply (showmigrations, the admin's page).
    QList<MigrationKey> appNodes(const QString &appLabel) const;
    QStringList appLabels() const;
    // The state after `nodes` and all their ancestors.
    ProjectState makeState(const QList<MigrationKey> &nodes) const;
    // Apps with more than one leaf, with the leaves' file names; empty when fine.
    QMap<QString, QStringList> conflicts() const;

private:
    // Depth-first from target along `edges`, each node after those it reaches.
    QList<MigrationKey> plan(const MigrationKey &target, const QHash<MigrationKey, QList<MigrationKey>> &edges) const;
    QMap<MigrationKey, MigrationPtr> m_nodes;
    QHash<MigrationKey, QList<MigrationKey>> m_parents, m_children;
};

} // namespace quango
