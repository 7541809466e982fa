#include "views/admin/DatabaseChooser.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "db/SchemaEditor.h"
#include "orm/Exceptions.h"
#include "views/admin/Logging.h"
#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <optional>

namespace quango {

namespace {
QString encoded(const QString &text) { return QString::fromUtf8(QUrl::toPercentEncoding(text)); }
} // namespace

DatabaseUrl DatabaseChooser::sqliteFile(const QString &path)
{
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty())
        throw ImproperlyConfigured(tr("Choose an SQLite file: the path is empty."));
    if (QDir::isRelativePath(trimmed))
        throw ImproperlyConfigured(tr("The SQLite path '%1' is relative: give the full path or choose the file with Browse.").arg(trimmed));
    const QFileInfo info(trimmed);
    if (info.isDir())
        throw ImproperlyConfigured(tr("'%1' is a folder: choose a file in it.").arg(trimmed));
    if (!info.dir().exists())
        throw ImproperlyConfigured(tr("The folder '%1' does not exist: create it first or choose another file.").arg(info.absolutePath()));
    return DatabaseUrl::parse(QStringLiteral("sqlite://") + QString::fromUtf8(QUrl::toPercentEncoding(QDir::cleanPath(info.absoluteFilePath()), "/")));
}

DatabaseUrl DatabaseChooser::postgres(const QString &text, const QString &password)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        throw ImproperlyConfigured(tr("Enter a PostgreSQL URL: postgres://user@host:5432/dbname."));
    if (!trimmed.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive) && !trimmed.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive))
        throw ImproperlyConfigured(tr("'%1' is not a PostgreSQL URL: it starts with postgres:// (postgres://user@host:5432/dbname).").arg(trimmed.section(QLatin1Char('@'), -1)));
    DatabaseUrl url = DatabaseUrl::parse(trimmed); // throws, naming the problem, password hidden
    return password.isEmpty() ? url : withPassword(url, password);
}

DatabaseUrl DatabaseChooser::withPassword(const DatabaseUrl &url, const QString &password)
{
    if (url.vendor() != DatabaseUrl::Vendor::Postgres)
        return url;
    const QString scheme = url.url().section(QStringLiteral("://"), 0, 0);
    const QString query = url.url().contains(QLatin1Char('?')) ? QLatin1Char('?') + url.url().section(QLatin1Char('?'), 1) : QString();
    QString userInfo;
    if (!url.user().isEmpty() || !password.isEmpty())
        userInfo = encoded(url.user()) + (password.isEmpty() ? QString() : QLatin1Char(':') + encoded(password)) + QLatin1Char('@');
    const QString host = url.host().contains(QLatin1Char(':')) ? QLatin1Char('[') + url.host() + QLatin1Char(']') : encoded(url.host());
    // Concatenated, not arg(): percent-encoded text ("%3A") would read as a placeholder.
    return DatabaseUrl::parse(scheme + QStringLiteral("://") + userInfo + host + QLatin1Char(':') + QString::number(url.port()) + QLatin1Char('/')
                              + encoded(url.databaseName()) + query);
}

void DatabaseChooser::connect(const DatabaseUrl &url)
{
    std::optional<DatabaseUrl> previous;
    if (Connections::isConfigured())
        previous = Connections::settings();
    Connections::configure(url);
    try {
        SchemaEditor(Connections::get()).tableNames();
    } catch (const Error &error) {
        Connections::closeAll();
        if (previous)
            Connections::configure(*previous);
        const auto *database = dynamic_cast<const DatabaseError *>(&error);
        const QString why = database && !database->driverText().isEmpty() ? database->driverText().trimmed() : error.message();
        qCWarning(lcAdmin) << "cannot connect to" << url.redacted() << why;
        throw OperationalError(tr("Cannot connect to %1: %2").arg(url.redacted(), why), why);
    }
    qCDebug(lcAdmin) << "connected to" << url.redacted();
}

} // namespace quango
