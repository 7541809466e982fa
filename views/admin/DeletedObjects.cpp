#include "views/admin/DeletedObjects.h"
#include "orm/Collector.h"
#include "orm/ModelMeta.h"
#include "utils/Text.h"
#include <QSet>

namespace quango {

namespace {

QString keyOf(const Model &object) { return object.meta()->label() + QLatin1Char(':') + object.pk().toString(); }

// Django's NestedObjects._nested: depth first, each object once.
DeletedObjects::Node nest(const Collector &collector, const Model &object, QSet<QString> &seen)
{
    DeletedObjects::Node node{object, DeletedObjects::describe(object), {}};
    for (const Model &child : collector.cascadedFrom(object)) {
        if (seen.contains(keyOf(child)))
            continue;
        seen.insert(keyOf(child));
        node.children << nest(collector, child, seen);
    }
    return node;
}

} // namespace

QString DeletedObjects::describe(const Model &object)
{
    return capFirst(object.meta()->verboseName()) + QStringLiteral(": ") + object.str();
}

DeletedObjects DeletedObjects::collect(const QList<Model> &objects, const AdminUser &user, const QString &alias)
{
    Collector collector(alias, Collector::Mode::Preview);
    collector.collect(objects);

    DeletedObjects out;
    QSet<QString> seen;
    for (const Model &root : collector.roots())
        seen.insert(keyOf(root));
    for (const Model &root : collector.roots())
        out.m_tree << nest(collector, root, seen);

    for (const auto &[model, rows] : collector.collected()) {
        out.m_counts.append({model, int(rows.size())});
        if (user.isValid() && !user.hasPermission(QStringLiteral("delete"), *model))
            out.m_permsNeeded << model->verboseName();
    }
    for (const Collector::Blocked &blocked : collector.blocked()) {
        const QString text = describe(blocked.object);
        if (!out.m_protected.contains(text))
            out.m_protected << text;
    }
    return out;
}

QString DeletedObjects::summary() const
{
    QStringList parts;
    for (const auto &[model, count] : m_counts)
        parts << QStringLiteral("%1: %2").arg(capFirst(model->verboseNamePlural())).arg(count);
    return parts.join(QStringLiteral(", "));
}

int DeletedObjects::total() const
{
    int n = 0;
    for (const auto &entry : m_counts)
        n += entry.second;
    return n;
}

} // namespace quango
