#include "migrations/operations/RenameField.h"
#include "db/SchemaEditor.h"
#include "migrations/ProjectState.h"
#include "orm/Exceptions.h"

namespace quango {

RenameField::RenameField(QString modelName, QString oldName, QString newName)
    : m_modelName(std::move(modelName)), m_oldName(std::move(oldName)), m_newName(std::move(newName))
{
}

OperationPtr RenameField::fromJson(const QJsonObject &json)
{
    return std::make_shared<RenameField>(requiredString(json, "model_name"), requiredString(json, "old_name"), requiredString(json, "new_name"));
}

static void renameIn(QStringList &names, const QString &oldName, const QString &newName)
{
    for (QString &name : names) {
        if (name == oldName)
            name = newName;
        else if (name == QLatin1Char('-') + oldName)
            name = QLatin1Char('-') + newName;
    }
}

void RenameField::stateForwards(const QString &appLabel, ProjectState &state) const
{
    ModelState &model = state.mutableModel(appLabel, m_modelName);
    const int index = model.fieldIndex(m_oldName);
    if (index < 0)
        throw FieldError(QStringLiteral("RenameField: %1.%2 has no field '%3'.").arg(appLabel, m_modelName, m_oldName));
    if (model.fieldIndex(m_newName) >= 0)
        throw FieldError(QStringLiteral("RenameField: %1.%2 has a field '%3' already.").arg(appLabel, m_modelName, m_newName));
    model.fields[index].insert(QStringLiteral("name"), m_newName);
    // Options naming the field follow it.
    MetaOptions &o = model.options;
    renameIn(o.ordering, m_oldName, m_newName);
    for (Index &i : o.indexes)
        renameIn(i.fields, m_oldName, m_newName);
    for (QStringList &u : o.uniqueTogether)
        renameIn(u, m_oldName, m_newName);
    for (Constraint &c : o.constraints)
        renameIn(c.fields, m_oldName, m_newName);
    if (o.getLatestBy == m_oldName)
        o.getLatestBy = m_newName;
}

void RenameField::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    const Field &oldField = *from.meta(appLabel, m_modelName).field(m_oldName);
    const Field &newField = *model.field(m_newName);
    if (model.options().managed && oldField.column() != newField.column())
        editor.alterField(model, oldField, newField);
}

void RenameField::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    const Field &oldField = *from.meta(appLabel, m_modelName).field(m_newName);
    const Field &newField = *model.field(m_oldName);
    if (model.options().managed && oldField.column() != newField.column())
        editor.alterField(model, oldField, newField);
}

QJsonObject RenameField::toJson() const
{
    return {{QStringLiteral("type"), type()}, {QStringLiteral("model_name"), m_modelName.toLower()},
            {QStringLiteral("old_name"), m_oldName}, {QStringLiteral("new_name"), m_newName}};
}

} // namespace quango
