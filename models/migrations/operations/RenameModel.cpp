#include "migrations/operations/RenameModel.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "db/DatabaseOperations.h"
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

static void renameColumn(SchemaEditor &editor, const QString &table, const QString &oldColumn, const QString &newColumn)
{
    if (oldColumn == newColumn)
        return;
    // SchemaEditor has no column rename outside alterField (which needs a
    // model for the through table); both backends rename in place and carry
    // the column's indexes, UNIQUE and REFERENCES along.
    const DatabaseOperations &ops = Connection::get().ops();
    editor.execute(QStringLiteral("ALTER TABLE %1 RENAME COLUMN %2 TO %3").arg(ops.quoteName(table), ops.quoteName(oldColumn), ops.quoteName(newColumn)));
}

static void rename(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to, const QString &oldName,
                   const QString &newName)
{
    const ModelMeta &oldModel = from.meta(appLabel, oldName);
    const ModelMeta &newModel = to.meta(appLabel, newName);
    if (!newModel.options().managed)
        return;
    editor.alterDbTable(newModel, oldModel.dbTable(), newModel.dbTable());
    // Automatic M2M tables are named after their model and their columns after
    // both ends: the renamed model's own M2M tables change name and source
    // column, and every M2M pointing at it (any app) changes its target column.
    const Registry &before = from.render();
    for (const ModelMeta *owner : before.models()) {
        const bool renamed = owner == &oldModel;
        const ModelMeta *after = renamed ? &newModel : to.render().model(owner->appLabel(), owner->objectName());
        if (!after || !after->options().managed)
            continue;
        for (const ManyToManyField *oldField : owner->manyToManyFields()) {
            if (!renamed && oldField->relatedModel() != &oldModel)
                continue;
            const auto *newField = dynamic_cast<const ManyToManyField *>(after->field(oldField->name()));
            if (!newField)
                continue;
            const QString table = newField->throughTable();
            editor.alterDbTable(*after, oldField->throughTable(), table);
            renameColumn(editor, table, oldField->sourceColumn(), newField->sourceColumn());
            renameColumn(editor, table, oldField->targetColumn(), newField->targetColumn());
        }
    }
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
