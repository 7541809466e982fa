#pragma once
#include "orm/Expression.h"
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariant>
#include <initializer_list>
#include <memory>
#include <utility>

namespace quango {

class QuerySetBase;

// The right-hand side of a lookup: a plain value (anything QVariant holds,
// including a Model for relation lookups and lists for __in) or an expression (F).
class Arg {
public:
    Arg() = default;
    Arg(const Expr &expr) : m_expr(expr) {}
    Arg(const F &expr) : m_expr(expr) {}
    Arg(const QVariant &value) : m_value(value) {}
    Arg(const char *text) : m_value(QString::fromUtf8(text)) {}
    template <typename T,
              typename = std::enable_if_t<!std::is_base_of_v<Expr, std::decay_t<T>>
                                          && !std::is_same_v<std::decay_t<T>, QVariant>
                                          && !std::is_convertible_v<T, const char *>>>
    Arg(const T &value) : m_value(QVariant::fromValue(value)) {}

    bool isExpression() const { return !m_expr.isNull(); }
    const Expr &expression() const { return m_expr; }
    const QVariant &value() const { return m_value; }

private:
    QVariant m_value;
    Expr m_expr;
};

// Django's Q: a tree of lookups ("field__lookup", value) joined by AND/OR, and
// negated with ~. Q({{"a", 1}, {"b__gt", 2}}) is a AND of both.
class Q {
public:
    enum class Connector { And, Or };
    struct Node {
        Connector connector = Connector::And;
        bool negated = false;
        // A leaf has a lookup; an inner node has children.
        QString lookup;
        Arg value;
        QList<std::shared_ptr<const Node>> children;
        bool isLeaf() const { return !lookup.isEmpty(); }
    };

    Q() = default;
    Q(const QString &lookup, const Arg &value);
    Q(const char *lookup, const Arg &value) : Q(QString::fromUtf8(lookup), value) {}
    Q(std::initializer_list<std::pair<QString, Arg>> lookups);

    Q operator&(const Q &other) const { return combine(other, Connector::And); }
    Q operator|(const Q &other) const { return combine(other, Connector::Or); }
    Q operator~() const;
    Q &operator&=(const Q &other) { return *this = *this & other; }
    Q &operator|=(const Q &other) { return *this = *this | other; }

    bool isEmpty() const { return !m_root; }
    const Node *root() const { return m_root.get(); }
    // For error messages and QuerySet::sql: "(AND: ('title__icontains', 'x'))".
    QString toString() const;

private:
    Q combine(const Q &other, Connector connector) const;
    std::shared_ptr<const Node> m_root;
};

} // namespace quango
