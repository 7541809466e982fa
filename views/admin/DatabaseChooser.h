#pragma once
#include "db/DatabaseUrl.h"
#include <QCoreApplication>
#include <QString>

namespace quango {

// The connection dialog's logic: turns what the user chose (an SQLite file, a
// PostgreSQL URL and password) into a DatabaseUrl, and makes it the default
// connection once the database has answered.
class DatabaseChooser {
    Q_DECLARE_TR_FUNCTIONS(DatabaseChooser)

public:
    // An SQLite file by path (it is created on first use if missing). Throws
    // ImproperlyConfigured for an empty or relative path or a missing folder.
    static DatabaseUrl sqliteFile(const QString &path);
    // A typed PostgreSQL URL; a non-empty `password` replaces the URL's own.
    // Throws ImproperlyConfigured saying what is wrong with it (not
    // PostgreSQL, bad port, no database name...).
    static DatabaseUrl postgres(const QString &url, const QString &password = {});
    // The same database with another password (empty: none), as a URL that
    // parses back to it (user, password and name percent-encoded).
    static DatabaseUrl withPassword(const DatabaseUrl &url, const QString &password);

    // Makes `url` the default connection and checks the database answers by
    // reading its table list (an SQLite file that is not a database fails
    // here, not at the first page). On failure the previous default stays
    // configured and an OperationalError says which database and why.
    static void connect(const DatabaseUrl &url);
};

} // namespace quango
