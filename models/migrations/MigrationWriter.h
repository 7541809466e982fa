#pragma once
#include "migrations/Migration.h"

namespace quango {

// Django's MigrationWriter: a migration as the text of its JSON file,
// "NNNN_name.json", indented and stable so diffs stay readable.
class MigrationWriter {
public:
    explicit MigrationWriter(const Migration &migration) : m_migration(migration) {}
    QByteArray contents() const;
    QString fileName() const { return m_migration.name() + QStringLiteral(".json"); }
    // Writes into `directory` (created when missing); returns the file path.
    // Throws MigrationError when it cannot.
    QString write(const QString &directory) const;

private:
    const Migration &m_migration;
};

} // namespace quango
