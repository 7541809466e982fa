#include "views/admin/MigrationProgressRelay.h"
#include "migrations/Migration.h"

namespace quango {

void MigrationProgressRelay::planStart(int steps)
{
    m_steps = steps;
    m_index = -1;
    Q_EMIT planStarted(steps);
}

void MigrationProgressRelay::applyStart(const Migration &migration, bool)
{
    Q_EMIT stepStarted(migration.label(), false, ++m_index, m_steps);
}

void MigrationProgressRelay::applySuccess(const Migration &migration, bool, qint64 elapsedMs)
{
    Q_EMIT stepFinished(migration.label(), false, elapsedMs);
}

void MigrationProgressRelay::unapplyStart(const Migration &migration, bool)
{
    Q_EMIT stepStarted(migration.label(), true, ++m_index, m_steps);
}

void MigrationProgressRelay::unapplySuccess(const Migration &migration, bool, qint64 elapsedMs)
{
    Q_EMIT stepFinished(migration.label(), true, elapsedMs);
}

void MigrationProgressRelay::failure(const Migration &migration, const QString &error)
{
    Q_EMIT stepFailed(migration.label(), error);
}

} // namespace quango
