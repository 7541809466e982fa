#include "migrations/operations/RemoveField.h"
#include "db/SchemaEditor.h"
#include "migrations/ProjectState.h"
#include "orm/Exceptions.h"

namespace quango {

RemoveField::RemoveField(QString modelName, QString name) : m_modelName(std::move(modelName)), m_name(std::move(name)) {}

OperationPtr RemoveField::fromJson(const QJsonObject &json)
{
    return std::make_shared<RemoveField>(requiredString(json, "model_name"), requiredString(json, "name"));
}

void RemoveField::stateForwards(const QString &appLabel, ProjectState &state) const
{
    ModelState &model = state.mutableModel(appLabel, m_modelName);
    const int index = model.fieldIndex(m_name);
    if (index < 0)
        throw FieldError(QStringLiteral("RemoveField: %1.%2 has no field '%3'.").arg(appLabel, m_modelName, m_name));
    model.fields.removeAt(index);
}

void RemoveField::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    if (model.options().managed)
        editor.removeField(model, *from.meta(appLabel, m_modelName).field(m_name));
}

void RemoveField::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    if (model.options().managed)
        editor.addField(model, *model.field(m_name));
}

QJsonObject RemoveField::toJson() const
{
    return {{QStringLiteral("type"), type()}, {QStringLiteral("model_name"), m_modelName.toLower()}, {QStringLiteral("name"), m_name}};
}

} // namespace quango
