#include "orm/Q.h"
#include <QStringList>

namespace quango {

Q::Q(const QString &lookup, const Arg &value)
{
    auto node = std::make_shared<Node>();
    node->lookup = lookup;
    node->value = value;
    m_root = node;
}

Q::Q(std::initializer_list<std::pair<QString, Arg>> lookups)
{
    if (lookups.size() == 1) {
        *this = Q(lookups.begin()->first, lookups.begin()->second);
        return;
    }
    if (lookups.size() == 0)
        return;
    auto node = std::make_shared<Node>();
    for (const auto &[lookup, value] : lookups)
        node->children.append(Q(lookup, value).m_root);
    m_root = node;
}

Q Q::combine(const Q &other, Connector connector) const
{
    if (other.isEmpty())
        return *this;
    if (isEmpty())
        return other;
    auto node = std::make_shared<Node>();
    node->connector = connector;
    // Flatten same-connector, non-negated inner nodes: (a & b) & c is one AND.
    for (const Q *side : {this, &other}) {
        const Node *root = side->m_root.get();
        if (!root->isLeaf() && !root->negated && root->connector == connector)
            node->children.append(root->children);
        else
            node->children.append(side->m_root);
    }
    Q result;
    result.m_root = node;
    return result;
}

Q Q::operator~() const
{
    if (isEmpty())
        return *this;
    auto node = std::make_shared<Node>();
    node->negated = true;
    node->children.append(m_root);
    Q result;
    result.m_root = node;
    return result;
}

static QString nodeToString(const Q::Node &node)
{
    if (node.isLeaf()) {
        const QString value = node.value.isExpression() ? QStringLiteral("F(%1)").arg(node.value.expression().node()->name)
                                                        : node.value.value().toString();
        return QStringLiteral("('%1', '%2')").arg(node.lookup, value);
    }
    QStringList parts;
    for (const auto &child : node.children)
        parts << nodeToString(*child);
    QString text = QStringLiteral("(%1: %2)").arg(node.connector == Q::Connector::And ? QStringLiteral("AND") : QStringLiteral("OR"),
                                                  parts.join(QStringLiteral(", ")));
    return node.negated ? QStringLiteral("(NOT %1)").arg(text) : text;
}

QString Q::toString() const { return m_root ? nodeToString(*m_root) : QStringLiteral("(AND: )"); }

} // namespace quango
