#include "migrations/operations/AddField.h"
#include "db/SchemaEditor.h"
#include "migrations/ProjectState.h"
#include "orm/Exceptions.h"
#include "orm/FieldFactory.h"

namespace quango {

AddField::AddField(QString modelName, QVariantMap field, bool preserveDefault)
    : m_modelName(std::move(modelName)), m_name(field.value(QStringLiteral("name")).toString()), m_field(std::move(field)),
      m_preserveDefault(preserveDefault)
{
}

OperationPtr AddField::fromJson(const QJsonObject &json)
{
    const QVariantMap field = requiredField(json);
    return std::make_shared<AddField>(requiredString(json, "model_name"), field, json.value(QStringLiteral("preserve_default")).toBool(true));
}

void AddField::stateForwards(const QString &appLabel, ProjectState &state) const
{
    ModelState &model = state.mutableModel(appLabel, m_modelName);
    if (model.fieldIndex(m_name) >= 0)
        throw FieldError(QStringLiteral("AddField: %1.%2 has a field '%3' already.").arg(appLabel, m_modelName, m_name));
    QVariantMap field = m_field;
    if (!m_preserveDefault)
        field.remove(QStringLiteral("default"));
    model.fields << field;
}

void AddField::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &, const ProjectState &to) const
{
    if (!to.meta(appLabel, m_modelName).options().managed)
        return;
    if (m_preserveDefault) {
        const ModelMeta &model = to.meta(appLabel, m_modelName);
        editor.addField(model, *model.field(m_name));
        return;
    }
    // The one-off default fills the existing rows only.
    ProjectState withDefault = to;
    ModelState &state = withDefault.mutableModel(appLabel, m_modelName);
    state.fields[state.fieldIndex(m_name)] = m_field;
    const ModelMeta &model = withDefault.meta(appLabel, m_modelName);
    editor.addField(model, *model.field(m_name));
}

void AddField::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    if (model.options().managed)
        editor.removeField(model, *from.meta(appLabel, m_modelName).field(m_name));
}

QJsonObject AddField::toJson() const
{
    QJsonObject json{{QStringLiteral("type"), type()}, {QStringLiteral("model_name"), m_modelName.toLower()}, {QStringLiteral("name"), m_name},
                     {QStringLiteral("field"), QJsonObject::fromVariantMap(m_field)}};
    if (!m_preserveDefault)
        json.insert(QStringLiteral("preserve_default"), false);
    return json;
}

} // namespace quango
