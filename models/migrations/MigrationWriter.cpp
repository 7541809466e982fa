#include "migrations/MigrationWriter.h"
#include "migrations/MigrationError.h"
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

} // namespace quango
