#pragma once
#include "db/DatabaseUrl.h"
#include <QString>
#include <QStringList>

namespace quango {

// The databases the connection dialog connected to, most recent first, kept
// in QSettings ("connection/recent"). Each database appears once, and never
// with its password: a PostgreSQL URL is stored without one, and the dialog
// asks for it (or libpq finds it in ~/.pgpass).
class RecentDatabases {
public:
    static constexpr int Capacity = 10;

    // Reads the list; entries that no longer parse are dropped.
    RecentDatabases();
    const QStringList &urls() const { return m_urls; }
    // Puts the database first (replacing an earlier entry for it), drops the
    // oldest beyond Capacity and saves at once.
    void add(const DatabaseUrl &url);
    void remove(const QString &url);
    void clear();

    // The URL as stored: without a password.
    static QString storedUrl(const DatabaseUrl &url);
    // Two URLs naming the same database share this key (SQLite: the cleaned
    // path; PostgreSQL: user, host, port and database name).
    static QString identity(const DatabaseUrl &url);

private:
    void save() const;
    QStringList m_urls;
};

} // namespace quango
