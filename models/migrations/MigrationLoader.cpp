#include "migrations/MigrationLoader.h"
#include "apps/Registry.h"
#include "migrations/Logging.h"
#include "migrations/MigrationError.h"
#include "migrations/MigrationRecorder.h"
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace quango {

MigrationLoader::MigrationLoader(const Registry &registry, Connection *connection) : m_registry(registry), m_connection(connection) {}

QString MigrationLoader::migrationsPath(const QString &appLabel) const
{
    if (m_paths.contains(appLabel))
        return m_paths.value(appLabel);
    AppConfig *app = m_registry.app(appLabel);
    return app ? app->migrationsPath() : QString();
}

static QStringList migrationFiles(const QDir &dir)
{
    QStringList out;
    for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        if (!file.startsWith(QLatin1Char('_')) && !file.startsWith(QLatin1Char('.')))
            out << file;
    return out;
}

bool MigrationLoader::hasMigrationFiles(const QString &path)
{
    return !path.isEmpty() && !migrationFiles(QDir(path)).isEmpty();
}

void MigrationLoader::setMigrationsRoots(const QStringList &dirs)
{
    if (dirs.isEmpty())
        return;
    for (AppConfig *app : m_registry.apps()) {
        QString chosen;
        for (const QString &dir : dirs)
            if (QFileInfo(QDir(dir).filePath(app->label())).isDir()) {
                chosen = QDir(dir).filePath(app->label());
                break;
            }
        if (chosen.isEmpty() && !hasMigrationFiles(app->migrationsPath()))
            chosen = QDir(dirs.first()).filePath(app->label());
        if (!chosen.isEmpty())
            m_paths.insert(app->label(), chosen);
    }
}

void MigrationLoader::load()
{
    m_graph = MigrationGraph();
    m_migratedApps.clear();
    for (AppConfig *app : m_registry.apps()) {
        const QString path = migrationsPath(app->label());
        if (path.isEmpty())
            continue;
        QDir dir(path);
        if (!dir.exists())
            continue;
        const QStringList files = migrationFiles(dir);
        for (const QString &file : files) {
            const QString filePath = dir.filePath(file);
            QFile f(filePath);
            if (!f.open(QIODevice::ReadOnly))
                throw MigrationError(QStringLiteral("%1: cannot read: %2").arg(filePath, f.errorString()));
            const QString name = file.chopped(5);
            m_graph.addNode(Migration::fromJson(f.readAll(), app->label(), name, filePath));
        }
        if (!files.isEmpty())
            m_migratedApps << app->label();
    }
    m_graph.validate();
    m_applied.clear();
    if (m_connection) {
        MigrationRecorder recorder(*m_connection);
        m_applied = recorder.appliedMigrations();
    }
    qCDebug(lcMigrations) << "loaded" << m_graph.nodes().size() << "migrations," << m_applied.size() << "applied";
}

QStringList MigrationLoader::unmigratedApps() const
{
    QStringList out;
    for (AppConfig *app : m_registry.apps())
        if (!m_migratedApps.contains(app->label()))
            out << app->label();
    return out;
}

ProjectState MigrationLoader::projectState() const
{
    QList<MigrationKey> leaves;
    for (const QString &app : m_graph.appLabels())
        leaves << m_graph.leafNodes(app);
    return m_graph.makeState(leaves);
}

void MigrationLoader::checkConsistentHistory() const
{
    for (const MigrationKey &key : m_applied) {
        if (!m_graph.contains(key))
            continue;
        for (const MigrationKey &parent : m_graph.parents(key))
            if (!m_applied.contains(parent))
                throw InconsistentMigrationHistory(QStringLiteral("Migration %1.%2 is applied before its dependency %3.%4 on database '%5'.")
                                                       .arg(key.first, key.second, parent.first, parent.second,
                                                            m_connection ? QStringLiteral("default") : QString()));
    }
}

void MigrationLoader::checkConflicts() const
{
    const QMap<QString, QStringList> conflicts = m_graph.conflicts();
    if (conflicts.isEmpty())
        return;
    QStringList parts;
    for (auto it = conflicts.cbegin(); it != conflicts.cend(); ++it)
        parts << QStringLiteral("%1 in %2").arg(it.value().join(QStringLiteral(", ")), it.key());
    throw MigrationError(QStringLiteral("Conflicting migrations detected; multiple leaf nodes in the migration graph: (%1). "
                                        "Add a migration that depends on all of them.")
                             .arg(parts.join(QStringLiteral("; "))));
}

MigrationKey MigrationLoader::resolve(const QString &appLabel, const QString &namePrefix) const
{
    QList<MigrationKey> matches;
    for (const MigrationKey &key : m_graph.nodes()) {
        if (key.first != appLabel)
            continue;
        if (key.second == namePrefix)
            return key;
        if (key.second.startsWith(namePrefix))
            matches << key;
    }
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty())
        throw MigrationError(QStringLiteral("Cannot find a migration matching '%1' from app '%2'.").arg(namePrefix, appLabel));
    throw MigrationError(QStringLiteral("More than one migration matches '%1' in app '%2'. Please be more specific.").arg(namePrefix, appLabel));
}

} // namespace quango
