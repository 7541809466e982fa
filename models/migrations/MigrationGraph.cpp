#include "migrations/MigrationGraph.h"
#include "migrations/MigrationError.h"
#include "migrations/ProjectState.h"
#include <QFileInfo>
#include <algorithm>
#include <functional>

namespace quango {

static QString keyText(const MigrationKey &key) { return key.first + QLatin1Char('.') + key.second; }

void MigrationGraph::addNode(const MigrationPtr &migration) { m_nodes.insert(migration->key(), migration); }

const Migration *MigrationGraph::migration(const MigrationKey &key) const
{
    const auto it = m_nodes.constFind(key);
    if (it == m_nodes.constEnd())
        throw MigrationError(QStringLiteral("Migration %1 does not exist.").arg(keyText(key)));
    return it->get();
}

void MigrationGraph::validate()
{
    m_parents.clear();
    m_children.clear();
    for (const MigrationPtr &migration : std::as_const(m_nodes)) {
        for (const MigrationKey &dependency : migration->dependencies()) {
            if (!m_nodes.contains(dependency))
                throw MigrationError(QStringLiteral("Migration %1 (%2) depends on nonexistent node %3.")
                                         .arg(migration->label(), migration->displayPath(), keyText(dependency)));
            m_parents[migration->key()].append(dependency);
            m_children[dependency].append(migration->key());
        }
    }
    for (auto &list : m_parents)
        std::sort(list.begin(), list.end());
    for (auto &list : m_children)
        std::sort(list.begin(), list.end());
    // Cycles: depth-first search with an explicit path.
    QHash<MigrationKey, int> color; // 0 new, 1 on path, 2 done
    QList<MigrationKey> path;
    std::function<void(const MigrationKey &)> visit = [&](const MigrationKey &key) {
        color[key] = 1;
        path.append(key);
        for (const MigrationKey &parent : m_parents.value(key)) {
            if (color.value(parent) == 1) {
                QStringList files;
                for (qsizetype i = path.indexOf(parent); i < path.size(); ++i)
                    files << m_nodes.value(path.at(i))->displayPath();
                throw MigrationError(QStringLiteral("Circular dependency between migrations: %1").arg(files.join(QStringLiteral(" -> "))));
            }
            if (color.value(parent) == 0)
                visit(parent);
        }
        path.removeLast();
        color[key] = 2;
    };
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        if (color.value(it.key()) == 0)
            visit(it.key());
}

QList<MigrationKey> MigrationGraph::parents(const MigrationKey &key) const { return m_parents.value(key); }
QList<MigrationKey> MigrationGraph::children(const MigrationKey &key) const { return m_children.value(key); }

QList<MigrationKey> MigrationGraph::forwardsPlan(const MigrationKey &target) const { return plan(target, m_parents); }

QList<MigrationKey> MigrationGraph::backwardsPlan(const MigrationKey &target) const { return plan(target, m_children); }

QList<MigrationKey> MigrationGraph::plan(const MigrationKey &target, const QHash<MigrationKey, QList<MigrationKey>> &edges) const
{
    migration(target);
    QList<MigrationKey> out;
    QSet<MigrationKey> seen;
    std::function<void(const MigrationKey &)> visit = [&](const MigrationKey &key) {
        if (seen.contains(key))
            return;
        seen.insert(key);
        for (const MigrationKey &next : edges.value(key))
            visit(next);
        out.append(key);
    };
    visit(target);
    return out;
}

QList<MigrationKey> MigrationGraph::leafNodes(const QString &appLabel) const
{
    QList<MigrationKey> leaves;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        if (it.key().first != appLabel)
            continue;
        bool hasChildInApp = false;
        for (const MigrationKey &child : m_children.value(it.key()))
            hasChildInApp = hasChildInApp || child.first == appLabel;
        if (!hasChildInApp)
            leaves << it.key();
    }
    return leaves;
}

QList<MigrationKey> MigrationGraph::rootNodes(const QString &appLabel) const
{
    QList<MigrationKey> roots;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        if (it.key().first != appLabel)
            continue;
        bool hasParentInApp = false;
        for (const MigrationKey &parent : m_parents.value(it.key()))
            hasParentInApp = hasParentInApp || parent.first == appLabel;
        if (!hasParentInApp)
            roots << it.key();
    }
    return roots;
}

QList<MigrationKey> MigrationGraph::appNodes(const QString &appLabel) const
{
    QList<MigrationKey> nodes;
    for (const MigrationKey &leaf : leafNodes(appLabel))
        for (const MigrationKey &key : forwardsPlan(leaf))
            if (key.first == appLabel && !nodes.contains(key))
                nodes << key;
    return nodes;
}

QStringList MigrationGraph::appLabels() const
{
    QStringList labels;
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        if (!labels.contains(it.key().first))
            labels << it.key().first;
    return labels;
}

ProjectState MigrationGraph::makeState(const QList<MigrationKey> &nodes) const
{
    QList<MigrationKey> plan;
    QSet<MigrationKey> seen;
    for (const MigrationKey &node : nodes)
        for (const MigrationKey &key : forwardsPlan(node))
            if (!seen.contains(key)) {
                seen.insert(key);
                plan << key;
            }
    ProjectState state;
    for (const MigrationKey &key : std::as_const(plan))
        m_nodes.value(key)->mutateState(state);
    return state;
}

QMap<QString, QStringList> MigrationGraph::conflicts() const
{
    QMap<QString, QStringList> out;
    for (const QString &app : appLabels()) {
        const QList<MigrationKey> leaves = leafNodes(app);
        if (leaves.size() < 2)
            continue;
        for (const MigrationKey &leaf : leaves)
            out[app] << m_nodes.value(leaf)->displayPath();
    }
    return out;
}

} // namespace quango
