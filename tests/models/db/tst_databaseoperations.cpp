// The dialects' SQL pieces and value adaptation (SqliteOperations and
// PostgresOperations). Unit tests: no server is needed. A few SQLite
// expressions are also evaluated on an in-memory QSQLITE database to check
// that the SQL means what it should (ISO weeks, GLOB/LIKE escaping).
#include "db/PostgresOperations.h"
#include "db/SqliteOperations.h"
#include "orm/Exceptions.h"
#include "orm/fields/AutoField.h"
#include "orm/fields/BigAutoField.h"
#include "orm/fields/BigIntegerField.h"
#include "orm/fields/BooleanField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/DateField.h"
#include "orm/fields/DateTimeField.h"
#include "orm/fields/DecimalField.h"
#include "orm/fields/EmailField.h"
#include "orm/fields/FloatField.h"
#include "orm/fields/IntegerField.h"
#include "orm/fields/JSONField.h"
#include "orm/fields/PositiveIntegerField.h"
#include "orm/fields/PositiveSmallIntegerField.h"
#include "orm/fields/SlugField.h"
#include "orm/fields/TextField.h"
#include "orm/fields/URLField.h"
#include "orm/fields/UUIDField.h"
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace quango;
using namespace Qt::Literals::StringLiterals;

class TestDatabaseOperations : public QObject {
    Q_OBJECT

private:
    SqliteOperations sqlite;
    PostgresOperations postgres;

    // Evaluates `expression` (with ? placeholders) on the in-memory database.
    QVariant sqliteEval(const QString &expression, const QVariantList &params = {})
    {
        QSqlQuery query(QSqlDatabase::database(u"ops"_s));
        if (!query.prepare(u"SELECT "_s + expression))
            qWarning() << query.lastError().text() << expression;
        for (const QVariant &param : params)
            query.addBindValue(param);
        if (!query.exec() || !query.next()) {
            qWarning() << query.lastError().text() << expression;
            return QVariant();
        }
        return query.value(0);
    }

    bool sqliteMatches(const QString &lookup, const QString &text, const QString &pattern)
    {
        QString condition = sqlite.lookupOperator(lookup, u"?"_s);
        // The first '?' is the column, the one in place of %s is the pattern.
        condition.replace(u"%s"_s, u"?"_s);
        return sqliteEval(condition, {text, sqlite.patternValue(lookup, pattern)}).toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"ops"_s);
        db.setDatabaseName(u":memory:"_s);
        db.setConnectOptions(u"QSQLITE_ENABLE_REGEXP"_s);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    }

    void cleanupTestCase()
    {
        QSqlDatabase::database(u"ops"_s).close();
        QSqlDatabase::removeDatabase(u"ops"_s);
    }

    void identity()
    {
        QCOMPARE(sqlite.vendor(), DatabaseOperations::Vendor::Sqlite);
        QCOMPARE(sqlite.vendorName(), u"sqlite"_s);
        QCOMPARE(sqlite.driverName(), u"QSQLITE"_s);
        QCOMPARE(postgres.vendor(), DatabaseOperations::Vendor::Postgres);
        QCOMPARE(postgres.vendorName(), u"postgresql"_s);
        QCOMPARE(postgres.driverName(), u"QPSQL"_s);
        QVERIFY(postgres.supportsReturning());
        QCOMPARE(sqlite.connectionInitStatements(),
                 (QStringList{"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}));
        QCOMPARE(postgres.connectionInitStatements(), QStringList{"SET TIME ZONE 'UTC'"});
    }

    void quoteName()
    {
        for (const DatabaseOperations *ops : {static_cast<const DatabaseOperations *>(&sqlite), static_cast<const DatabaseOperations *>(&postgres)}) {
            QCOMPARE(ops->quoteName("blog_post"), u"\"blog_post\""_s);
            QCOMPARE(ops->quoteName("we\"ird"), u"\"we\"\"ird\""_s);
            QCOMPARE(ops->quoteName("a\"\"b"), u"\"a\"\"\"\"b\""_s);
            QCOMPARE(ops->quoteName("\"already\""), u"\"already\""_s); // Django: quoting once is enough
            QCOMPARE(ops->quoteName("\""), u"\"\"\"\""_s);
        }
        // The quoted name works as an identifier.
        QCOMPARE(sqliteEval(u"1 AS "_s + sqlite.quoteName("we\"ird")).toInt(), 1);
    }

    void quoteValue()
    {
        QCOMPARE(sqlite.quoteValue("it's"), u"'it''s'"_s);
        QCOMPARE(postgres.quoteValue("it's"), u"'it''s'"_s);
        QCOMPARE(sqlite.quoteValue(QVariant()), u"NULL"_s);
        QCOMPARE(postgres.quoteValue(QVariant(QMetaType::fromType<QString>())), u"NULL"_s);
        QCOMPARE(sqlite.quoteValue(true), u"1"_s);
        QCOMPARE(sqlite.quoteValue(false), u"0"_s);
        QCOMPARE(postgres.quoteValue(true), u"true"_s);
        QCOMPARE(postgres.quoteValue(false), u"false"_s);
        QCOMPARE(sqlite.quoteValue(42), u"42"_s);
        QCOMPARE(sqlite.quoteValue(qlonglong(-9000000000LL)), u"-9000000000"_s);
        QCOMPARE(sqlite.quoteValue(0.1), u"0.1"_s);
        QCOMPARE(sqlite.quoteValue(2.5), u"2.5"_s);
        QCOMPARE(sqlite.quoteValue(QDate(2024, 3, 1)), u"'2024-03-01'"_s);
        const QDateTime at(QDate(2024, 3, 1), QTime(10, 0), Qt::UTC);
        QCOMPARE(sqlite.quoteValue(at), u"'2024-03-01 10:00:00'"_s);
        QCOMPARE(postgres.quoteValue(at), u"'2024-03-01 10:00:00.000+00:00'"_s);
        const QUuid id = QUuid::fromString(u"12345678-1234-5678-1234-567812345678"_s);
        QCOMPARE(sqlite.quoteValue(id), u"'12345678123456781234567812345678'"_s);
        QCOMPARE(postgres.quoteValue(id), u"'12345678-1234-5678-1234-567812345678'"_s);
        QCOMPARE(sqlite.quoteValue(QVariantMap{{"a", "it's"}}), u"'{\"a\":\"it''s\"}'"_s);
        QCOMPARE(sqliteEval(sqlite.quoteValue("it's")).toString(), u"it's"_s);
    }

    void columnTypes()
    {
        struct Row {
            FieldPtr field;
            QString onSqlite;
            QString onPostgres;
        };
        const QList<Row> rows = {
            {std::make_shared<AutoField>("id"), "integer", "integer"},
            {std::make_shared<BigAutoField>("id"), "integer", "bigint"},
            {std::make_shared<CharField>("c", 100), "varchar(100)", "varchar(100)"},
            {std::make_shared<TextField>("t"), "text", "text"},
            {std::make_shared<IntegerField>("i"), "integer", "integer"},
            {std::make_shared<BigIntegerField>("b"), "bigint", "bigint"},
            {std::make_shared<PositiveIntegerField>("p"), "integer unsigned", "integer"},
            {std::make_shared<PositiveSmallIntegerField>("p"), "smallint unsigned", "smallint"},
            {std::make_shared<FloatField>("f"), "real", "double precision"},
            {std::make_shared<DecimalField>("d", 8, 3), "decimal", "numeric(8, 3)"},
            {std::make_shared<BooleanField>("b"), "bool", "boolean"},
            {std::make_shared<DateField>("d"), "date", "date"},
            {std::make_shared<DateTimeField>("t"), "datetime", "timestamp with time zone"},
            {std::make_shared<UUIDField>("u"), "char(32)", "uuid"},
            {std::make_shared<JSONField>("j"), "text", "jsonb"},
            {std::make_shared<EmailField>("e"), "varchar(254)", "varchar(254)"},
            {std::make_shared<URLField>("u"), "varchar(200)", "varchar(200)"},
            {std::make_shared<SlugField>("s"), "varchar(50)", "varchar(50)"},
        };
        for (const Row &row : rows) {
            QCOMPARE(sqlite.columnType(*row.field), row.onSqlite);
            QCOMPARE(postgres.columnType(*row.field), row.onPostgres);
        }
        // Foreign key columns: Django's rel_db_type.
        QCOMPARE(sqlite.relatedColumnType(AutoField("id")), u"integer"_s);
        QCOMPARE(sqlite.relatedColumnType(BigAutoField("id")), u"bigint"_s);
        QCOMPARE(postgres.relatedColumnType(AutoField("id")), u"integer"_s);
        QCOMPARE(postgres.relatedColumnType(BigAutoField("id")), u"bigint"_s);
        QCOMPARE(postgres.relatedColumnType(UUIDField("id")), u"uuid"_s);
        QCOMPARE(sqlite.relatedColumnType(CharField("code", 10)), u"varchar(10)"_s);
        QCOMPARE(sqlite.relatedColumnType(PositiveIntegerField("n")), u"integer"_s);
        QCOMPARE(postgres.relatedColumnType(PositiveSmallIntegerField("n")), u"smallint"_s);
        // Checks.
        QCOMPARE(sqlite.columnCheck(PositiveIntegerField("stock")), u"\"stock\" >= 0"_s);
        QCOMPARE(postgres.columnCheck(PositiveIntegerField("stock", {.dbColumn = "qty"})), u"\"qty\" >= 0"_s);
        QCOMPARE(postgres.columnCheck(PositiveSmallIntegerField("action_flag")), u"\"action_flag\" >= 0"_s);
        QVERIFY(sqlite.columnCheck(IntegerField("n")).isEmpty());
        // Auto primary keys.
        QCOMPARE(sqlite.autoPrimaryKeyDefinition(AutoField("id")), u"\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT"_s);
        QCOMPARE(sqlite.autoPrimaryKeyDefinition(BigAutoField("id")), u"\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT"_s);
        QCOMPARE(postgres.autoPrimaryKeyDefinition(AutoField("id")), u"\"id\" integer NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY"_s);
        QCOMPARE(postgres.autoPrimaryKeyDefinition(BigAutoField("pk", {.dbColumn = "key"})),
                 u"\"key\" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY"_s);
        // Unknown types fail clearly.
        class OddField : public Field {
        public:
            OddField() : Field("odd", {}) {}
            QString internalType() const override { return "OddField"; }
        };
        QVERIFY_THROWS_EXCEPTION(FieldError, sqlite.columnType(OddField()));
    }

    void lookupOperators_data()
    {
        QTest::addColumn<QString>("lookup");
        QTest::addColumn<QString>("onSqlite");
        QTest::addColumn<QString>("onPostgres");
        const QString c = u"\"t\".\"c\""_s;
        QTest::newRow("exact") << "exact" << c + " = %s" << c + " = %s";
        QTest::newRow("gt") << "gt" << c + " > %s" << c + " > %s";
        QTest::newRow("gte") << "gte" << c + " >= %s" << c + " >= %s";
        QTest::newRow("lt") << "lt" << c + " < %s" << c + " < %s";
        QTest::newRow("lte") << "lte" << c + " <= %s" << c + " <= %s";
        QTest::newRow("iexact") << "iexact" << c + " LIKE %s ESCAPE '\\'" << "UPPER(" + c + "::text) = UPPER(%s)";
        QTest::newRow("contains") << "contains" << c + " GLOB %s" << c + "::text LIKE %s";
        QTest::newRow("icontains") << "icontains" << c + " LIKE %s ESCAPE '\\'" << "UPPER(" + c + "::text) LIKE UPPER(%s)";
        QTest::newRow("startswith") << "startswith" << c + " GLOB %s" << c + "::text LIKE %s";
        QTest::newRow("istartswith") << "istartswith" << c + " LIKE %s ESCAPE '\\'" << "UPPER(" + c + "::text) LIKE UPPER(%s)";
        QTest::newRow("endswith") << "endswith" << c + " GLOB %s" << c + "::text LIKE %s";
        QTest::newRow("iendswith") << "iendswith" << c + " LIKE %s ESCAPE '\\'" << "UPPER(" + c + "::text) LIKE UPPER(%s)";
        QTest::newRow("regex") << "regex" << c + " REGEXP %s" << c + "::text ~ %s";
        QTest::newRow("iregex") << "iregex" << c + " REGEXP ('(?i)' || %s)" << c + "::text ~* %s";
    }

    void lookupOperators()
    {
        QFETCH(QString, lookup);
        QFETCH(QString, onSqlite);
        QFETCH(QString, onPostgres);
        const QString lhs = u"\"t\".\"c\""_s;
        QCOMPARE(sqlite.lookupOperator(lookup, lhs), onSqlite);
        QCOMPARE(postgres.lookupOperator(lookup, lhs), onPostgres);
        QCOMPARE(sqlite.lookupOperator(lookup, lhs).count(u"%s"_s), 1);
        QCOMPARE(postgres.lookupOperator(lookup, lhs).count(u"%s"_s), 1);
    }

    void lookupOperatorDetails()
    {
        // An expression is parenthesized before PostgreSQL's ::text cast.
        QCOMPARE(postgres.lookupOperator("contains", "\"a\" || \"b\""), u"(\"a\" || \"b\")::text LIKE %s"_s);
        // A column named like an operator stays as it is.
        QCOMPARE(postgres.lookupOperator("contains", "\"a b\""), u"\"a b\"::text LIKE %s"_s);
        // A %1 in the column SQL is not taken for an argument.
        QCOMPARE(sqlite.lookupOperator("exact", "\"c%1\""), u"\"c%1\" = %s"_s);
        for (const DatabaseOperations *ops : {static_cast<const DatabaseOperations *>(&sqlite), static_cast<const DatabaseOperations *>(&postgres)}) {
            try {
                ops->lookupOperator("fuzzy", "x");
                QFAIL("accepted an unknown lookup");
            } catch (const FieldError &e) {
                QVERIFY2(e.message().contains("'fuzzy'") && e.message().contains("icontains") && e.message().contains("iregex"),
                         qPrintable(e.message()));
            }
        }
    }

    void patternValues()
    {
        // LIKE: % _ and \ escaped with a backslash.
        QCOMPARE(sqlite.patternValue("icontains", "50%_off\\"), u"%50\\%\\_off\\\\%"_s);
        QCOMPARE(sqlite.patternValue("istartswith", "a_b"), u"a\\_b%"_s);
        QCOMPARE(sqlite.patternValue("iendswith", "a%b"), u"%a\\%b"_s);
        QCOMPARE(sqlite.patternValue("iexact", "100%"), u"100\\%"_s);
        // GLOB (SQLite's case-sensitive ones): * ? [ in brackets; LIKE's characters are plain.
        QCOMPARE(sqlite.patternValue("contains", "a*b?[c"), u"*a[*]b[?][[]c*"_s);
        QCOMPARE(sqlite.patternValue("startswith", "50%_"), u"50%_*"_s);
        QCOMPARE(sqlite.patternValue("endswith", "x]"), u"*x]"_s);
        // PostgreSQL: LIKE for all, iexact compares with '=' and keeps the value.
        QCOMPARE(postgres.patternValue("contains", "50%_off\\"), u"%50\\%\\_off\\\\%"_s);
        QCOMPARE(postgres.patternValue("icontains", "a"), u"%a%"_s);
        QCOMPARE(postgres.patternValue("startswith", "a"), u"a%"_s);
        QCOMPARE(postgres.patternValue("endswith", "a"), u"%a"_s);
        QCOMPARE(postgres.patternValue("iexact", "100%"), u"100%"_s);
        // Anything else is returned unchanged.
        QCOMPARE(sqlite.patternValue("exact", "a%"), u"a%"_s);
        QCOMPARE(postgres.patternValue("regex", "^a.*$"), u"^a.*$"_s);
    }

    void patternsOnSqlite_data()
    {
        QTest::addColumn<QString>("lookup");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("matches");
        QTest::newRow("contains") << "contains" << "Hello World" << "lo W" << true;
        QTest::newRow("contains is case-sensitive") << "contains" << "Hello World" << "hello" << false;
        QTest::newRow("contains star literally") << "contains" << "a*b" << "*" << true;
        QTest::newRow("contains star not wildcard") << "contains" << "ab" << "a*b" << false;
        QTest::newRow("contains question mark") << "contains" << "why?" << "y?" << true;
        QTest::newRow("contains bracket") << "contains" << "x[1]" << "[1]" << true;
        QTest::newRow("contains percent") << "contains" << "50% off" << "50%" << true;
        QTest::newRow("startswith") << "startswith" << "Hello" << "He" << true;
        QTest::newRow("startswith case") << "startswith" << "Hello" << "he" << false;
        QTest::newRow("endswith") << "endswith" << "Hello" << "llo" << true;
        QTest::newRow("icontains") << "icontains" << "Hello World" << "WORLD" << true;
        QTest::newRow("icontains percent literally") << "icontains" << "50% off" << "50%" << true;
        QTest::newRow("icontains percent not wildcard") << "icontains" << "5000 off" << "50%" << false;
        QTest::newRow("icontains underscore not wildcard") << "icontains" << "aXb" << "a_b" << false;
        QTest::newRow("icontains backslash") << "icontains" << "C:\\dir" << ":\\d" << true;
        QTest::newRow("istartswith") << "istartswith" << "Hello" << "hE" << true;
        QTest::newRow("iendswith") << "iendswith" << "Hello" << "LO" << true;
        QTest::newRow("iexact") << "iexact" << "Hello" << "hello" << true;
        QTest::newRow("iexact underscore") << "iexact" << "hxllo" << "h_llo" << false;
        QTest::newRow("regex") << "regex" << "abc123" << "^[a-c]+\\d+$" << true;
        QTest::newRow("regex case") << "regex" << "ABC" << "^abc$" << false;
        QTest::newRow("iregex") << "iregex" << "ABC" << "^abc$" << true;
    }

    void patternsOnSqlite()
    {
        QFETCH(QString, lookup);
        QFETCH(QString, text);
        QFETCH(QString, pattern);
        QFETCH(bool, matches);
        QCOMPARE(sqliteMatches(lookup, text, pattern), matches);
    }

    void limitOffset()
    {
        QCOMPARE(sqlite.limitOffsetSql(10, 0), u" LIMIT 10"_s);
        QCOMPARE(sqlite.limitOffsetSql(10, 20), u" LIMIT 10 OFFSET 20"_s);
        QCOMPARE(sqlite.limitOffsetSql(-1, 5), u" LIMIT -1 OFFSET 5"_s);
        QCOMPARE(sqlite.limitOffsetSql(-1, 0), QString());
        QCOMPARE(sqlite.limitOffsetSql(0, 0), u" LIMIT 0"_s);
        QCOMPARE(postgres.limitOffsetSql(10, 20), u" LIMIT 10 OFFSET 20"_s);
        QCOMPARE(postgres.limitOffsetSql(-1, 5), u" OFFSET 5"_s);
        QCOMPARE(postgres.limitOffsetSql(3, 0), u" LIMIT 3"_s);
        QCOMPARE(postgres.limitOffsetSql(-1, 0), QString());
    }

    void dateExtract()
    {
        const QString col = u"\"t\".\"at\""_s;
        QCOMPARE(sqlite.dateExtractSql("year", col), u"CAST(strftime('%Y', \"t\".\"at\") AS INTEGER)"_s);
        QCOMPARE(sqlite.dateExtractSql("month", col), u"CAST(strftime('%m', \"t\".\"at\") AS INTEGER)"_s);
        QCOMPARE(sqlite.dateExtractSql("second", col), u"CAST(strftime('%S', \"t\".\"at\") AS INTEGER)"_s);
        QCOMPARE(sqlite.dateExtractSql("week_day", col), u"(CAST(strftime('%w', \"t\".\"at\") AS INTEGER) + 1)"_s);
        QCOMPARE(sqlite.dateCastSql(col), u"date(\"t\".\"at\")"_s);
        QCOMPARE(postgres.dateExtractSql("year", col), u"EXTRACT(YEAR FROM \"t\".\"at\")::integer"_s);
        QCOMPARE(postgres.dateExtractSql("quarter", col), u"EXTRACT(QUARTER FROM \"t\".\"at\")::integer"_s);
        QCOMPARE(postgres.dateExtractSql("week", col), u"EXTRACT(WEEK FROM \"t\".\"at\")::integer"_s);
        QCOMPARE(postgres.dateExtractSql("week_day", col), u"(EXTRACT(DOW FROM \"t\".\"at\")::integer + 1)"_s);
        QCOMPARE(postgres.dateExtractSql("hour", col), u"EXTRACT(HOUR FROM \"t\".\"at\")::integer"_s);
        QCOMPARE(postgres.dateCastSql(col), u"(\"t\".\"at\")::date"_s);
        for (const DatabaseOperations *ops : {static_cast<const DatabaseOperations *>(&sqlite), static_cast<const DatabaseOperations *>(&postgres)}) {
            for (const char *part : {"year", "month", "day", "week_day", "hour", "minute", "second", "quarter", "week", "iso_year", "iso_week_day"})
                QVERIFY(!ops->dateExtractSql(QString::fromLatin1(part), col).isEmpty());
            try {
                ops->dateExtractSql("century", col);
                QFAIL("accepted an unknown date part");
            } catch (const FieldError &e) {
                QVERIFY(e.message().contains("'century'") && e.message().contains("week_day"));
            }
        }
    }

    // Every part on SQLite against Qt's calendar, for dates across several
    // year boundaries, in both stored forms (date and datetime text).
    void dateExtractOnSqlite()
    {
        for (QDate date(2019, 12, 20); date <= QDate(2021, 1, 10); date = date.addDays(date.month() == 1 || date.month() == 12 ? 1 : 9)) {
            const QDateTime at(date, QTime(13, 45, 30, 250), Qt::UTC);
            for (const QVariant &stored : {sqlite.adaptDate(date), sqlite.adaptDateTime(at)}) {
                auto extract = [&](const char *part) { return sqliteEval(sqlite.dateExtractSql(QString::fromLatin1(part), u"?"_s), {stored}).toInt(); };
                int isoYear = 0;
                const int isoWeek = date.weekNumber(&isoYear);
                QCOMPARE(extract("year"), date.year());
                QCOMPARE(extract("month"), date.month());
                QCOMPARE(extract("day"), date.day());
                QCOMPARE(extract("week_day"), date.dayOfWeek() % 7 + 1); // 1 = Sunday
                QCOMPARE(extract("iso_week_day"), date.dayOfWeek());    // 1 = Monday
                QCOMPARE(extract("quarter"), (date.month() + 2) / 3);
                QCOMPARE(extract("week"), isoWeek);
                QCOMPARE(extract("iso_year"), isoYear);
                QCOMPARE(sqliteEval(sqlite.dateCastSql(u"?"_s), {stored}).toString(), date.toString(Qt::ISODate));
            }
            const QVariant stored = sqlite.adaptDateTime(at);
            QCOMPARE(sqliteEval(sqlite.dateExtractSql("hour", u"?"_s), {stored}).toInt(), 13);
            QCOMPARE(sqliteEval(sqlite.dateExtractSql("minute", u"?"_s), {stored}).toInt(), 45);
            QCOMPARE(sqliteEval(sqlite.dateExtractSql("second", u"?"_s), {stored}).toInt(), 30);
        }
    }

    void sqliteValues()
    {
        const QDateTime at(QDate(2024, 5, 6), QTime(7, 8, 9), Qt::UTC);
        QCOMPARE(sqlite.adaptDateTime(at), QVariant(u"2024-05-06 07:08:09"_s));
        QCOMPARE(sqlite.adaptDateTime(at.addMSecs(7)), QVariant(u"2024-05-06 07:08:09.007000"_s));
        QCOMPARE(sqlite.adaptDateTime(at.toOffsetFromUtc(7200)), QVariant(u"2024-05-06 07:08:09"_s)); // always UTC
        QVERIFY(!sqlite.adaptDateTime(QDateTime()).isValid());
        for (const QString &text : {u"2024-05-06 07:08:09"_s, u"2024-05-06T07:08:09"_s, u"2024-05-06 07:08:09Z"_s,
                                    u"2024-05-06 07:08:09+00:00"_s, u"2024-05-06T09:08:09+02:00"_s, u"2024-05-06 07:08:09.000000"_s}) {
            const QDateTime converted = sqlite.convertDateTime(text);
            QCOMPARE(converted, at);
            QCOMPARE(converted.timeSpec(), Qt::UTC);
        }
        QCOMPARE(sqlite.convertDateTime(u"2024-05-06 07:08:09.123456"_s), at.addMSecs(123));
        QCOMPARE(sqlite.convertDateTime(u"2024-05-06 07:08"_s), at.addSecs(-9));
        QCOMPARE(sqlite.convertDateTime(u"2024-05-06"_s), QDateTime(QDate(2024, 5, 6), QTime(0, 0), Qt::UTC));
        QCOMPARE(sqlite.convertDateTime(QDateTime(QDate(2024, 5, 6), QTime(9, 8, 9), QTimeZone(7200))), at);
        QCOMPARE(sqlite.convertDateTime(QDateTime(QDate(2024, 5, 6), QTime(9, 8, 9), QTimeZone(7200))).timeSpec(), Qt::UTC);
        QVERIFY(!sqlite.convertDateTime(u"garbage"_s).isValid());
        QCOMPARE(sqlite.adaptDate(QDate(2024, 5, 6)), QVariant(u"2024-05-06"_s));
        QCOMPARE(sqlite.adaptDate(QDate(33, 1, 2)), QVariant(u"0033-01-02"_s));
        QCOMPARE(sqlite.convertDate(u"2024-05-06"_s), QDate(2024, 5, 6));
        QCOMPARE(sqlite.convertDate(u"2024-05-06 07:08:09"_s), QDate(2024, 5, 6));
        QCOMPARE(sqlite.adaptBool(true), QVariant(1));
        const QUuid id = QUuid::fromString(u"12345678-1234-5678-1234-567812345678"_s);
        QCOMPARE(sqlite.adaptUuid(id), QVariant(u"12345678123456781234567812345678"_s));
        QCOMPARE(sqlite.adaptDecimal(u"12.50"_s), QVariant(u"12.50"_s));
    }

    void postgresValues()
    {
        const QDateTime at(QDate(2024, 5, 6), QTime(7, 8, 9), Qt::UTC);
        const QVariant bound = postgres.adaptDateTime(at.toOffsetFromUtc(7200));
        QCOMPARE(bound.metaType().id(), QMetaType::QDateTime);
        QCOMPARE(bound.toDateTime().timeSpec(), Qt::UTC);
        QCOMPARE(bound.toDateTime(), at);
        QCOMPARE(postgres.convertDateTime(QDateTime(QDate(2024, 5, 6), QTime(9, 8, 9), QTimeZone(7200))), at);
        QCOMPARE(postgres.convertDateTime(QDateTime(QDate(2024, 5, 6), QTime(9, 8, 9), QTimeZone(7200))).timeSpec(), Qt::UTC);
        QCOMPARE(postgres.convertDateTime(u"2024-05-06 07:08:09+00"_s), at);
        QCOMPARE(postgres.convertDateTime(u"2024-05-06 09:08:09.5+02"_s), at.addMSecs(500));
        QCOMPARE(postgres.adaptDate(QDate(2024, 5, 6)), QVariant(u"2024-05-06"_s));
        QCOMPARE(postgres.convertDate(QDate(2024, 5, 6)), QDate(2024, 5, 6));
        QCOMPARE(postgres.convertDate(u"2024-05-06"_s), QDate(2024, 5, 6));
        QCOMPARE(postgres.adaptBool(true), QVariant(true));
        const QUuid id = QUuid::fromString(u"12345678-1234-5678-1234-567812345678"_s);
        QCOMPARE(postgres.adaptUuid(id), QVariant(u"12345678-1234-5678-1234-567812345678"_s));
        QCOMPARE(postgres.adaptDecimal(u"12.50"_s), QVariant(u"12.50"_s));
    }

    void json()
    {
        for (const DatabaseOperations *ops : {static_cast<const DatabaseOperations *>(&sqlite), static_cast<const DatabaseOperations *>(&postgres)}) {
            QCOMPARE(ops->adaptJson(QVariantMap{{"b", 1}, {"a", QVariantList{true, QVariant()}}}), QVariant(u"{\"a\":[true,null],\"b\":1}"_s));
            QCOMPARE(ops->adaptJson(u"x\"y"_s), QVariant(u"\"x\\\"y\""_s));
            QCOMPARE(ops->adaptJson(3), QVariant(u"3"_s));
            QCOMPARE(ops->convertJson(u"{\"a\":[1,2]}"_s).toMap().value("a").toList().size(), 2);
            QCOMPARE(ops->convertJson(u"\"s\""_s), QVariant(u"s"_s));
            QCOMPARE(ops->convertJson(u"true"_s), QVariant(true));
            QCOMPARE(ops->convertJson(u"1.5"_s).toDouble(), 1.5);
            QCOMPARE(ops->convertJson(QVariantMap{{"k", 1}}), QVariant(QVariantMap{{"k", 1}})); // already decoded
            QVERIFY(!ops->convertJson(QVariant()).isValid());
            QVERIFY_THROWS_EXCEPTION(DatabaseError, ops->convertJson(u"{"_s));
        }
    }

    void isoParsing()
    {
        bool matched = false;
        QCOMPARE(DatabaseOperations::parseIsoDate(u"2024-02-29", &matched), QDate(2024, 2, 29));
        QVERIFY(matched);
        QVERIFY(!DatabaseOperations::parseIsoDate(u"2023-02-29", &matched).isValid());
        QVERIFY(matched);
        QVERIFY(!DatabaseOperations::parseIsoDate(u"2023/02/28", &matched).isValid());
        QVERIFY(!matched);
        QVERIFY(!DatabaseOperations::parseIsoDate(u"2023-02-28x", &matched).isValid());
        QVERIFY(!matched);
        const QDateTime expected(QDate(2024, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        QCOMPARE(DatabaseOperations::parseIsoDateTime(u"2024-01-02T03:04:05.678901Z", &matched), expected);
        QVERIFY(matched);
        QCOMPARE(DatabaseOperations::parseIsoDateTime(u"2024-01-02 03:04:05,678"), expected);
        QCOMPARE(DatabaseOperations::parseIsoDateTime(u"2024-01-02 03:04:05.678901234"), expected);
        QCOMPARE(DatabaseOperations::parseIsoDateTime(u"2024-01-01 22:04:05.678 -05:00"), expected);
        QCOMPARE(DatabaseOperations::parseIsoDateTime(u"2024-1-2 3:4:5.678"), expected);
        QVERIFY(!DatabaseOperations::parseIsoDateTime(u"2024-01-02 24:00", &matched).isValid());
        QVERIFY(matched);
        QVERIFY(!DatabaseOperations::parseIsoDateTime(u"2024-01-02", &matched).isValid());
        QVERIFY(!matched);
        QVERIFY(!DatabaseOperations::parseIsoDateTime(u"2024-01-02 10:00 UTC", &matched).isValid());
        QVERIFY(!matched);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseOperations)
#include "tst_databaseoperations.moc"
