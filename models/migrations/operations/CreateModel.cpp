#include "migrations/operations/CreateModel.h"
#include "apps/Registry.h"
#include "db/SchemaEditor.h"
#include "migrations/OptionsSerializer.h"
#include "migrations/ProjectState.h"
#include "orm/Exceptions.h"
#include "orm/FieldFactory.h"
#include <QJsonArray>

namespace quango {

CreateModel::CreateModel(QString name, QList<QVariantMap> fields, MetaOptions options)
    : m_name(std::move(name)), m_fields(std::move(fields)), m_options(std::move(options))
{
}

OperationPtr CreateModel::fromJson(const QJsonObject &json)
{
    QList<QVariantMap> fields;
    const QJsonValue list = json.value(QStringLiteral("fields"));
    if (!list.isArray())
        throw FieldError(QStringLiteral("CreateModel needs a list 'fields'."));
    for (const QJsonValue &field : list.toArray()) {
        if (!field.isObject())
            throw FieldError(QStringLiteral("CreateModel: every field must be an object."));
        fields << field.toObject().toVariantMap();
        FieldFactory::create(fields.last()); // unknown types fail at load, naming the field
    }
    return std::make_shared<CreateModel>(requiredString(json, "name"), fields,
                                         OptionsSerializer::fromJson(json.value(QStringLiteral("options")).toObject()));
}

void CreateModel::stateForwards(const QString &appLabel, ProjectState &state) const
{
    if (state.hasModel(appLabel, m_name))
        throw FieldError(QStringLiteral("CreateModel: the model %1.%2 exists already.").arg(appLabel, m_name));
    state.addModel(ModelState{appLabel, m_name, m_fields, m_options});
}

void CreateModel::databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &, const ProjectState &to) const
{
    const ModelMeta &model = to.meta(appLabel, m_name);
    if (model.options().managed)
        editor.createModel(model);
}

void CreateModel::databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &) const
{
    const ModelMeta &model = from.meta(appLabel, m_name);
    if (model.options().managed)
        editor.deleteModel(model);
}

QJsonObject CreateModel::toJson() const
{
    QJsonArray fields;
    for (const QVariantMap &field : m_fields)
        fields.append(QJsonObject::fromVariantMap(field));
    QJsonObject json{{QStringLiteral("type"), type()}, {QStringLiteral("name"), m_name}, {QStringLiteral("fields"), fields}};
    const QJsonObject options = OptionsSerializer::toJson(m_options);
    if (!options.isEmpty())
        json.insert(QStringLiteral("options"), options);
    return json;
}

} // namespace quango
