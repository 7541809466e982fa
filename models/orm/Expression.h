#pragma once
#include <QList>
#include <QString>
#include <QVariant>
#include <memory>
#include <type_traits>

namespace quango {

class Model;

// An SQL expression tree node: a field reference (F), a literal value, an
// arithmetic combination, or an aggregate. Compiled by SqlCompiler.
struct ExpressionNode {
    enum class Kind { FieldRef, Value, Combined, Aggregate, Random };
    enum class Op { Add, Sub, Mul, Div, Mod };
    enum class Function { Count, Sum, Avg, Min, Max };
    Kind kind = Kind::Value;
    QString name;             // FieldRef: the path ("price", "author__name"); Aggregate: its path
    QVariant value;           // Value
    Op op = Op::Add;          // Combined
    Function function = Function::Count;
    bool distinct = false;    // Aggregate
    std::shared_ptr<const ExpressionNode> lhs, rhs; // Combined; Aggregate uses lhs for its argument
};

// A value-type handle on an expression: F("price") * 1.1 + 2.
class Expr {
public:
    Expr() = default;
    explicit Expr(std::shared_ptr<const ExpressionNode> node) : m_node(std::move(node)) {}
    static Expr value(const QVariant &value);
    const ExpressionNode *node() const { return m_node.get(); }
    std::shared_ptr<const ExpressionNode> shared() const { return m_node; }
    bool isNull() const { return !m_node; }
    bool isAggregate() const; // contains an aggregate anywhere
    bool isFieldRef() const { return m_node && m_node->kind == ExpressionNode::Kind::FieldRef; }

private:
    std::shared_ptr<const ExpressionNode> m_node;
};

// A reference to a field of the row: F("price"), F("author__name").
class F : public Expr {
public:
    explicit F(const QString &path);
};

Expr combine(const Expr &lhs, ExpressionNode::Op op, const Expr &rhs);

template <typename T>
Expr toExpr(const T &v)
{
    if constexpr (std::is_base_of_v<Expr, T>)
        return v;
    else
        return Expr::value(QVariant::fromValue(v));
}
template <typename T> Expr operator+(const Expr &a, const T &b) { return combine(a, ExpressionNode::Op::Add, toExpr(b)); }
template <typename T> Expr operator-(const Expr &a, const T &b) { return combine(a, ExpressionNode::Op::Sub, toExpr(b)); }
template <typename T> Expr operator*(const Expr &a, const T &b) { return combine(a, ExpressionNode::Op::Mul, toExpr(b)); }
template <typename T> Expr operator/(const Expr &a, const T &b) { return combine(a, ExpressionNode::Op::Div, toExpr(b)); }
template <typename T> Expr operator%(const Expr &a, const T &b) { return combine(a, ExpressionNode::Op::Mod, toExpr(b)); }

// Aggregates: Count("books"), Count("tags", true) (distinct), Sum("price"), ...
struct AggregateOptions { bool distinct = false; };
class Aggregate : public Expr {
public:
    Aggregate(ExpressionNode::Function function, const QString &path, bool distinct);
    Aggregate(ExpressionNode::Function function, const Expr &argument, bool distinct);
};
class Count : public Aggregate {
public:
    explicit Count(const QString &path = QStringLiteral("*"), bool distinct = false)
        : Aggregate(ExpressionNode::Function::Count, path, distinct) {}
};
class Sum : public Aggregate {
public:
    explicit Sum(const QString &path, bool distinct = false) : Aggregate(ExpressionNode::Function::Sum, path, distinct) {}
    explicit Sum(const Expr &e) : Aggregate(ExpressionNode::Function::Sum, e, false) {}
};
class Avg : public Aggregate {
public:
    explicit Avg(const QString &path, bool distinct = false) : Aggregate(ExpressionNode::Function::Avg, path, distinct) {}
    explicit Avg(const Expr &e) : Aggregate(ExpressionNode::Function::Avg, e, false) {}
};
class Min : public Aggregate {
public:
    explicit Min(const QString &path) : Aggregate(ExpressionNode::Function::Min, path, false) {}
};
class Max : public Aggregate {
public:
    explicit Max(const QString &path) : Aggregate(ExpressionNode::Function::Max, path, false) {}
};

} // namespace quango
