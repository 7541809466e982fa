// Database URLs: the accepted forms, and clear errors for the rest.
#include "db/DatabaseUrl.h"
#include "orm/Exceptions.h"
#include <QtTest>

using namespace quango;
using namespace Qt::Literals::StringLiterals;

class TestDatabaseUrl : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sqlite()
    {
        const DatabaseUrl url = DatabaseUrl::parse("sqlite:///var/lib/quango/db.sqlite3");
        QCOMPARE(url.vendor(), DatabaseUrl::Vendor::Sqlite);
        QCOMPARE(url.path(), u"/var/lib/quango/db.sqlite3"_s);
        QCOMPARE(url.url(), u"sqlite:///var/lib/quango/db.sqlite3"_s);
        QCOMPARE(url.redacted(), url.url());
        QCOMPARE(DatabaseUrl::parse("sqlite:///:memory:").path(), u":memory:"_s);
        QCOMPARE(DatabaseUrl::parse("  sqlite:///tmp/x.db  ").path(), u"/tmp/x.db"_s);
        QCOMPARE(DatabaseUrl::parse("sqlite:///tmp/with%20space.db").path(), u"/tmp/with space.db"_s);
        QCOMPARE(DatabaseUrl::parse("sqlite:////tmp/four.db").path(), u"/tmp/four.db"_s);
        const DatabaseUrl other = url.withDatabaseName("/tmp/other.sqlite3");
        QCOMPARE(other.path(), u"/tmp/other.sqlite3"_s);
        QCOMPARE(DatabaseUrl::parse(other.url()).path(), u"/tmp/other.sqlite3"_s);
    }

    void postgres()
    {
        const DatabaseUrl url = DatabaseUrl::parse("postgres://ann:p%40ss@db.local:6543/site");
        QCOMPARE(url.vendor(), DatabaseUrl::Vendor::Postgres);
        QCOMPARE(url.user(), u"ann"_s);
        QCOMPARE(url.password(), u"p@ss"_s);
        QCOMPARE(url.host(), u"db.local"_s);
        QCOMPARE(url.port(), 6543);
        QCOMPARE(url.databaseName(), u"site"_s);
        QCOMPARE(url.redacted(), u"postgres://ann:***@db.local:6543/site"_s);
        const DatabaseUrl renamed = url.withDatabaseName("other");
        QCOMPARE(renamed.databaseName(), u"other"_s);
        QCOMPARE(renamed.password(), u"p@ss"_s);
        QCOMPARE(renamed.url(), u"postgres://ann:p%40ss@db.local:6543/other"_s);
        QCOMPARE(DatabaseUrl::parse(renamed.url()).databaseName(), u"other"_s);
    }

    void postgresDefaults()
    {
        const DatabaseUrl url = DatabaseUrl::parse("postgresql://localhost/x");
        QCOMPARE(url.port(), 5432);
        QCOMPARE(url.host(), u"localhost"_s);
        QVERIFY(url.user().isEmpty() && url.password().isEmpty());
        QCOMPARE(url.redacted(), url.url());
        const DatabaseUrl noHost = DatabaseUrl::parse("postgres:///only_db");
        QCOMPARE(noHost.host(), u"localhost"_s);
        QCOMPARE(noHost.databaseName(), u"only_db"_s);
        const DatabaseUrl userOnly = DatabaseUrl::parse("postgres://bob@127.0.0.1/db");
        QCOMPARE(userOnly.user(), u"bob"_s);
        QCOMPARE(userOnly.host(), u"127.0.0.1"_s);
        const DatabaseUrl ipv6 = DatabaseUrl::parse("postgres://u:p@[::1]:5433/db?sslmode=disable");
        QCOMPARE(ipv6.host(), u"::1"_s);
        QCOMPARE(ipv6.port(), 5433);
        QCOMPARE(ipv6.databaseName(), u"db"_s);
        QCOMPARE(ipv6.redacted(), u"postgres://u:***@[::1]:5433/db?sslmode=disable"_s);
        const DatabaseUrl tricky = DatabaseUrl::parse("postgres://us%3Aer:a%2Fb%3Ac@h/d");
        QCOMPARE(tricky.user(), u"us:er"_s);
        QCOMPARE(tricky.password(), u"a/b:c"_s);
        QVERIFY(!tricky.redacted().contains("a%2Fb"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("reason");
        QTest::newRow("relative sqlite") << "sqlite://relative.db" << "relative";
        QTest::newRow("no slashes") << "sqlite:db.sqlite3" << "sqlite://";
        QTest::newRow("empty sqlite") << "sqlite:///" << "missing";
        QTest::newRow("no db name") << "postgres://localhost" << "database name";
        QTest::newRow("bad port") << "postgres://localhost:99999/x" << "port";
        QTest::newRow("unknown scheme") << "mysql://localhost/x" << "";
        QTest::newRow("garbage") << "not a url" << "";
        QTest::newRow("empty") << "" << "";
    }

    void errors()
    {
        QFETCH(QString, url);
        QFETCH(QString, reason);
        try {
            DatabaseUrl::parse(url);
            QFAIL("accepted a bad URL");
        } catch (const ImproperlyConfigured &e) {
            const QString message = e.message();
            QVERIFY2(message.startsWith(u"Invalid database URL '%1': "_s.arg(url)), qPrintable(message));
            QVERIFY2(message.endsWith("expected sqlite:///path/to/db.sqlite3 or postgres://user:password@host:port/dbname"),
                     qPrintable(message));
            QVERIFY2(message.contains(reason), qPrintable(message));
        }
    }

    void errorsHidePasswords()
    {
        try {
            DatabaseUrl::parse("postgres://ann:secret@db:70000/x");
            QFAIL("accepted a bad port");
        } catch (const ImproperlyConfigured &e) {
            QVERIFY2(!e.message().contains("secret") && e.message().contains("postgres://ann:***@db:70000/x"), qPrintable(e.message()));
        }
    }

    void unknownSchemeMessage()
    {
        try {
            DatabaseUrl::parse("mysql://x/y");
            QFAIL("accepted mysql");
        } catch (const ImproperlyConfigured &e) {
            QCOMPARE(e.message(), u"Invalid database URL 'mysql://x/y': expected sqlite:///path/to/db.sqlite3 or "
                                  "postgres://user:password@host:port/dbname"_s);
        }
    }
};

QTEST_APPLESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
