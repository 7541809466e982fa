#include "db/Connections.h"
#include "db/Connection.h"
#include "orm/Exceptions.h"
#include <QHash>
#include <QMutex>
#include <map>
#include <memory>

namespace quango {

namespace {
struct Config {
    QMutex mutex;
    QHash<QString, DatabaseUrl> urls;
    quint64 generation = 0;  // bumps on configure so threads reopen with new settings
};
Config &config()
{
    static Config instance;
    return instance;
}

// This thread's connections; destroyed (and so closed) when the thread ends.
struct ThreadConnections {
    std::map<QString, std::unique_ptr<Connection>> byAlias;
    quint64 generation = 0;
};
thread_local ThreadConnections threadConnections;
} // namespace


void Connections::configure(const QString &alias, const DatabaseUrl &url)
{
    Config &c = config();
    QMutexLocker lock(&c.mutex);
    // Only a changed alias makes threads reopen: no thread holds a connection
    // to an alias configured for the first time, and reopening the others
    // would pull the database from under open QSqlTableModels.
    const bool known = c.urls.contains(alias);
    c.urls.insert(alias, url);
    if (known)
        ++c.generation;
}

bool Connections::isConfigured(const QString &alias)
{
    Config &c = config();
    QMutexLocker lock(&c.mutex);
    return c.urls.contains(alias);
}

DatabaseUrl Connections::settings(const QString &alias)
{
    Config &c = config();
    QMutexLocker lock(&c.mutex);
    if (!c.urls.contains(alias))
        throw ImproperlyConfigured(QStringLiteral("The database alias '%1' is not configured. Configured: %2")
                                       .arg(alias, QStringList(c.urls.keys()).join(QStringLiteral(", "))));
    return c.urls.value(alias);
}

QStringList Connections::aliases()
{
    Config &c = config();
    QMutexLocker lock(&c.mutex);
    return c.urls.keys();
}

Connection &Connections::get(const QString &alias)
{
    ThreadConnections &mine = threadConnections;
    quint64 generation;
    {
        Config &c = config();
        QMutexLocker lock(&c.mutex);
        generation = c.generation;
    }
    if (generation != mine.generation) {
        // Settings changed (tests switch databases): reopen lazily with the new URL.
        mine.byAlias.clear();
        mine.generation = generation;
    }
    auto it = mine.byAlias.find(alias);
    if (it != mine.byAlias.end())
        return *it->second;
    std::unique_ptr<Connection> connection(new Connection(alias, settings(alias)));
    Connection &ref = *connection;
    mine.byAlias.emplace(alias, std::move(connection));
    return ref;
}

void Connections::closeAll()
{
    for (auto &[alias, connection] : threadConnections.byAlias)
        connection->close();
}

} // namespace quango
