#include "db/DatabaseUrl.h"
#include "orm/Exceptions.h"
#include <QUrl>

namespace quango {

static ImproperlyConfigured invalid(const QString &url, const QString &why)
{
    return ImproperlyConfigured(QStringLiteral("Invalid database URL '%1': %2. Expected sqlite:///path/to/db.sqlite3 or "
                                               "postgres://user:password@host:port/dbname")
                                    .arg(url, why));
}

DatabaseUrl DatabaseUrl::parse(const QString &text)
{
    DatabaseUrl out;
    out.m_url = text.trimmed();
    const QString url = out.m_url;
    if (url.startsWith(QLatin1String("sqlite:"))) {
        out.m_vendor = Vendor::Sqlite;
        if (!url.startsWith(QLatin1String("sqlite:///")))
            throw invalid(url, QStringLiteral("a SQLite URL needs three slashes and an absolute path"));
        const QString path = QUrl::fromPercentEncoding(url.mid(10).toUtf8());
        if (path == QLatin1String(":memory:")) {
            out.m_path = path;
        } else {
            if (path.isEmpty())
                throw invalid(url, QStringLiteral("the file path is missing"));
            out.m_path = QLatin1Char('/') + path;
        }
        return out;
    }
    if (url.startsWith(QLatin1String("postgres://")) || url.startsWith(QLatin1String("postgresql://"))) {
        out.m_vendor = Vendor::Postgres;
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid())
            throw invalid(url, parsed.errorString());
        out.m_host = parsed.host().isEmpty() ? QStringLiteral("localhost") : parsed.host();
        out.m_port = parsed.port(5432);
        out.m_user = parsed.userName(QUrl::FullyDecoded);
        out.m_password = parsed.password(QUrl::FullyDecoded);
        out.m_database = parsed.path(QUrl::FullyDecoded).mid(1);
        if (out.m_database.isEmpty())
            throw invalid(url, QStringLiteral("the database name is missing"));
        return out;
    }
    throw invalid(url, QStringLiteral("unknown scheme"));
}

QString DatabaseUrl::redacted() const
{
    if (m_password.isEmpty())
        return m_url;
    QUrl url(m_url);
    url.setPassword(QStringLiteral("***"));
    return url.toString();
}

DatabaseUrl DatabaseUrl::withDatabaseName(const QString &name) const
{
    DatabaseUrl copy = *this;
    copy.m_database = name;
    QUrl url(m_url);
    url.setPath(QLatin1Char('/') + name);
    copy.m_url = url.toString();
    return copy;
}

} // namespace quango
