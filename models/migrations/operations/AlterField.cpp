#include "migrations/operations/AlterField.h"
#include "db/SchemaEditor.h"
#include "migrations/ProjectState.h"
#include "orm/Exceptions.h"
#include "orm/FieldFactory.h"

namespace quango {

AlterField::AlterField(QString modelName, QVariantMap field, bool preserveDefault)
    : m_modelName(std::move(modelName)), m_name(field.value(QStringLiteral("name")).toString()), m_field(std::move(field)),
      m_preserveDefault(preserveDefault)
{
}

OperationPtr AlterField::fromJson(const QJsonObject &json)
{
    const QVariantMap field = requiredField(json);
    return std::make_shared<AlterField>(requiredString(json, "model_name"), field, json.value(QStringLiteral("preserve_default")).toBool(true));
}

void AlterField::stateForwards(const QString &appLabel, ProjectState &state) const
{
    ModelState &model = state.mutableModel(appLabel, m_modelName);
    const int index = model.fieldIndex(m_name);
    if (index < 0)
        throw FieldError(QStringLiteral("AlterField: %1.%2 has no field '%3'.").arg(appLabel, m_modelName, m_name));
    QVariantMap field = m_field;
    if (!m_preserveDefault)
        field.remove(QStringLiteral("default"));
    model.fields[index] = field;
}

void AlterField::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const
{
    const ModelMeta *model = &to.meta(appLabel, m_modelName);
    if (!model->options().managed)
        return;
    ProjectState withDefault;
    if (!m_preserveDefault) {
        withDefault = to;
        ModelState &state = withDefault.mutableModel(appLabel, m_modelName);
        state.fields[state.fieldIndex(m_name)] = m_field;
        model = &withDefault.meta(appLabel, m_modelName);
    }
    editor.alterField(*model, *from.meta(appLabel, m_modelName).field(m_name), *model->field(m_name));
}

void AlterField::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_modelName);
    if (model.options().managed)
        editor.alterField(model, *from.meta(appLabel, m_modelName).field(m_name), *model.field(m_name));
}

QJsonObject AlterField::toJson() const
{
    QJsonObject json{{QStringLiteral("type"), type()}, {QStringLiteral("model_name"), m_modelName.toLower()}, {QStringLiteral("name"), m_name},
                     {QStringLiteral("field"), QJsonObject::fromVariantMap(m_field)}};
    if (!m_preserveDefault)
        json.insert(QStringLiteral("preserve_default"), false);
    return json;
}

} // namespace quango
