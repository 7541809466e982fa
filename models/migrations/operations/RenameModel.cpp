#include "migrations/operations/RenameModel.h"
#include "db/SchemaEditor.h"
#include "migrations/ProjectState.h"
#include "orm/RelatedField.h"

namespace quango {

RenameModel::RenameModel(QString oldName, QString newName) : m_oldName(std::move(oldName)), m_newName(std::move(newName)) {}

OperationPtr RenameModel::fromJson(const QJsonObject &json)
{
    return std::make_shared<RenameModel>(requiredString(json, "old_name"), requiredString(json, "new_name"));
}

void RenameModel::stateForwards(const QString &appLabel, ProjectState &state) const
{
    ModelState model = state.model(appLabel, m_oldName);
    state.removeModel(appLabel, m_oldName);
    model.name = m_newName;
    state.addModel(model);
    // Relations pointing to the old name now point to the new one.
    const QString oldLabel = appLabel + QLatin1Char('.') + m_oldName;
    const QString newLabel = appLabel + QLatin1Char('.') + m_newName;
    for (const ModelState &other : state.models()) {
        bool changed = false;
        ModelState copy = other;
        for (QVariantMap &field : copy.fields) {
            const QString to = field.value(QStringLiteral("to")).toString();
            if (to.compare(oldLabel, Qt::CaseInsensitive) == 0
                || (other.appLabel == appLabel && to.compare(m_oldName, Qt::CaseInsensitive) == 0)) {
                field.insert(QStringLiteral("to"), newLabel);
                changed = true;
            }
        }
        if (changed)
            state.mutableModel(copy.appLabel, copy.name) = copy;
    }
}

static void rename(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to, const QString &oldName,
                   const QString &newName)
{
    const ModelMeta &oldModel = from.meta(appLabel, oldName);
    const ModelMeta &newModel = to.meta(appLabel, newName);
    if (!newModel.options().managed)
        return;
    editor.alterDbTable(newModel, oldModel.dbTable(), newModel.dbTable());
    // Automatic M2M tables are named after the model: rename them too.
    const auto oldM2m = oldModel.manyToManyFields();
    const auto newM2m = newModel.manyToManyFields();
    for (int i = 0; i < oldM2m.size() && i < newM2m.size(); ++i)
        if (oldM2m.at(i)->throughTable() != newM2m.at(i)->throughTable())
            editor.alterDbTable(newModel, oldM2m.at(i)->throughTable(), newM2m.at(i)->throughTable());
}

void RenameModel::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const
{
    rename(appLabel, editor, from, to, m_oldName, m_newName);
}

void RenameModel::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const
{
    rename(appLabel, editor, from, to, m_newName, m_oldName);
}

QJsonObject RenameModel::toJson() const
{
    return {{QStringLiteral("type"), type()}, {QStringLiteral("old_name"), m_oldName}, {QStringLiteral("new_name"), m_newName}};
}

} // namespace quango
