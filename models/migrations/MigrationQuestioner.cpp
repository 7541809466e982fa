#include "migrations/MigrationQuestioner.h"

namespace quango {

static QString path(const QString &app, const QString &model, const QString &field)
{
    return (app + QLatin1Char('.') + model + QLatin1Char('.') + field).toLower();
}

void MigrationQuestioner::setDefault(const QString &fieldPath, const QVariant &value) { m_defaults.insert(fieldPath.toLower(), value); }

void MigrationQuestioner::addRename(const QString &spec) { m_renames.insert(spec.toLower()); }

std::optional<QVariant> MigrationQuestioner::askNotNullAddition(const QString &appLabel, const QString &model, const QString &field)
{
    const auto it = m_defaults.constFind(path(appLabel, model, field));
    if (it == m_defaults.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<QVariant> MigrationQuestioner::askNotNullAlteration(const QString &appLabel, const QString &model, const QString &field)
{
    return askNotNullAddition(appLabel, model, field);
}

bool MigrationQuestioner::askRenameField(const QString &appLabel, const QString &model, const QString &oldName, const QString &newName)
{
    return m_renames.contains(path(appLabel, model, oldName) + QLatin1Char('=') + newName.toLower());
}

bool MigrationQuestioner::askRenameModel(const QString &appLabel, const QString &oldName, const QString &newName)
{
    return m_renames.contains((appLabel + QLatin1Char('.') + oldName + QLatin1Char('=') + newName).toLower());
}

} // namespace quango
