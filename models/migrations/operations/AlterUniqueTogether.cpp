#include "migrations/operations/AlterUniqueTogether.h"
#include "db/SchemaEditor.h"
#include "migrations/ProjectState.h"
#include <QJsonArray>

namespace quango {

AlterUniqueTogether::AlterUniqueTogether(QString name, QList<QStringList> uniqueTogether)
    : m_name(std::move(name)), m_uniqueTogether(std::move(uniqueTogether))
{
}

OperationPtr AlterUniqueTogether::fromJson(const QJsonObject &json)
{
    QList<QStringList> sets;
    for (const QJsonValue &set : json.value(QStringLiteral("unique_together")).toArray()) {
        QStringList names;
        for (const QJsonValue &name : set.toArray())
            names << name.toString();
        sets << names;
    }
    return std::make_shared<AlterUniqueTogether>(requiredString(json, "name"), sets);
}

void AlterUniqueTogether::stateForwards(const QString &appLabel, ProjectState &state) const
{
    state.mutableModel(appLabel, m_name).options.uniqueTogether = m_uniqueTogether;
}

// The name SchemaEditor::tableSql gives a unique_together set (Django's
// _create_unique_sql: table_columns_hash_uniq), so that a set made by
// CreateModel can be dropped here by name on PostgreSQL.
static QString uniqueName(const SchemaEditor &editor, const ModelMeta &model, const QStringList &fields)
{
    QStringList columns;
    for (const QString &name : fields)
        columns << model.fieldOrThrow(name)->column();
    return editor.indexName(model.dbTable(), columns, QStringLiteral("_uniq"));
}

// `before` -> `after` for one model. The SchemaEditor's constraint calls drop
// or add the named UNIQUE on PostgreSQL and remake the table (from `after`,
// which already has the new set) on SQLite.
static void change(const ModelMeta &before, const ModelMeta &after, SchemaEditor &editor)
{
    if (!after.options().managed)
        return;
    const QList<QStringList> &oldSets = before.options().uniqueTogether;
    const QList<QStringList> &newSets = after.options().uniqueTogether;
    for (const QStringList &set : oldSets)
        if (!newSets.contains(set))
            editor.removeConstraint(after, Constraint{Constraint::Kind::Unique, uniqueName(editor, before, set), set, Q(), Q()});
    for (const QStringList &set : newSets)
        if (!oldSets.contains(set))
            editor.addConstraint(after, Constraint{Constraint::Kind::Unique, uniqueName(editor, after, set), set, Q(), Q()});
}

void AlterUniqueTogether::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const
{
    change(from.meta(appLabel, m_name), to.meta(appLabel, m_name), editor);
}

void AlterUniqueTogether::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const
{
    change(from.meta(appLabel, m_name), to.meta(appLabel, m_name), editor);
}

QJsonObject AlterUniqueTogether::toJson() const
{
    QJsonArray sets;
    for (const QStringList &set : m_uniqueTogether)
        sets.append(QJsonArray::fromStringList(set));
    return {{QStringLiteral("type"), type()}, {QStringLiteral("name"), m_name}, {QStringLiteral("unique_together"), sets}};
}

} // namespace quango
