#include "migrations/operations/RemoveConstraint.h"
#include "db/SchemaEditor.h"
#include "migrations/OptionsSerializer.h"
#include "migrations/ProjectState.h"
#include "orm/Exceptions.h"

namespace quango {

RemoveConstraint::RemoveConstraint(QString modelName, Constraint constraint) : m_modelName(std::move(modelName)), m_constraint(std::move(constraint)) {}

OperationPtr RemoveConstraint::fromJson(const QJsonObject &json)
{
    return std::make_shared<RemoveConstraint>(requiredString(json, "model_name"), OptionsSerializer::constraintFromJson(requiredObject(json, "constraint")));
}

void RemoveConstraint::stateForwards(const QString &appLabel, ProjectState &state) const
{
    QList<Constraint> &list = state.mutableModel(appLabel, m_modelName).options.constraints;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).name == m_constraint.name && (!m_constraint.name.isEmpty() || list.at(i).fields == m_constraint.fields)) {
            list.removeAt(i);
            return;
        }
    }
    throw FieldError(QStringLiteral("RemoveConstraint: %1.%2 has no constraint named '%3'.").arg(appLabel, m_modelName, m_constraint.name));
}

void RemoveConstraint::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    if (model.options().managed)
        editor.removeConstraint(model, m_constraint);
}

void RemoveConstraint::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    if (model.options().managed)
        editor.addConstraint(model, m_constraint);
}

QJsonObject RemoveConstraint::toJson() const
{
    return {{QStringLiteral("type"), type()}, {QStringLiteral("model_name"), m_modelName.toLower()},
            {QStringLiteral("constraint"), OptionsSerializer::constraintToJson(m_constraint)}};
}

} // namespace quango
