#include "migrations/operations/RunSQL.h"
#include "db/SchemaEditor.h"
#include "orm/Exceptions.h"
#include <QJsonArray>

namespace quango {

RunSQL::RunSQL(QStringList sql, QStringList reverseSql, bool reversible)
    : m_sql(std::move(sql)), m_reverseSql(std::move(reverseSql)), m_reversible(reversible)
{
}

static QStringList statements(const QJsonValue &value)
{
    if (value.isString())
        return {value.toString()};
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

OperationPtr RunSQL::fromJson(const QJsonObject &json)
{
    if (!json.contains(QStringLiteral("sql")))
        throw FieldError(QStringLiteral("RunSQL needs 'sql' (a statement or a list of statements)."));
    // "reverse_sql": [] is a no-op backwards; no "reverse_sql" at all is irreversible.
    const bool reversible = json.contains(QStringLiteral("reverse_sql")) && !json.value(QStringLiteral("reverse_sql")).isNull();
    return std::make_shared<RunSQL>(statements(json.value(QStringLiteral("sql"))), statements(json.value(QStringLiteral("reverse_sql"))), reversible);
}

void RunSQL::databaseForwards(const QString &, SchemaEditor &editor, const ProjectState &, const ProjectState &) const
{
    for (const QString &sql : m_sql)
        editor.execute(sql);
}

void RunSQL::databaseBackwards(const QString &, SchemaEditor &editor, const ProjectState &, const ProjectState &) const
{
    if (!m_reversible)
        throw IrreversibleError(QStringLiteral("RunSQL has no reverse_sql: it cannot be reversed."));
    for (const QString &sql : m_reverseSql)
        editor.execute(sql);
}

QJsonObject RunSQL::toJson() const
{
    QJsonObject json{{QStringLiteral("type"), type()}, {QStringLiteral("sql"), QJsonArray::fromStringList(m_sql)}};
    if (m_reversible)
        json.insert(QStringLiteral("reverse_sql"), QJsonArray::fromStringList(m_reverseSql));
    return json;
}

} // namespace quango
