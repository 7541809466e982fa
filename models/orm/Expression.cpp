#include "orm/Expression.h"

namespace quango {

Expr Expr::value(const QVariant &value)
{
    auto node = std::make_shared<ExpressionNode>();
    node->kind = ExpressionNode::Kind::Value;
    node->value = value;
    return Expr(node);
}

static bool containsAggregate(const ExpressionNode *node)
{
    if (!node)
        return false;
    if (node->kind == ExpressionNode::Kind::Aggregate)
        return true;
    return containsAggregate(node->lhs.get()) || containsAggregate(node->rhs.get());
}

bool Expr::isAggregate() const { return containsAggregate(m_node.get()); }

static std::shared_ptr<const ExpressionNode> fieldRef(const QString &path)
{
    auto node = std::make_shared<ExpressionNode>();
    node->kind = ExpressionNode::Kind::FieldRef;
    node->name = path;
    return node;
}

F::F(const QString &path) : Expr(fieldRef(path)) {}

Expr combine(const Expr &lhs, ExpressionNode::Op op, const Expr &rhs)
{
    auto node = std::make_shared<ExpressionNode>();
    node->kind = ExpressionNode::Kind::Combined;
    node->op = op;
    node->lhs = lhs.shared();
    node->rhs = rhs.shared();
    return Expr(node);
}

static std::shared_ptr<const ExpressionNode> aggregateNode(ExpressionNode::Function function,
                                                           std::shared_ptr<const ExpressionNode> argument,
                                                           const QString &path, bool distinct)
{
    auto node = std::make_shared<ExpressionNode>();
    node->kind = ExpressionNode::Kind::Aggregate;
    node->function = function;
    node->distinct = distinct;
    node->name = path;
    node->lhs = std::move(argument);
    return node;
}

Aggregate::Aggregate(ExpressionNode::Function function, const QString &path, bool distinct)
    : Expr(aggregateNode(function, path == QLatin1String("*") ? nullptr : fieldRef(path), path, distinct))
{
}

Aggregate::Aggregate(ExpressionNode::Function function, const Expr &argument, bool distinct)
    : Expr(aggregateNode(function, argument.shared(), QString(), distinct))
{
}

} // namespace quango
