#include "migrations/operations/AlterModelTable.h"
#include "db/SchemaEditor.h"
#include "migrations/ProjectState.h"
#include "orm/RelatedField.h"

namespace quango {

AlterModelTable::AlterModelTable(QString name, QString table) : m_name(std::move(name)), m_table(std::move(table)) {}

OperationPtr AlterModelTable::fromJson(const QJsonObject &json)
{
    return std::make_shared<AlterModelTable>(requiredString(json, "name"), json.value(QStringLiteral("table")).toString());
}

void AlterModelTable::stateForwards(const QString &appLabel, ProjectState &state) const
{
    state.mutableModel(appLabel, m_name).options.dbTable = m_table;
}

static void retable(const QString &appLabel, const QString &name, SchemaEditor &editor, const ProjectState &from, const ProjectState &to)
{
    const ModelMeta &oldModel = from.meta(appLabel, name);
    const ModelMeta &newModel = to.meta(appLabel, name);
    if (newModel.options().managed)
        editor.alterDbTable(newModel, oldModel.dbTable(), newModel.dbTable());
}

void AlterModelTable::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const
{
    retable(appLabel, m_name, editor, from, to);
}

void AlterModelTable::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const
{
    retable(appLabel, m_name, editor, from, to);
}

QJsonObject AlterModelTable::toJson() const
{
    return {{QStringLiteral("type"), type()}, {QStringLiteral("name"), m_name}, {QStringLiteral("table"), m_table.isEmpty() ? QJsonValue() : QJsonValue(m_table)}};
}

} // namespace quango
