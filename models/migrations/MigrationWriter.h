#pragma once
#include "migrations/Migration.h"
#include <QMap>

namespace quango {

class MigrationLoader;

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
    // Before the first file of a makemigrations run is written: throws
    // MigrationError unless every app in `changes` has a disk folder to write
    // into (never a Qt resource), so that no run leaves half its migrations.
    static void checkDestinations(const QMap<QString, QList<MigrationPtr>> &changes, const MigrationLoader &loader);

private:
    const Migration &m_migration;
};

} // namespace quango
