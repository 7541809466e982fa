#include "migrations/operations/AddConstraint.h"
#include "db/SchemaEditor.h"
#include "migrations/OptionsSerializer.h"
#include "migrations/ProjectState.h"
#include "orm/Exceptions.h"

namespace quango {

AddConstraint::AddConstraint(QString modelName, Constraint constraint) : m_modelName(std::move(modelName)), m_constraint(std::move(constraint)) {}

OperationPtr AddConstraint::fromJson(const QJsonObject &json)
{
    return std::make_shared<AddConstraint>(requiredString(json, "model_name"), OptionsSerializer::constraintFromJson(requiredObject(json, "constraint")));
}

void AddConstraint::stateForwards(const QString &appLabel, ProjectState &state) const
{
    QList<Constraint> &list = state.mutableModel(appLabel, m_modelName).options.constraints;
    for (const Constraint &existing : std::as_const(list))
        if (!m_constraint.name.isEmpty() && existing.name == m_constraint.name)
            throw FieldError(QStringLiteral("AddConstraint: %1.%2 has a constraint named '%3' already.").arg(appLabel, m_modelName, m_constraint.name));
    list << m_constraint;
}

void AddConstraint::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    if (model.options().managed)
        editor.addConstraint(model, m_constraint);
}

void AddConstraint::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    if (model.options().managed)
        editor.removeConstraint(model, m_constraint);
}

QJsonObject AddConstraint::toJson() const
{
    return {{QStringLiteral("type"), type()}, {QStringLiteral("model_name"), m_modelName.toLower()},
            {QStringLiteral("constraint"), OptionsSerializer::constraintToJson(m_constraint)}};
}

} // namespace quango
