#pragma once
#include "migrations/Migration.h"
#include <QSet>

namespace quango {

class Connection;
class ModelMeta;

// Django's MigrationRecorder: the django_migrations table (id, app, name,
// applied), created as Django creates it on first use.
class MigrationRecorder {
public:
    explicit MigrationRecorder(Connection &connection);
    static const ModelMeta &model(); // the table's metadata
    bool hasTable() const;
    void ensureSchema();
    QSet<MigrationKey> appliedMigrations() const;
    void recordApplied(const QString &appLabel, const QString &name);
    void recordUnapplied(const QString &appLabel, const QString &name);
    void flush(); // deletes every row (tests)

private:
    Connection &m_connection;
};

} // namespace quango
