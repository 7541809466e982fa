#include "migrations/MigrationWriter.h"
#include "migrations/MigrationError.h"
#include "migrations/MigrationLoader.h"
#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>

namespace quango {

QByteArray MigrationWriter::contents() const { return QJsonDocument(m_migration.toJson()).toJson(QJsonDocument::Indented); }

QString MigrationWriter::write(const QString &directory) const
{
    if (!QDir().mkpath(directory))
        throw MigrationError(QStringLiteral("Cannot create the migrations folder %1.").arg(directory));
    const QString path = QDir(directory).filePath(fileName());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents()) < 0 || !file.commit())
        throw MigrationError(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return path;
}

void MigrationWriter::checkDestinations(const QMap<QString, QList<MigrationPtr>> &changes, const MigrationLoader &loader)
{
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const QString where = loader.migrationsPath(it.key());
        if (where.isEmpty())
            throw MigrationError(QStringLiteral("App '%1' has no migrations folder: pass --migrations-dir DIR to write its migrations in DIR/%1.")
                                     .arg(it.key()));
        // A Qt resource is compiled in: the files must go to the source folder it is built from.
        if (where.startsWith(QLatin1Char(':')))
            throw MigrationError(QStringLiteral("App '%1' reads its migrations from the Qt resource '%2', which cannot be written: pass "
                                                "--migrations-dir pointing at the source folder those files are compiled from "
                                                "(the folder that holds %1/).")
                                     .arg(it.key(), where));
    }
}

} // namespace quango
