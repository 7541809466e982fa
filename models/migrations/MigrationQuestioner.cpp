#include "migrations/MigrationQuestioner.h"

namespace quango {

static QString path(const QString &app, const QString &model, const QString &field)
{
    return (app + QLatin1Char('.') + model + QLatin1Char('.') + field).toLower();
}

void MigrationQuestioner::setDefault(const QString &fieldPath, const QVariant &value) { m_defaults.insert(fieldPath.toLower(), value); }

void MigrationQuestioner::addRename(const QString &spec) { m_renames.insert(spec.toLower()); }

std::optional<QVariant> MigrationQuestioner::flagDefault(const QString &appLabel, const QString &model, const QString &field) const
{
    const auto it = m_defaults.constFind(path(appLabel, model, field));
    if (it == m_defaults.constEnd())
        return std::nullopt;
    return *it;
}

bool MigrationQuestioner::flagRename(const QString &spec) const { return m_renames.contains(spec.toLower()); }

std::optional<QVariant> MigrationQuestioner::askNotNullAddition(const QString &appLabel, const QString &model, const QString &field)
{
    return flagDefault(appLabel, model, field);
}

std::optional<QVariant> MigrationQuestioner::askNotNullAlteration(const QString &appLabel, const QString &model, const QString &field)
{
    return flagDefault(appLabel, model, field);
}

bool MigrationQuestioner::askRenameField(const QString &appLabel, const QString &model, const QString &oldName, const QString &newName,
                                         const QString &fieldType)
{
    Q_UNUSED(fieldType);
    return flagRename(path(appLabel, model, oldName) + QLatin1Char('=') + newName);
}

bool MigrationQuestioner::askRenameModel(const QString &appLabel, const QString &oldName, const QString &newName)
{
    return flagRename(appLabel + QLatin1Char('.') + oldName + QLatin1Char('=') + newName);
}

} // namespace quango
