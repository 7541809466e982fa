#include "migrations/operations/AlterModelOptions.h"
#include "migrations/OptionsSerializer.h"
#include "migrations/ProjectState.h"

namespace quango {

AlterModelOptions::AlterModelOptions(QString name, MetaOptions options) : m_name(std::move(name)), m_options(std::move(options)) {}

OperationPtr AlterModelOptions::fromJson(const QJsonObject &json)
{
    return std::make_shared<AlterModelOptions>(requiredString(json, "name"), OptionsSerializer::fromJson(json.value(QStringLiteral("options")).toObject()));
}

void AlterModelOptions::applyTo(MetaOptions &into, const MetaOptions &from)
{
    into.ordering = from.ordering;
    into.verboseName = from.verboseName;
    into.verboseNamePlural = from.verboseNamePlural;
    into.permissions = from.permissions;
    into.defaultPermissions = from.defaultPermissions;
    into.getLatestBy = from.getLatestBy;
    into.managed = from.managed;
}

bool AlterModelOptions::differ(const MetaOptions &a, const MetaOptions &b)
{
    MetaOptions x, y;
    applyTo(x, a);
    applyTo(y, b);
    return OptionsSerializer::toJson(x) != OptionsSerializer::toJson(y);
}

void AlterModelOptions::stateForwards(const QString &appLabel, ProjectState &state) const
{
    applyTo(state.mutableModel(appLabel, m_name).options, m_options);
}

QJsonObject AlterModelOptions::toJson() const
{
    return {{QStringLiteral("type"), type()}, {QStringLiteral("name"), m_name}, {QStringLiteral("options"), OptionsSerializer::toJson(m_options)}};
}

} // namespace quango
