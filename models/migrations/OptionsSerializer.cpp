#include "migrations/OptionsSerializer.h"
#include "orm/Exceptions.h"
#include <QJsonArray>

namespace quango {

namespace {
QJsonArray strings(const QStringList &list) { return QJsonArray::fromStringList(list); }
QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}


QJsonValue nodeToJson(const Q::Node *node)
{
    if (node->isLeaf() && !node->negated) {
        if (node->value.isExpression())
            throw FieldError(QStringLiteral("Migrations cannot serialize an expression in the condition on '%1'.").arg(node->lookup));
        return QJsonArray{node->lookup, QJsonValue::fromVariant(node->value.value())};
    }
    QJsonObject object;
    object.insert(QStringLiteral("connector"), node->connector == Q::Connector::And ? QStringLiteral("AND") : QStringLiteral("OR"));
    object.insert(QStringLiteral("negated"), node->negated);
    QJsonArray children;
    if (node->isLeaf())
        children.append(QJsonArray{node->lookup, QJsonValue::fromVariant(node->value.value())});
    for (const auto &child : node->children)
        children.append(nodeToJson(child.get()));
    object.insert(QStringLiteral("children"), children);
    return object;
}
} // namespace

QJsonValue OptionsSerializer::qToJson(const Q &q)
{
    if (q.isEmpty())
        return QJsonValue();
    return nodeToJson(q.root());
}

Q OptionsSerializer::qFromJson(const QJsonValue &json)
{
    if (json.isNull() || json.isUndefined())
        return Q();
    if (json.isArray()) {
        const QJsonArray leaf = json.toArray();
        if (leaf.size() != 2 || !leaf.at(0).isString())
            throw FieldError(QStringLiteral("A condition leaf must be [\"lookup\", value]."));
        return Q(leaf.at(0).toString(), Arg(leaf.at(1).toVariant()));
    }
    if (!json.isObject())
        throw FieldError(QStringLiteral("A condition must be a [lookup, value] pair or a {connector, negated, children} object."));
    const QJsonObject object = json.toObject();
    const QString connector = object.value(QStringLiteral("connector")).toString(QStringLiteral("AND"));
    if (connector != QLatin1String("AND") && connector != QLatin1String("OR"))
        throw FieldError(QStringLiteral("Unknown condition connector '%1' (AND or OR).").arg(connector));
    Q result;
    for (const QJsonValue &child : object.value(QStringLiteral("children")).toArray()) {
        const Q q = qFromJson(child);
        result = connector == QLatin1String("AND") ? (result & q) : (result | q);
    }
    if (object.value(QStringLiteral("negated")).toBool())
        result = ~result;
    return result;
}

QJsonObject OptionsSerializer::indexToJson(const Index &index)
{
    QJsonObject o{{QStringLiteral("fields"), strings(index.fields)}};
    if (!index.name.isEmpty())
        o.insert(QStringLiteral("name"), index.name);
    return o;
}

Index OptionsSerializer::indexFromJson(const QJsonObject &json)
{
    return Index{stringList(json.value(QStringLiteral("fields"))), json.value(QStringLiteral("name")).toString()};
}

QJsonObject OptionsSerializer::constraintToJson(const Constraint &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("type"), c.kind == Constraint::Kind::Check ? QStringLiteral("check") : QStringLiteral("unique"));
    o.insert(QStringLiteral("name"), c.name);
    if (!c.fields.isEmpty())
        o.insert(QStringLiteral("fields"), strings(c.fields));
    if (!c.check.isEmpty())
        o.insert(QStringLiteral("check"), qToJson(c.check));
    if (!c.condition.isEmpty())
        o.insert(QStringLiteral("condition"), qToJson(c.condition));
    return o;
}

Constraint OptionsSerializer::constraintFromJson(const QJsonObject &json)
{
    Constraint c;
    const QString type = json.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("check"))
        c.kind = Constraint::Kind::Check;
    else if (type == QLatin1String("unique"))
        c.kind = Constraint::Kind::Unique;
    else
        throw FieldError(QStringLiteral("Unknown constraint type '%1' (check or unique).").arg(type));
    c.name = json.value(QStringLiteral("name")).toString();
    if (c.name.isEmpty())
        throw FieldError(QStringLiteral("A constraint needs a name."));
    c.fields = stringList(json.value(QStringLiteral("fields")));
    c.check = qFromJson(json.value(QStringLiteral("check")));
    c.condition = qFromJson(json.value(QStringLiteral("condition")));
    return c;
}

QJsonObject OptionsSerializer::toJson(const MetaOptions &o)
{
    const MetaOptions d;
    QJsonObject json;
    if (!o.dbTable.isEmpty())
        json.insert(QStringLiteral("db_table"), o.dbTable);
    if (!o.ordering.isEmpty())
        json.insert(QStringLiteral("ordering"), strings(o.ordering));
    if (!o.verboseName.isEmpty())
        json.insert(QStringLiteral("verbose_name"), o.verboseName);
    if (!o.verboseNamePlural.isEmpty())
        json.insert(QStringLiteral("verbose_name_plural"), o.verboseNamePlural);
    if (!o.indexes.isEmpty()) {
        QJsonArray a;
        for (const Index &i : o.indexes)
            a.append(indexToJson(i));
        json.insert(QStringLiteral("indexes"), a);
    }
    if (!o.uniqueTogether.isEmpty()) {
        QJsonArray a;
        for (const QStringList &u : o.uniqueTogether)
            a.append(strings(u));
        json.insert(QStringLiteral("unique_together"), a);
    }
    if (!o.constraints.isEmpty()) {
        QJsonArray a;
        for (const Constraint &c : o.constraints)
            a.append(constraintToJson(c));
        json.insert(QStringLiteral("constraints"), a);
    }
    if (!o.permissions.isEmpty()) {
        QJsonArray a;
        for (const Permission &p : o.permissions)
            a.append(QJsonArray{p.codename, p.name});
        json.insert(QStringLiteral("permissions"), a);
    }
    if (o.defaultPermissions != d.defaultPermissions)
        json.insert(QStringLiteral("default_permissions"), strings(o.defaultPermissions));
    if (!o.getLatestBy.isEmpty())
        json.insert(QStringLiteral("get_latest_by"), o.getLatestBy);
    if (!o.managed)
        json.insert(QStringLiteral("managed"), false);
    return json;
}

MetaOptions OptionsSerializer::fromJson(const QJsonObject &json)
{
    static const QStringList known = {QStringLiteral("db_table"), QStringLiteral("ordering"), QStringLiteral("verbose_name"),
                                      QStringLiteral("verbose_name_plural"), QStringLiteral("indexes"), QStringLiteral("unique_together"),
                                      QStringLiteral("constraints"), QStringLiteral("permissions"), QStringLiteral("default_permissions"),
                                      QStringLiteral("get_latest_by"), QStringLiteral("managed")};
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!known.contains(it.key()))
            throw FieldError(QStringLiteral("Unknown model option '%1'. Known options: %2").arg(it.key(), known.join(QStringLiteral(", "))));
    MetaOptions o;
    o.dbTable = json.value(QStringLiteral("db_table")).toString();
    o.ordering = stringList(json.value(QStringLiteral("ordering")));
    o.verboseName = json.value(QStringLiteral("verbose_name")).toString();
    o.verboseNamePlural = json.value(QStringLiteral("verbose_name_plural")).toString();
    for (const QJsonValue &v : json.value(QStringLiteral("indexes")).toArray())
        o.indexes << indexFromJson(v.toObject());
    for (const QJsonValue &v : json.value(QStringLiteral("unique_together")).toArray())
        o.uniqueTogether << stringList(v);
    for (const QJsonValue &v : json.value(QStringLiteral("constraints")).toArray())
        o.constraints << constraintFromJson(v.toObject());
    for (const QJsonValue &v : json.value(QStringLiteral("permissions")).toArray())
        o.permissions << Permission{v.toArray().at(0).toString(), v.toArray().at(1).toString()};
    if (json.contains(QStringLiteral("default_permissions")))
        o.defaultPermissions = stringList(json.value(QStringLiteral("default_permissions")));
    o.getLatestBy = json.value(QStringLiteral("get_latest_by")).toString();
    o.managed = json.value(QStringLiteral("managed")).toBool(true);
    return o;
}

QVariantMap OptionsSerializer::normalizeField(const QVariantMap &deconstructed)
{
    return QJsonObject::fromVariantMap(deconstructed).toVariantMap();
}

} // namespace quango
