#include "migrations/operations/AddIndex.h"
#include "db/SchemaEditor.h"
#include "migrations/OptionsSerializer.h"
#include "migrations/ProjectState.h"
#include "orm/Exceptions.h"

namespace quango {

AddIndex::AddIndex(QString modelName, Index index) : m_modelName(std::move(modelName)), m_index(std::move(index)) {}

OperationPtr AddIndex::fromJson(const QJsonObject &json)
{
    return std::make_shared<AddIndex>(requiredString(json, "model_name"), OptionsSerializer::indexFromJson(requiredObject(json, "index")));
}

void AddIndex::stateForwards(const QString &appLabel, ProjectState &state) const
{
    QList<Index> &list = state.mutableModel(appLabel, m_modelName).options.indexes;
    for (const Index &existing : std::as_const(list))
        if (!m_index.name.isEmpty() && existing.name == m_index.name)
            throw FieldError(QStringLiteral("AddIndex: %1.%2 has a index named '%3' already.").arg(appLabel, m_modelName, m_index.name));
    list << m_index;
}

void AddIndex::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    if (model.options().managed)
        editor.addIndex(model, m_index);
}

void AddIndex::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    if (model.options().managed)
        editor.removeIndex(model, m_index);
}

QJsonObject AddIndex::toJson() const
{
    return {{QStringLiteral("type"), type()}, {QStringLiteral("model_name"), m_modelName.toLower()},
            {QStringLiteral("index"), OptionsSerializer::indexToJson(m_index)}};
}

} // namespace quango
