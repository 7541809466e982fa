// Field types: clean() with Django's messages, validate(), database round
// trips through both dialects, and deconstruct() -> FieldFactory round trips.
#include "db/PostgresOperations.h"
#include "db/SqliteOperations.h"
#include "orm/Exceptions.h"
#include "orm/FieldFactory.h"
#include "orm/RelatedField.h"
#include "orm/fields/AutoField.h"
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
#include "orm/fields/SlugField.h"
#include "orm/fields/URLField.h"
#include "orm/fields/UUIDField.h"
#include <QtTest>

using namespace quango;

static QString cleanError(const Field &field, const QVariant &value)
{
    try {
        field.clean(value);
    } catch (const ValidationError &e) {
        return e.errors().value(field.name()).join(' ');
    }
    return {};
}

class TestFields : public QObject {
    Q_OBJECT

private:
    SqliteOperations sqlite;
    PostgresOperations postgres;

private Q_SLOTS:
    void integers()
    {
        IntegerField f("n");
        QCOMPARE(f.clean("42").toLongLong(), 42);
        QCOMPARE(f.clean(7).metaType().id(), QMetaType::LongLong);
        QCOMPARE(cleanError(f, "abc"), QStringLiteral("\u201cabc\u201d value must be an integer."));
        QVERIFY(f.validate(qlonglong(3000000000LL)).join(' ').contains("less than or equal to 2147483647"));
        PositiveIntegerField p("p");
        QCOMPARE(p.validate(qlonglong(-1)), QStringList{"Ensure this value is greater than or equal to 0."});
        QVERIFY(f.validate(QVariant()).contains("This field cannot be null."));
        IntegerField nullable("m", {.null = true});
        QVERIFY(nullable.validate(QVariant()).isEmpty());
    }

    void text()
    {
        CharField c("title", 5);
        QCOMPARE(c.validate("toolong"), QStringList{"Ensure this value has at most 5 characters (it has 7)."});
        QCOMPARE(c.validate(""), QStringList{"This field cannot be blank."});
        CharField blank("t", 5, {.blank = true});
        QVERIFY(blank.validate("").isEmpty());
        EmailField e("email");
        QCOMPARE(e.validate("nope"), QStringList{"Enter a valid email address."});
        QVERIFY(e.validate("a@b.org").isEmpty());
        QCOMPARE(e.typeParameters().value("max_length").toInt(), 254);
        URLField u("site");
        QCOMPARE(u.validate("not a url"), QStringList{"Enter a valid URL."});
        QVERIFY(u.validate("https://example.com/x").isEmpty());
        SlugField s("slug");
        QVERIFY(!s.validate("has space").isEmpty());
        QVERIFY(s.options().dbIndex);
        CharField choice("status", 10, {.choices = {{"d", "Draft"}, {"p", "Published"}}});
        QCOMPARE(choice.validate("x"), QStringList{"Value x is not a valid choice."});
        QCOMPARE(choice.displayValue("p"), QStringLiteral("Published"));
        QCOMPARE(choice.widgetHint(), Field::WidgetHint::ComboBox);
    }

    void decimals()
    {
        DecimalField d("price", 5, 2);
        QCOMPARE(d.clean("12.5").toString(), QStringLiteral("12.50"));
        QCOMPARE(d.clean("-0.005").toString(), QStringLiteral("-0.01"));
        QCOMPARE(d.clean("9.999").toString(), QStringLiteral("10.00"));
        QCOMPARE(d.clean(3.14159).toString(), QStringLiteral("3.14"));
        QCOMPARE(cleanError(d, "1,5"), QStringLiteral("\u201c1,5\u201d value must be a decimal number."));
        QCOMPARE(d.validate(d.clean("1234.5")), QStringList{"Ensure that there are no more than 3 digits before the decimal point."});
        QCOMPARE(d.fromDatabase(12.5, sqlite).toString(), QStringLiteral("12.50"));
        QCOMPARE(d.fromDatabase(QStringLiteral("12.50"), postgres).toString(), QStringLiteral("12.50"));
    }

    void booleans()
    {
        BooleanField b("flag");
        QCOMPARE(b.clean("true").toBool(), true);
        QCOMPARE(b.clean("0").toBool(), false);
        QCOMPARE(cleanError(b, "maybe"), QStringLiteral("\u201cmaybe\u201d value must be either True or False."));
        QCOMPARE(b.toDatabase(true, sqlite), QVariant(1));
        QCOMPARE(b.toDatabase(true, postgres), QVariant(true));
        QCOMPARE(b.fromDatabase(qlonglong(0), sqlite), QVariant(false));
        QVERIFY(b.validate(false).isEmpty()); // False is not blank
    }

    void datesAndTimes()
    {
        DateField d("day");
        QCOMPARE(d.clean("2024-02-29").toDate(), QDate(2024, 2, 29));
        QCOMPARE(cleanError(d, "29/02/2024"), QStringLiteral("\u201c29/02/2024\u201d value has an invalid date format. It must be in YYYY-MM-DD format."));
        QCOMPARE(d.toDatabase(QDate(2024, 2, 29), sqlite).toString(), QStringLiteral("2024-02-29"));
        QCOMPARE(d.fromDatabase("2024-02-29", sqlite).toDate(), QDate(2024, 2, 29));

        DateTimeField t("at");
        const QDateTime local(QDate(2024, 1, 1), QTime(12, 0), QTimeZone(3600));
        const QDateTime utc = t.clean(local).toDateTime();
        QCOMPARE(utc.timeSpec(), Qt::UTC);
        QCOMPARE(utc.time(), QTime(11, 0));
        QCOMPARE(t.toDatabase(utc, sqlite).toString(), QStringLiteral("2024-01-01 11:00:00"));
        const QDateTime withMs(QDate(2024, 1, 1), QTime(11, 0, 0, 250), Qt::UTC);
        QCOMPARE(t.toDatabase(withMs, sqlite).toString(), QStringLiteral("2024-01-01 11:00:00.250000")); // Django's microseconds
        QCOMPARE(t.fromDatabase("2024-01-01 11:00:00.250000", sqlite).toDateTime(), withMs);
        QCOMPARE(t.fromDatabase("2024-01-01 11:00:00", sqlite).toDateTime(), utc);
        QCOMPARE(t.clean("2024-01-01T11:00:00Z").toDateTime(), utc);
        DateTimeField autoAdd("created", {.autoNowAdd = true});
        QVERIFY(!autoAdd.isEditable());
        QVERIFY(autoAdd.preSave(QVariant(), true).toDateTime().isValid());
        QVERIFY(autoAdd.preSave(QVariant(), false).isNull());
    }

    void uuidsAndJson()
    {
        UUIDField u("ref");
        const QUuid id = QUuid::createUuid();
        QCOMPARE(u.toDatabase(id, sqlite).toString().size(), 32); // Django: hex without dashes
        QCOMPARE(u.fromDatabase(u.toDatabase(id, sqlite), sqlite).toUuid(), id);
        QCOMPARE(u.fromDatabase(u.toDatabase(id, postgres), postgres).toUuid(), id);
        QCOMPARE(cleanError(u, "xyz"), QStringLiteral("\u201cxyz\u201d is not a valid UUID."));
        JSONField j("data");
        const QVariantMap value{{"a", QVariantList{1, "two", true}}, {"b", QVariant()}};
        const QVariant stored = j.toDatabase(value, sqlite);
        QCOMPARE(stored.toString(), QStringLiteral("{\"a\":[1,\"two\",true],\"b\":null}"));
        QCOMPARE(j.fromDatabase(stored, sqlite).toMap().value("a").toList().size(), 3);
        QCOMPARE(j.fromDatabase(j.toDatabase("text", sqlite), sqlite).toString(), QStringLiteral("text"));
        QCOMPARE(j.fromDatabase(j.toDatabase(5, postgres), postgres).toInt(), 5);
        FloatField f("x");
        QCOMPARE(f.clean("2.5").toDouble(), 2.5);
    }

    void deconstructRoundTrip_data()
    {
        QTest::addColumn<QVariantMap>("spec");
        QTest::newRow("char") << CharField("title", 80, {.blank = true, .defaultValue = "x", .unique = true, .verboseName = "Title"}).deconstruct();
        QTest::newRow("decimal") << DecimalField("price", 6, 2, {.null = true}).deconstruct();
        QTest::newRow("datetime") << DateTimeField("at", {.autoNow = true}).deconstruct();
        QTest::newRow("fk") << ForeignKey("author", "blog.Author", OnDelete::Protect, {.null = true, .relatedName = "books"}).deconstruct();
        QTest::newRow("m2m") << ManyToManyField("tags", "blog.Tag", {.blank = true}).deconstruct();
        QTest::newRow("auto") << AutoField("id", {.primaryKey = true}).deconstruct();
        QTest::newRow("choices") << CharField("s", 1, {.choices = {{"a", "A"}}}).deconstruct();
    }

    void deconstructRoundTrip()
    {
        QFETCH(QVariantMap, spec);
        const FieldPtr rebuilt = FieldFactory::create(spec);
        QCOMPARE(rebuilt->deconstruct(), spec);
    }

    void factoryErrors()
    {
        try {
            FieldFactory::create({{"type", "MoneyField"}, {"name", "m"}});
            QFAIL("unknown type accepted");
        } catch (const FieldError &e) {
            QVERIFY(e.message().contains("MoneyField") && e.message().contains("CharField"));
        }
        QVERIFY_THROWS_EXCEPTION(FieldError, FieldFactory::create({{"type", "CharField"}, {"name", "c"}})); // no max_length
        QVERIFY_THROWS_EXCEPTION(FieldError, FieldFactory::create({{"type", "ForeignKey"}, {"name", "f"}, {"to", "a.B"}, {"on_delete", "EXPLODE"}}));
    }
};

QTEST_GUILESS_MAIN(TestFields)
#include "tst_fields.moc"
