#include "migrations/operations/DeleteModel.h"
#include "db/SchemaEditor.h"
#include "migrations/ProjectState.h"

namespace quango {

DeleteModel::DeleteModel(QString name) : m_name(std::move(name)) {}

OperationPtr DeleteModel::fromJson(const QJsonObject &json) { return std::make_shared<DeleteModel>(requiredString(json, "name")); }

void DeleteModel::stateForwards(const QString &appLabel, ProjectState &state) const { state.removeModel(appLabel, m_name); }

void DeleteModel::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &) const
{
    const ModelMeta &model = from.meta(appLabel, m_name);
    if (model.options().managed)
        editor.deleteModel(model);
}

void DeleteModel::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_name);
    if (model.options().managed)
        editor.createModel(model);
}

QJsonObject DeleteModel::toJson() const { return {{QStringLiteral("type"), type()}, {QStringLiteral("name"), m_name}}; }

} // namespace quango
