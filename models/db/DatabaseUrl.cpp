#include "db/DatabaseUrl.h"
#include "orm/Exceptions.h"
#include <QUrl>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
const QString expected = u"expected sqlite:///path/to/db.sqlite3 or postgres://user:password@host:port/dbname"_s;

// The URL as an error message shows it: a password is replaced by ***.
QString shown(const QString &url)
{
    const qsizetype scheme = url.indexOf(u"://"_s);
    if (scheme < 0)
        return url;
    const qsizetype start = scheme + 3;
    qsizetype end = url.indexOf(u'/', start);
    if (end < 0)
        end = url.size();
    const qsizetype at = url.lastIndexOf(u'@', end - 1);
    const qsizetype colon = url.indexOf(u':', start);
    if (at < start || colon < 0 || colon > at)
        return url;
    return url.left(colon + 1) + u"***"_s + url.mid(at);
}

ImproperlyConfigured invalid(const QString &rawUrl, const QString &why = {})
{
    const QString url = shown(rawUrl);
    if (why.isEmpty())
        return ImproperlyConfigured(u"Invalid database URL '%1': %2"_s.arg(url, expected));
    return ImproperlyConfigured(u"Invalid database URL '%1': %2; %3"_s.arg(url, why, expected));
}

QString decoded(const QString &text)
{
    return QUrl::fromPercentEncoding(text.toUtf8());
}

QString encodedUserInfo(const QString &text)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(text));
}
} // namespace

DatabaseUrl DatabaseUrl::parse(const QString &text)
{
    DatabaseUrl out;
    out.m_url = text.trimmed();
    const QString &url = out.m_url;

    if (url.startsWith(u"sqlite:"_s, Qt::CaseInsensitive)) {
        out.m_vendor = Vendor::Sqlite;
        if (!url.startsWith(u"sqlite://"_s, Qt::CaseInsensitive))
            throw invalid(url, u"a SQLite URL is sqlite:// followed by an absolute path"_s);
        QString path = url.mid(9);
        const qsizetype query = path.indexOf(u'?');
        if (query >= 0)
            path.truncate(query);
        if (!path.startsWith(u'/'))
            throw invalid(url, u"the SQLite path '%1' is relative: use three slashes and an absolute path (sqlite:///abs/path)"_s.arg(decoded(path)));
        while (path.startsWith(u"//"_s)) // sqlite:////abs/path, SQLAlchemy's spelling
            path.remove(0, 1);
        path = decoded(path);
        if (path == u"/:memory:"_s) {
            out.m_path = u":memory:"_s;
            return out;
        }
        if (path.size() <= 1)
            throw invalid(url, u"the SQLite file path is missing"_s);
        out.m_path = path;
        return out;
    }

    const bool postgres = url.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
    const bool postgresql = url.startsWith(u"postgresql://"_s, Qt::CaseInsensitive);
    if (!postgres && !postgresql)
        throw invalid(url);
    out.m_vendor = Vendor::Postgres;
    QString rest = url.mid(postgres ? 11 : 13);
    const qsizetype query = rest.indexOf(u'?');
    if (query >= 0)
        rest.truncate(query);
    const qsizetype slash = rest.indexOf(u'/');
    const QString authority = slash >= 0 ? rest.left(slash) : rest;
    out.m_database = slash >= 0 ? decoded(rest.mid(slash + 1)) : QString();

    QString hostPort = authority;
    const qsizetype at = authority.lastIndexOf(u'@');
    if (at >= 0) {
        const QString userInfo = authority.left(at);
        hostPort = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(u':');
        out.m_user = decoded(colon >= 0 ? userInfo.left(colon) : userInfo);
        out.m_password = colon >= 0 ? decoded(userInfo.mid(colon + 1)) : QString();
    }
    QString portText;
    if (hostPort.startsWith(u'[')) { // [::1]:5432
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0)
            throw invalid(url, u"the IPv6 host has no closing ']'"_s);
        out.m_host = hostPort.mid(1, close - 1);
        const QString after = hostPort.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(u':'))
            throw invalid(url, u"unexpected text after the host"_s);
        portText = after.mid(1);
    } else {
        const qsizetype colon = hostPort.lastIndexOf(u':');
        out.m_host = decoded(colon >= 0 ? hostPort.left(colon) : hostPort);
        portText = colon >= 0 ? hostPort.mid(colon + 1) : QString();
    }
    if (out.m_host.isEmpty())
        out.m_host = u"localhost"_s;
    out.m_port = 5432;
    if (!portText.isEmpty()) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            throw invalid(url, u"the port '%1' is not a number from 1 to 65535"_s.arg(portText));
        out.m_port = port;
    }
    if (out.m_database.isEmpty())
        throw invalid(url, u"the database name is missing"_s);
    if (out.m_database.contains(u'/'))
        throw invalid(url, u"the database name '%1' contains '/'"_s.arg(out.m_database));
    return out;
}

QString DatabaseUrl::redacted() const
{
    if (m_vendor != Vendor::Postgres || m_password.isEmpty())
        return m_url;
    return shown(m_url);
}

DatabaseUrl DatabaseUrl::withDatabaseName(const QString &name) const
{
    DatabaseUrl copy = *this;
    if (m_vendor == Vendor::Sqlite) {
        copy.m_path = name;
        copy.m_url = name == u":memory:"_s ? u"sqlite:///:memory:"_s : u"sqlite://"_s + name;
        return copy;
    }
    copy.m_database = name;
    QString url = m_url.section(u'?', 0, 0);
    const QString query = m_url.contains(u'?') ? u'?' + m_url.section(u'?', 1) : QString();
    const qsizetype start = url.indexOf(u"://"_s) + 3;
    const qsizetype slash = url.indexOf(u'/', start);
    if (slash >= 0)
        url.truncate(slash);
    copy.m_url = url + u'/' + encodedUserInfo(name) + query;
    return copy;
}

} // namespace quango
