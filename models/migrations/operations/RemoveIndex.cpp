#include "migrations/operations/RemoveIndex.h"
#include "db/SchemaEditor.h"
#include "migrations/OptionsSerializer.h"
#include "migrations/ProjectState.h"
#include "orm/Exceptions.h"

namespace quango {

RemoveIndex::RemoveIndex(QString modelName, Index index) : m_modelName(std::move(modelName)), m_index(std::move(index)) {}

OperationPtr RemoveIndex::fromJson(const QJsonObject &json)
{
    return std::make_shared<RemoveIndex>(requiredString(json, "model_name"), OptionsSerializer::indexFromJson(requiredObject(json, "index")));
}

void RemoveIndex::stateForwards(const QString &appLabel, ProjectState &state) const
{
    QList<Index> &list = state.mutableModel(appLabel, m_modelName).options.indexes;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).name == m_index.name && (!m_index.name.isEmpty() || list.at(i).fields == m_index.fields)) {
            list.removeAt(i);
            return;
        }
    }
    throw FieldError(QStringLiteral("RemoveIndex: %1.%2 has no index named '%3'.").arg(appLabel, m_modelName, m_index.name));
}

void RemoveIndex::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    if (model.options().managed)
        editor.removeIndex(model, m_index);
}

void RemoveIndex::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    if (model.options().managed)
        editor.addIndex(model, m_index);
}

QJsonObject RemoveIndex::toJson() const
{
    return {{QStringLiteral("type"), type()}, {QStringLiteral("model_name"), m_modelName.toLower()},
            {QStringLiteral("index"), OptionsSerializer::indexToJson(m_index)}};
}

} // namespace quango
