// Database URLs: the accepted forms, and clear errors for the rest.
#include "db/DatabaseUrl.h"
#include "db/PostgresOperations.h"
#include "db/SqliteOperations.h"
#include "orm/Exceptions.h"
#include <QtTest>

using namespace quango;

class TestDatabaseUrl : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sqlite()
    {
        const DatabaseUrl url = DatabaseUrl::parse("sqlite:///var/lib/quango/db.sqlite3");
        QCOMPARE(url.vendor(), DatabaseUrl::Vendor::Sqlite);
        QCOMPARE(url.path(), QStringLiteral("/var/lib/quango/db.sqlite3"));
        QCOMPARE(DatabaseUrl::parse("sqlite:///:memory:").path(), QStringLiteral(":memory:"));
    }

    void postgres()
    {
        const DatabaseUrl url = DatabaseUrl::parse("postgres://ann:p%40ss@db.local:6543/site");
        QCOMPARE(url.vendor(), DatabaseUrl::Vendor::Postgres);
        QCOMPARE(url.user(), QStringLiteral("ann"));
        QCOMPARE(url.password(), QStringLiteral("p@ss"));
        QCOMPARE(url.host(), QStringLiteral("db.local"));
        QCOMPARE(url.port(), 6543);
        QCOMPARE(url.databaseName(), QStringLiteral("site"));
        QVERIFY(!url.redacted().contains("p%40ss") && url.redacted().contains("***"));
        QCOMPARE(DatabaseUrl::parse("postgresql://localhost/x").port(), 5432);
        QCOMPARE(url.withDatabaseName("other").databaseName(), QStringLiteral("other"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("relative sqlite") << "sqlite://relative.db";
        QTest::newRow("empty sqlite") << "sqlite:///";
        QTest::newRow("no db name") << "postgres://localhost";
        QTest::newRow("unknown scheme") << "mysql://localhost/x";
        QTest::newRow("garbage") << "not a url";
    }

    void errors()
    {
        QFETCH(QString, url);
        try {
            DatabaseUrl::parse(url);
            QFAIL("accepted a bad URL");
        } catch (const ImproperlyConfigured &e) {
            QVERIFY2(e.message().contains(url) && e.message().contains("sqlite:///path"), qPrintable(e.message()));
        }
    }

    void quoting()
    {
        SqliteOperations ops;
        QCOMPARE(ops.quoteName("we\"ird"), QStringLiteral("\"we\"\"ird\""));
        QCOMPARE(ops.quoteValue("it's"), QStringLiteral("'it''s'"));
        QCOMPARE(ops.quoteValue(QVariant()), QStringLiteral("NULL"));
        QCOMPARE(ops.patternValue("icontains", "50%_off\\"), QStringLiteral("%50\\%\\_off\\\\%"));
        QCOMPARE(ops.patternValue("contains", "a*b?[c"), QStringLiteral("*a[*]b[?][[]c*"));
        QCOMPARE(ops.limitOffsetSql(-1, 5), QStringLiteral(" LIMIT -1 OFFSET 5"));
        PostgresOperations pg;
        QCOMPARE(pg.limitOffsetSql(-1, 5), QStringLiteral(" OFFSET 5"));
        QCOMPARE(pg.lookupOperator("icontains", "\"t\".\"c\""), QStringLiteral("UPPER(\"t\".\"c\"::text) LIKE UPPER(%s)"));
        QVERIFY_THROWS_EXCEPTION(FieldError, pg.lookupOperator("fuzzy", "x"));
        QVERIFY_THROWS_EXCEPTION(FieldError, ops.dateExtractSql("century", "x"));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
