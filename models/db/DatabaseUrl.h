#pragma once
#include <QString>

namespace quango {

// A database setting: sqlite:///path/to/file.sqlite3 or
// postgres://user:password@host:port/dbname (postgresql:// also accepted).
class DatabaseUrl {
public:
    enum class Vendor { Sqlite, Postgres };
    // Throws ImproperlyConfigured with the URL and the accepted forms.
    static DatabaseUrl parse(const QString &url);

    Vendor vendor() const { return m_vendor; }
    const QString &path() const { return m_path; }      // SQLite file
    const QString &host() const { return m_host; }
    int port() const { return m_port; }
    const QString &user() const { return m_user; }
    const QString &password() const { return m_password; }
    const QString &databaseName() const { return m_database; }
    const QString &url() const { return m_url; }
    QString redacted() const;   // the URL with the password replaced by ***
    DatabaseUrl withDatabaseName(const QString &name) const;

private:
    Vendor m_vendor = Vendor::Sqlite;
    QString m_url, m_path, m_host, m_user, m_password, m_database;
    int m_port = 5432;
};

} // namespace quango
