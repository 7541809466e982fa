#include "views/admin/RecentDatabases.h"
#include "orm/Exceptions.h"
#include "views/admin/DatabaseChooser.h"
#include <QDir>
#include <QSettings>
#include <QUrl>

namespace quango {

namespace {
const QString Key = QStringLiteral("connection/recent");
} // namespace

QString RecentDatabases::storedUrl(const DatabaseUrl &url)
{
    if (url.vendor() == DatabaseUrl::Vendor::Sqlite && url.path() != QLatin1String(":memory:")) // one spelling per file
        return QStringLiteral("sqlite://") + QString::fromUtf8(QUrl::toPercentEncoding(QDir::cleanPath(url.path()), "/"));
    return DatabaseChooser::withPassword(url, {}).url();
}

QString RecentDatabases::identity(const DatabaseUrl &url)
{
    if (url.vendor() == DatabaseUrl::Vendor::Sqlite)
        return QStringLiteral("sqlite:") + (url.path() == QLatin1String(":memory:") ? url.path() : QDir::cleanPath(url.path()));
    return QStringLiteral("postgres:%1@%2:%3/%4").arg(url.user(), url.host().toLower()).arg(url.port()).arg(url.databaseName());
}

RecentDatabases::RecentDatabases()
{
    QSettings settings;
    QStringList seen;
    for (const QString &text : settings.value(Key).toStringList()) {
        try {
            const DatabaseUrl url = DatabaseUrl::parse(text);
            const QString id = identity(url);
            if (seen.contains(id))
                continue;
            seen << id;
            m_urls << storedUrl(url); // a password put in by hand does not stay
        } catch (const ImproperlyConfigured &) {
            // Edited by hand or from an older version: not offered.
        }
    }
    while (m_urls.size() > Capacity)
        m_urls.removeLast();
}

void RecentDatabases::add(const DatabaseUrl &url)
{
    const QString id = identity(url);
    m_urls.removeIf([&](const QString &text) {
        try {
            return identity(DatabaseUrl::parse(text)) == id;
        } catch (const ImproperlyConfigured &) {
            return true;
        }
    });
    m_urls.prepend(storedUrl(url));
    while (m_urls.size() > Capacity)
        m_urls.removeLast();
    save();
}

void RecentDatabases::remove(const QString &url)
{
    m_urls.removeAll(url);
    save();
}

void RecentDatabases::clear()
{
    m_urls.clear();
    save();
}

void RecentDatabases::save() const
{
    QSettings settings;
    settings.setValue(Key, m_urls);
}

} // namespace quango
