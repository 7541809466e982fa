// Field types: clean() with Django's messages, validate(), database round
// trips through both dialects (no database needed: the dialect objects only
// convert values), and deconstruct() -> FieldFactory round trips.
#include "db/PostgresOperations.h"
#include "db/SqliteOperations.h"
#include "orm/Exceptions.h"
#include "orm/FieldFactory.h"
#include "orm/Model.h"
#include "orm/ModelMeta.h"
#include "orm/RelatedField.h"
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
#include <QJsonObject>
#include <QtTest>

using namespace quango;
using namespace Qt::Literals::StringLiterals;

namespace {
QString cleanError(const Field &field, const QVariant &value)
{
    try {
        field.clean(value);
    } catch (const ValidationError &e) {
        return e.errors().value(field.name()).join(u' ');
    }
    return {};
}

// What QSQLITE / QPSQL hand over for SQL NULL: a typed variant that is null.
template <typename T>
QVariant typedNull()
{
    return QVariant(QMetaType::fromType<T>());
}

// Migration files hold deconstruct() as JSON: numbers come back as doubles,
// dates as text. The migrations code compares maps after this normalization.
QVariantMap viaJson(const QVariantMap &map)
{
    return QJsonObject::fromVariantMap(map).toVariantMap();
}
} // namespace

class TestFields : public QObject {
    Q_OBJECT

private:
    SqliteOperations sqlite;
    PostgresOperations postgres;

private Q_SLOTS:
    void baseOptions()
    {
        CharField f("first_name", 30);
        QCOMPARE(f.verboseName(), u"first name"_s);
        QCOMPARE(CharField("x", 3, {.verboseName = "Ex"}).verboseName(), u"Ex"_s);
        QVERIFY(!f.hasDefault());
        int calls = 0;
        IntegerField counter("n", {.defaultFactory = [&calls] { return QVariant(++calls); }});
        QVERIFY(counter.hasDefault());
        QCOMPARE(counter.defaultValue().toInt(), 1);
        QCOMPARE(counter.defaultValue().toInt(), 2);
        QCOMPARE(IntegerField("m", {.defaultValue = 7}).defaultValue().toInt(), 7);
        CharField status("status", 1, {.choices = {{"d", "Draft"}, {"p", "Published"}}});
        QCOMPARE(status.choiceLabel("p"), u"Published"_s);
        QCOMPARE(status.choiceLabel("z"), u"z"_s);
        QCOMPARE(status.displayValue("d"), u"Draft"_s);
        QCOMPARE(status.widgetHint(), Field::WidgetHint::ComboBox);
        QCOMPARE(f.widgetHint(), Field::WidgetHint::LineEdit);
        QCOMPARE(TextField("body").widgetHint(), Field::WidgetHint::TextEdit);
        QVERIFY(f.emptyStringsAllowed());
        QVERIFY(!IntegerField("n").emptyStringsAllowed());
        QCOMPARE(f.column(), u"first_name"_s);
        QCOMPARE(CharField("c", 3, {.dbColumn = "other"}).column(), u"other"_s);
    }

    void onDeleteNames()
    {
        for (OnDelete mode : {OnDelete::Cascade, OnDelete::Protect, OnDelete::SetNull, OnDelete::SetDefault,
                              OnDelete::Restrict, OnDelete::DoNothing})
            QCOMPARE(onDeleteFromName(onDeleteName(mode)), mode);
        QCOMPARE(onDeleteName(OnDelete::SetNull), u"SET_NULL"_s);
        QCOMPARE(onDeleteFromName("models.PROTECT"), OnDelete::Protect);
        try {
            onDeleteFromName("EXPLODE");
            QFAIL("accepted an unknown on_delete");
        } catch (const FieldError &e) {
            QVERIFY(e.message().contains("EXPLODE") && e.message().contains("CASCADE"));
        }
    }

    void baseValidation()
    {
        IntegerField f("n");
        QCOMPARE(f.validate(QVariant()), QStringList{"This field cannot be null."});
        // Django: null=True alone still fails the blank check; both make NULL valid.
        QCOMPARE(IntegerField("m", {.null = true}).validate(QVariant()), QStringList{"This field cannot be blank."});
        QVERIFY(IntegerField("m", {.null = true, .blank = true}).validate(QVariant()).isEmpty());
        CharField c("t", 5);
        QCOMPARE(c.validate(""), QStringList{"This field cannot be blank."});
        QVERIFY(CharField("t", 5, {.blank = true}).validate("").isEmpty());
        QCOMPARE(CharField("t", 5, {.null = true}).validate(QVariant()), QStringList{"This field cannot be blank."});
        QVERIFY(CharField("t", 5, {.null = true, .blank = true}).validate(QVariant()).isEmpty());
        // Choices: Django's %r of the value.
        CharField choice("status", 10, {.choices = {{"d", "Draft"}, {"p", "Published"}}});
        QCOMPARE(choice.validate("x"), QStringList{"Value 'x' is not a valid choice."});
        QVERIFY(choice.validate("p").isEmpty());
        IntegerField rating("rating", {.choices = {{1, "One"}, {2, "Two"}}});
        QCOMPARE(rating.validate(qlonglong(3)), QStringList{"Value 3 is not a valid choice."});
        QVERIFY(rating.validate(qlonglong(2)).isEmpty());
        // Validators run after the built-in checks and collect every message.
        const Validator even = [](const QVariant &v) { return v.toLongLong() % 2 ? u"Must be even."_s : QString(); };
        const Validator small = [](const QVariant &v) { return v.toLongLong() > 10 ? u"Too big."_s : QString(); };
        IntegerField checked("n", {.validators = {even, small}});
        QCOMPARE(checked.validate(qlonglong(13)), (QStringList{"Must be even.", "Too big."}));
        QVERIFY(checked.validate(qlonglong(4)).isEmpty());
        QCOMPARE(checked.validate(QVariant()), QStringList{"This field cannot be null."}); // validators skip empty values
        // Non-editable fields skip the null/blank/choices part, as in Django.
        QVERIFY(CharField("auto", 5, {.editable = false}).validate(QVariant()).isEmpty());
        QCOMPARE(CharField("auto", 2, {.editable = false}).validate("long"),
                 QStringList{"Ensure this value has at most 2 characters (it has 4)."});
        // Base to/fromDatabase: pass-through, NULL as an invalid QVariant.
        JSONField j("j");
        QVERIFY(!f.toDatabase(typedNull<qlonglong>(), sqlite).isValid());
        QVERIFY(!j.fromDatabase(typedNull<QString>(), sqlite).isValid());
    }

    void integers()
    {
        IntegerField f("n");
        QCOMPARE(f.clean("42"), QVariant(qlonglong(42)));
        QCOMPARE(f.clean(" -7 "), QVariant(qlonglong(-7)));
        QCOMPARE(f.clean(7).metaType().id(), QMetaType::LongLong);
        QCOMPARE(f.clean(3.0), QVariant(qlonglong(3)));
        QCOMPARE(f.clean(true), QVariant(qlonglong(1)));
        QVERIFY(f.clean("").isNull());
        QVERIFY(f.clean(QVariant()).isNull());
        QCOMPARE(cleanError(f, "abc"), u"\u201cabc\u201d value must be an integer."_s);
        QCOMPARE(cleanError(f, 2.5), u"\u201c2.5\u201d value must be an integer."_s);
        QCOMPARE(cleanError(f, "99999999999999999999"), u"\u201c99999999999999999999\u201d value must be an integer."_s);
        QCOMPARE(f.validate(qlonglong(3000000000LL)), QStringList{"Ensure this value is less than or equal to 2147483647."});
        QCOMPARE(f.validate(qlonglong(-3000000000LL)), QStringList{"Ensure this value is greater than or equal to -2147483648."});
        QVERIFY(BigIntegerField("b").validate(qlonglong(3000000000LL)).isEmpty());
        PositiveIntegerField p("p");
        QCOMPARE(p.validate(qlonglong(-1)), QStringList{"Ensure this value is greater than or equal to 0."});
        QVERIFY(p.validate(qlonglong(0)).isEmpty());
        PositiveSmallIntegerField ps("ps");
        QCOMPARE(ps.validate(qlonglong(-1)), QStringList{"Ensure this value is greater than or equal to 0."});
        QCOMPARE(ps.validate(qlonglong(32768)), QStringList{"Ensure this value is less than or equal to 32767."});
        QVERIFY(ps.validate(qlonglong(32767)).isEmpty());
        QCOMPARE(f.jsonType(), Field::JsonType::Integer);
        QCOMPARE(f.widgetHint(), Field::WidgetHint::SpinBox);

        for (const DatabaseOperations *ops : {static_cast<const DatabaseOperations *>(&sqlite), static_cast<const DatabaseOperations *>(&postgres)}) {
            QCOMPARE(f.toDatabase(qlonglong(5), *ops), QVariant(qlonglong(5)));
            QCOMPARE(f.fromDatabase(qlonglong(5), *ops), QVariant(qlonglong(5)));
            QCOMPARE(f.fromDatabase(5, *ops), QVariant(qlonglong(5))); // QPSQL's int4
            QVERIFY(!f.fromDatabase(typedNull<qlonglong>(), *ops).isValid());
            QVERIFY(!f.toDatabase(QVariant(), *ops).isValid());
        }
    }

    void autoFields()
    {
        AutoField id("id", {.primaryKey = true});
        QVERIFY(id.isAutoField());
        QVERIFY(!id.isEditable());
        QVERIFY(id.isBlank());
        QVERIFY(id.validate(QVariant()).isEmpty()); // assigned by the database
        QCOMPARE(id.widgetHint(), Field::WidgetHint::Hidden);
        QCOMPARE(id.clean("12"), QVariant(qlonglong(12)));
        const QVariantMap d = id.deconstruct();
        QCOMPARE(d.value("type").toString(), u"AutoField"_s);
        QVERIFY(!d.contains("blank") && !d.contains("editable"));
        QCOMPARE(d.value("primary_key"), QVariant(true));
        BigAutoField big("id", {.primaryKey = true});
        QCOMPARE(big.internalType(), u"BigAutoField"_s);
        QVERIFY(big.isAutoField());
        QCOMPARE(big.maximum(), std::numeric_limits<qlonglong>::max());
    }

    void floats()
    {
        FloatField f("x");
        QCOMPARE(f.clean("2.5"), QVariant(2.5));
        QCOMPARE(f.clean(3), QVariant(3.0));
        QVERIFY(f.clean(" ").isNull());
        QCOMPARE(cleanError(f, "two"), u"\u201ctwo\u201d value must be a float."_s);
        QCOMPARE(f.fromDatabase(2.5, sqlite), QVariant(2.5));
        QCOMPARE(f.fromDatabase(qlonglong(2), sqlite), QVariant(2.0));
        QCOMPARE(f.toDatabase("1.5", postgres), QVariant(1.5));
        QCOMPARE(f.jsonType(), Field::JsonType::Number);
        QCOMPARE(f.widgetHint(), Field::WidgetHint::DoubleSpinBox);
    }

    void text()
    {
        CharField c("title", 5);
        QCOMPARE(c.validate("toolong"), QStringList{"Ensure this value has at most 5 characters (it has 7)."});
        QVERIFY(c.validate(u"\U0001F600\U0001F600\U0001F600\U0001F600\U0001F600"_s).isEmpty()); // code points, not UTF-16 units
        QCOMPARE(c.clean(12), QVariant(u"12"_s));
        QCOMPARE(c.typeParameters().value("max_length").toInt(), 5);
        QCOMPARE(c.fromDatabase(u"abc"_s, sqlite), QVariant(u"abc"_s));
        QVERIFY(!c.fromDatabase(typedNull<QString>(), sqlite).isValid());
        QCOMPARE(c.toDatabase(u"abc"_s, postgres), QVariant(u"abc"_s));
        TextField t("body");
        QCOMPARE(t.clean(3), QVariant(u"3"_s));
        QCOMPARE(t.fromDatabase(u"long text"_s, postgres), QVariant(u"long text"_s));
    }

    void email_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "a@b.org" << true;
        QTest::newRow("plus and dots") << "first.last+tag@mail.example.co.uk" << true;
        QTest::newRow("localhost") << "root@localhost" << true;
        QTest::newRow("literal ip") << "x@[127.0.0.1]" << true;
        QTest::newRow("idn") << u"user@b\u00fccher.example"_s << true;
        QTest::newRow("quoted local part") << "\"test@test\"@example.com" << true;
        QTest::newRow("quoted space") << "\"john doe\"@example.com" << false; // Django: unescaped space
        QTest::newRow("no at") << "nope" << false;
        QTest::newRow("no tld") << "a@b" << false;
        QTest::newRow("double dot") << "a..b@example.com" << false;
        QTest::newRow("space") << "a b@example.com" << false;
        QTest::newRow("trailing dash label") << "a@example-.com" << false;
    }

    void email()
    {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        EmailField e("email");
        QCOMPARE(e.validate(value).isEmpty(), valid);
        if (!valid)
            QCOMPARE(e.validate(value), QStringList{"Enter a valid email address."});
    }

    void emailField()
    {
        EmailField e("email");
        QCOMPARE(e.typeParameters().value("max_length").toInt(), 254);
        QCOMPARE(e.internalType(), u"EmailField"_s);
        QVERIFY(EmailField("e", {.blank = true}).validate("").isEmpty());
        // Both messages, the format first (Django: default validators, then max_length).
        EmailField tiny("e", {}, 5);
        QCOMPARE(tiny.validate("not an email"), (QStringList{"Enter a valid email address.", "Ensure this value has at most 5 characters (it has 12)."}));
    }

    void url_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("https") << "https://example.com/x?y=1#z" << true;
        QTest::newRow("port and auth") << "http://user:pw@example.com:8080/" << true;
        QTest::newRow("localhost") << "http://localhost:8000/admin/" << true;
        QTest::newRow("ipv4") << "http://192.168.0.1/" << true;
        QTest::newRow("ipv6") << "http://[::1]:80/" << true;
        QTest::newRow("ftp") << "ftp://files.example.org/a.txt" << true;
        QTest::newRow("idn") << u"http://b\u00fccher.example/"_s << true;
        QTest::newRow("no scheme") << "example.com" << false;
        QTest::newRow("bad scheme") << "mailto://example.com" << false;
        QTest::newRow("space") << "http://exa mple.com" << false;
        QTest::newRow("no tld") << "http://example" << false;
        QTest::newRow("words") << "not a url" << false;
    }

    void url()
    {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        URLField u("site");
        QCOMPARE(u.validate(value).isEmpty(), valid);
        if (!valid)
            QCOMPARE(u.validate(value), QStringList{"Enter a valid URL."});
        QCOMPARE(u.typeParameters().value("max_length").toInt(), 200);
    }

    void slug()
    {
        SlugField s("slug");
        QVERIFY(s.validate("a-slug_2").isEmpty());
        QCOMPARE(s.validate("has space"), QStringList{u"Enter a valid \u201cslug\u201d consisting of letters, numbers, underscores or hyphens."_s});
        QVERIFY(!s.validate("trailing\n").isEmpty());
        QVERIFY(s.options().dbIndex);
        QCOMPARE(s.typeParameters().value("max_length").toInt(), 50);
        QVERIFY(!s.deconstruct().contains("db_index"));
    }

    void decimals()
    {
        DecimalField d("price", 5, 2);
        QCOMPARE(d.clean("12.5"), QVariant(u"12.50"_s));
        QCOMPARE(d.clean("12.50"), QVariant(u"12.50"_s));
        QCOMPARE(d.clean("007"), QVariant(u"7.00"_s));
        QCOMPARE(d.clean(".5"), QVariant(u"0.50"_s));
        QCOMPARE(d.clean("-1.5"), QVariant(u"-1.50"_s));
        QCOMPARE(d.clean("1e2"), QVariant(u"100.00"_s));
        QCOMPARE(d.clean(3.14159), QVariant(u"3.14"_s));
        QCOMPARE(d.clean(0.1), QVariant(u"0.10"_s));
        QCOMPARE(d.clean(qlonglong(3)), QVariant(u"3.00"_s));
        // Rounded half to even, as Django's quantize when it saves.
        QCOMPARE(d.clean("0.125"), QVariant(u"0.12"_s));
        QCOMPARE(d.clean("0.135"), QVariant(u"0.14"_s));
        QCOMPARE(d.clean("0.1251"), QVariant(u"0.13"_s));
        QCOMPARE(d.clean("9.995"), QVariant(u"10.00"_s));
        QCOMPARE(d.clean("-0.001"), QVariant(u"0.00"_s));
        QVERIFY(d.clean("").isNull());
        QCOMPARE(cleanError(d, "1,5"), u"\u201c1,5\u201d value must be a decimal number."_s);
        QCOMPARE(cleanError(d, "abc"), u"\u201cabc\u201d value must be a decimal number."_s);
        QCOMPARE(DecimalField("n", 4, 0).clean("12.5"), QVariant(u"12"_s));
        QCOMPARE(DecimalField("n", 4, 0).clean("13.5"), QVariant(u"14"_s));
        // Django's DecimalValidator messages.
        QCOMPARE(d.validate(d.clean("1234.5")), QStringList{"Ensure that there are no more than 3 digits before the decimal point."});
        QCOMPARE(d.validate("123456"), QStringList{"Ensure that there are no more than 5 digits in total."});
        QCOMPARE(d.validate("1.234"), QStringList{"Ensure that there are no more than 2 decimal places."});
        QVERIFY(d.validate("999.99").isEmpty());
        QVERIFY(d.validate("0.00").isEmpty());
        QCOMPARE(d.typeParameters(), (QVariantMap{{"max_digits", 5}, {"decimal_places", 2}}));
        QCOMPARE(d.jsonType(), Field::JsonType::String);
        // Database forms: SQLite's NUMERIC affinity returns numbers, PostgreSQL text or double.
        QCOMPARE(d.fromDatabase(12.5, sqlite), QVariant(u"12.50"_s));
        QCOMPARE(d.fromDatabase(-0.1, sqlite), QVariant(u"-0.10"_s));
        QCOMPARE(d.fromDatabase(qlonglong(12), sqlite), QVariant(u"12.00"_s));
        QCOMPARE(d.fromDatabase(u"12.50"_s, postgres), QVariant(u"12.50"_s));
        QCOMPARE(d.fromDatabase(u"12.5"_s, sqlite), QVariant(u"12.50"_s));
        QCOMPARE(d.fromDatabase(12.5, postgres), QVariant(u"12.50"_s));
        QVERIFY(!d.fromDatabase(typedNull<double>(), sqlite).isValid());
        QCOMPARE(d.toDatabase(u"12.5"_s, sqlite), QVariant(u"12.50"_s));
        QCOMPARE(d.toDatabase(12.5, postgres), QVariant(u"12.50"_s));
    }

    void booleans()
    {
        BooleanField b("flag");
        QCOMPARE(b.clean("true"), QVariant(true));
        QCOMPARE(b.clean("True"), QVariant(true));
        QCOMPARE(b.clean("t"), QVariant(true));
        QCOMPARE(b.clean("0"), QVariant(false));
        QCOMPARE(b.clean(1), QVariant(true));
        QCOMPARE(cleanError(b, "maybe"), u"\u201cmaybe\u201d value must be either True or False."_s);
        QCOMPARE(cleanError(b, 2), u"\u201c2\u201d value must be either True or False."_s);
        BooleanField nullable("flag", {.null = true});
        QVERIFY(nullable.clean("").isNull());
        QCOMPARE(cleanError(nullable, "maybe"), u"\u201cmaybe\u201d value must be either True, False, or None."_s);
        QCOMPARE(b.toDatabase(true, sqlite), QVariant(1));
        QCOMPARE(b.toDatabase(false, sqlite), QVariant(0));
        QCOMPARE(b.toDatabase(true, postgres), QVariant(true));
        QCOMPARE(b.fromDatabase(qlonglong(0), sqlite), QVariant(false));
        QCOMPARE(b.fromDatabase(qlonglong(1), sqlite), QVariant(true));
        QCOMPARE(b.fromDatabase(true, postgres), QVariant(true));
        QVERIFY(!b.fromDatabase(typedNull<bool>(), postgres).isValid());
        QVERIFY(b.validate(false).isEmpty()); // False is a value, not a blank one
        QVERIFY(!b.isBlank());
        QCOMPARE(b.validate(QVariant()), QStringList{"This field cannot be null."});
        QCOMPARE(b.displayValue(true), u"True"_s);
        QCOMPARE(b.widgetHint(), Field::WidgetHint::CheckBox);
        QCOMPARE(b.jsonType(), Field::JsonType::Boolean);
    }

    void dates()
    {
        DateField d("day");
        QCOMPARE(d.clean("2024-02-29"), QVariant(QDate(2024, 2, 29)));
        QCOMPARE(d.clean("2024-2-3"), QVariant(QDate(2024, 2, 3)));
        QCOMPARE(d.clean(QDateTime(QDate(2024, 1, 1), QTime(23, 30), QTimeZone(-3600))), QVariant(QDate(2024, 1, 2)));
        QVERIFY(d.clean("").isNull());
        QCOMPARE(cleanError(d, "29/02/2024"), u"\u201c29/02/2024\u201d value has an invalid date format. It must be in YYYY-MM-DD format."_s);
        QCOMPARE(cleanError(d, "2023-02-29"), u"\u201c2023-02-29\u201d value has the correct format (YYYY-MM-DD) but it is an invalid date."_s);
        for (const DatabaseOperations *ops : {static_cast<const DatabaseOperations *>(&sqlite), static_cast<const DatabaseOperations *>(&postgres)}) {
            QCOMPARE(d.toDatabase(QDate(2024, 2, 9), *ops), QVariant(u"2024-02-09"_s));
            QCOMPARE(d.fromDatabase(u"2024-02-09"_s, *ops), QVariant(QDate(2024, 2, 9)));
            QCOMPARE(d.fromDatabase(QDate(2024, 2, 9), *ops), QVariant(QDate(2024, 2, 9)));
            QCOMPARE(d.fromDatabase(d.toDatabase(QDate(1, 1, 1), *ops), *ops), QVariant(QDate(1, 1, 1)));
            QVERIFY(!d.fromDatabase(typedNull<QDate>(), *ops).isValid());
        }
        QCOMPARE(d.displayValue(QDate(2024, 2, 9)), u"2024-02-09"_s);
        QCOMPARE(d.widgetHint(), Field::WidgetHint::DateEdit);

        DateField autoNow("updated", {.autoNow = true});
        QVERIFY(!autoNow.isEditable());
        QVERIFY(autoNow.isBlank());
        QCOMPARE(autoNow.preSave(QDate(2000, 1, 1), false), QVariant(QDate::currentDate()));
        DateField autoAdd("created", {.autoNowAdd = true});
        QCOMPARE(autoAdd.preSave(QVariant(), true), QVariant(QDate::currentDate()));
        QCOMPARE(autoAdd.preSave(QDate(2000, 1, 1), false), QVariant(QDate(2000, 1, 1)));
        QCOMPARE(d.preSave(QDate(2000, 1, 1), true), QVariant(QDate(2000, 1, 1)));
        const QVariantMap spec = autoAdd.deconstruct();
        QVERIFY(spec.value("auto_now_add").toBool());
        QVERIFY(!spec.contains("editable") && !spec.contains("blank"));
    }

    void dateTimes()
    {
        DateTimeField t("at");
        const QDateTime utc(QDate(2024, 1, 1), QTime(11, 0), Qt::UTC);
        const QDateTime local(QDate(2024, 1, 1), QTime(12, 0), QTimeZone(3600));
        const QVariant cleaned = t.clean(local);
        QCOMPARE(cleaned.toDateTime().timeSpec(), Qt::UTC);
        QCOMPARE(cleaned.toDateTime(), utc);
        QCOMPARE(cleaned.toDateTime().time(), QTime(11, 0));
        QCOMPARE(t.clean("2024-01-01T11:00:00Z").toDateTime(), utc);
        QCOMPARE(t.clean("2024-01-01 11:00").toDateTime(), utc);
        QCOMPARE(t.clean("2024-01-01 13:00:00+02:00").toDateTime(), utc);
        QCOMPARE(t.clean("2024-01-01T06:30-0430").toDateTime(), utc);
        QCOMPARE(t.clean("2024-01-01 11:00:00.250").toDateTime(), QDateTime(QDate(2024, 1, 1), QTime(11, 0, 0, 250), Qt::UTC));
        QCOMPARE(t.clean("2024-01-01").toDateTime(), QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(t.clean(QDate(2024, 1, 1)).toDateTime(), QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(t.clean("2024-01-01T11:00:00Z").toDateTime().timeSpec(), Qt::UTC);
        QVERIFY(t.clean("").isNull());
        QCOMPARE(cleanError(t, "yesterday"),
                 u"\u201cyesterday\u201d value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format."_s);
        QCOMPARE(cleanError(t, "2024-01-01 25:00"),
                 u"\u201c2024-01-01 25:00\u201d value has the correct format (YYYY-MM-DD HH:MM[:ss[.uuuuuu]]) but it is an invalid date/time."_s);
        QCOMPARE(cleanError(t, "2024-02-30"),
                 u"\u201c2024-02-30\u201d value has the correct format (YYYY-MM-DD) but it is an invalid date."_s);

        // SQLite: Django's text, always UTC, microseconds only when there are any.
        QCOMPARE(t.toDatabase(local, sqlite), QVariant(u"2024-01-01 11:00:00"_s));
        const QDateTime withMs(QDate(2024, 1, 1), QTime(11, 0, 0, 250), Qt::UTC);
        QCOMPARE(t.toDatabase(withMs, sqlite), QVariant(u"2024-01-01 11:00:00.250000"_s));
        QCOMPARE(t.fromDatabase(u"2024-01-01 11:00:00.250000"_s, sqlite).toDateTime(), withMs);
        QCOMPARE(t.fromDatabase(u"2024-01-01 11:00:00"_s, sqlite).toDateTime(), utc);
        QCOMPARE(t.fromDatabase(u"2024-01-01T11:00:00Z"_s, sqlite).toDateTime(), utc);
        QCOMPARE(t.fromDatabase(u"2024-01-01 11:00:00+00:00"_s, sqlite).toDateTime(), utc);
        QCOMPARE(t.fromDatabase(u"2024-01-01 11:00:00.25"_s, sqlite).toDateTime(), withMs);
        QCOMPARE(t.fromDatabase(u"2024-01-01 11:00:00"_s, sqlite).toDateTime().timeSpec(), Qt::UTC);
        QVERIFY(!t.fromDatabase(typedNull<QString>(), sqlite).isValid());
        QCOMPARE(t.fromDatabase(t.toDatabase(withMs, sqlite), sqlite).toDateTime(), withMs);

        // PostgreSQL: a QDateTime in UTC is bound; QPSQL returns QDateTime (or text).
        const QVariant bound = t.toDatabase(local, postgres);
        QCOMPARE(bound.metaType().id(), QMetaType::QDateTime);
        QCOMPARE(bound.toDateTime().timeSpec(), Qt::UTC);
        QCOMPARE(bound.toDateTime(), utc);
        const QVariant read = t.fromDatabase(local, postgres);
        QCOMPARE(read.toDateTime(), utc);
        QCOMPARE(read.toDateTime().timeSpec(), Qt::UTC);
        QCOMPARE(t.fromDatabase(u"2024-01-01 11:00:00+00"_s, postgres).toDateTime(), utc);
        QCOMPARE(t.fromDatabase(u"2024-01-01 12:00:00.25+01"_s, postgres).toDateTime(), withMs);
        QVERIFY(!t.fromDatabase(typedNull<QDateTime>(), postgres).isValid());

        QCOMPARE(t.displayValue(utc), u"2024-01-01 11:00:00+00:00"_s);
        QCOMPARE(t.displayValue(withMs), u"2024-01-01 11:00:00.250000+00:00"_s);
        QCOMPARE(t.widgetHint(), Field::WidgetHint::DateTimeEdit);

        DateTimeField autoAdd("created", {.autoNowAdd = true});
        QVERIFY(!autoAdd.isEditable());
        QVERIFY(autoAdd.isBlank());
        const QDateTime now = autoAdd.preSave(QVariant(), true).toDateTime();
        QVERIFY(now.isValid());
        QCOMPARE(now.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(now.secsTo(QDateTime::currentDateTimeUtc())) < 5);
        QVERIFY(autoAdd.preSave(QVariant(), false).isNull());
        DateTimeField autoNow("updated", {.autoNow = true});
        QVERIFY(autoNow.preSave(utc, false).toDateTime() > utc);
    }

    void uuids()
    {
        UUIDField u("ref");
        const QUuid id = QUuid::createUuid();
        const QVariant onSqlite = u.toDatabase(id, sqlite);
        QCOMPARE(onSqlite.toString(), id.toString(QUuid::Id128)); // Django: 32 hex digits, no dashes
        QCOMPARE(onSqlite.toString().size(), 32);
        QCOMPARE(u.fromDatabase(onSqlite, sqlite), QVariant(id));
        QCOMPARE(u.toDatabase(id, postgres), QVariant(id.toString(QUuid::WithoutBraces)));
        QCOMPARE(u.fromDatabase(u.toDatabase(id, postgres), postgres), QVariant(id));
        QCOMPARE(u.fromDatabase(id, postgres), QVariant(id));
        QVERIFY(!u.fromDatabase(typedNull<QString>(), sqlite).isValid());
        const QUuid known = QUuid::fromString(u"12345678-1234-5678-1234-567812345678"_s);
        QCOMPARE(u.clean("12345678123456781234567812345678"), QVariant(known));
        QCOMPARE(u.clean("{12345678-1234-5678-1234-567812345678}"), QVariant(known));
        QCOMPARE(u.clean("urn:uuid:12345678-1234-5678-1234-567812345678"), QVariant(known));
        QCOMPARE(u.clean("12345678-1234-5678-1234-567812345678"), QVariant(known));
        QCOMPARE(u.clean(1), QVariant(QUuid::fromString(u"00000000-0000-0000-0000-000000000001"_s)));
        QCOMPARE(cleanError(u, "xyz"), u"\u201cxyz\u201d is not a valid UUID."_s);
        QCOMPARE(cleanError(u, "12345678-1234-5678-1234-56781234567"), u"\u201c12345678-1234-5678-1234-56781234567\u201d is not a valid UUID."_s);
        QCOMPARE(u.displayValue(known), u"12345678-1234-5678-1234-567812345678"_s);
        UUIDField withDefault("ref", {.defaultFactory = [] { return QVariant(QUuid::createUuid()); }});
        QVERIFY(withDefault.defaultValue() != withDefault.defaultValue());
    }

    void json()
    {
        JSONField j("data");
        const QVariantMap value{{"a", QVariantList{1, "two", true}}, {"b", QVariant()}};
        for (const DatabaseOperations *ops : {static_cast<const DatabaseOperations *>(&sqlite), static_cast<const DatabaseOperations *>(&postgres)}) {
            const QVariant stored = j.toDatabase(value, *ops);
            QCOMPARE(stored, QVariant(u"{\"a\":[1,\"two\",true],\"b\":null}"_s));
            const QVariantMap back = j.fromDatabase(stored, *ops).toMap();
            QCOMPARE(back.value("a").toList().size(), 3);
            QCOMPARE(back.value("a").toList().at(0).toInt(), 1);
            QCOMPARE(back.value("a").toList().at(1).toString(), u"two"_s);
            QCOMPARE(j.toDatabase(u"text"_s, *ops), QVariant(u"\"text\""_s));
            QCOMPARE(j.fromDatabase(j.toDatabase(u"text"_s, *ops), *ops), QVariant(u"text"_s));
            QCOMPARE(j.fromDatabase(j.toDatabase(5, *ops), *ops).toInt(), 5);
            QCOMPARE(j.fromDatabase(j.toDatabase(2.5, *ops), *ops).toDouble(), 2.5);
            QCOMPARE(j.fromDatabase(j.toDatabase(false, *ops), *ops), QVariant(false));
            QCOMPARE(j.fromDatabase(j.toDatabase(QVariantList{1, 2}, *ops), *ops).toList().size(), 2);
            QCOMPARE(j.fromDatabase(u" [1, {\"x\": \"y\"}] "_s, *ops).toList().at(1).toMap().value("x"), QVariant(u"y"_s));
            QVERIFY(!j.fromDatabase(typedNull<QString>(), *ops).isValid());
        }
        QVERIFY_THROWS_EXCEPTION(DatabaseError, j.fromDatabase(u"{not json"_s, sqlite));
        QCOMPARE(j.clean(value).toMap().value("a").toList().size(), 3);
        QCOMPARE(j.displayValue(QVariantMap{{"k", 1}}), u"{\"k\":1}"_s);
        QCOMPARE(j.displayValue(u"s"_s), u"\"s\""_s);
        QCOMPARE(j.widgetHint(), Field::WidgetHint::JsonEditor);
    }

    void deconstructOptions()
    {
        const QVariantMap plain = CharField("title", 80).deconstruct();
        QCOMPARE(plain, (QVariantMap{{"type", "CharField"}, {"name", "title"}, {"max_length", 80}}));
        const QVariantMap full = CharField("title", 80, {.null = true, .blank = true, .defaultValue = "x", .unique = true,
                                                         .dbIndex = true, .dbColumn = "t", .choices = {{"x", "X"}},
                                                         .verboseName = "Title", .helpText = "Help", .editable = false})
                                     .deconstruct();
        QCOMPARE(full.value("null"), QVariant(true));
        QCOMPARE(full.value("blank"), QVariant(true));
        QCOMPARE(full.value("default"), QVariant("x"));
        QCOMPARE(full.value("unique"), QVariant(true));
        QCOMPARE(full.value("db_index"), QVariant(true));
        QCOMPARE(full.value("db_column"), QVariant("t"));
        QCOMPARE(full.value("choices").toList().at(0).toList(), (QVariantList{"x", "X"}));
        QCOMPARE(full.value("verbose_name"), QVariant("Title"));
        QCOMPARE(full.value("help_text"), QVariant("Help"));
        QCOMPARE(full.value("editable"), QVariant(false));
        const QVariantMap callable = UUIDField("ref", {.defaultFactory = [] { return QVariant(QUuid::createUuid()); }}).deconstruct();
        QCOMPARE(callable.value("callable"), QVariant(true));
        QVERIFY(!callable.contains("default"));
        const QVariantMap decimal = DecimalField("price", 6, 2).deconstruct();
        QCOMPARE(decimal.value("max_digits").toInt(), 6);
        QCOMPARE(decimal.value("decimal_places").toInt(), 2);
        const QVariantMap fk = ForeignKey("author", "blog.Author", OnDelete::Protect, {.null = true, .relatedName = "books"}).deconstruct();
        QCOMPARE(fk.value("to"), QVariant("blog.Author"));
        QCOMPARE(fk.value("on_delete"), QVariant("PROTECT"));
        QCOMPARE(fk.value("related_name"), QVariant("books"));
        QVERIFY(!fk.contains("db_index"));
        const QVariantMap one = OneToOneField("user", "auth.User", OnDelete::Cascade).deconstruct();
        QVERIFY(!one.contains("unique"));
        QCOMPARE(one.value("type"), QVariant("OneToOneField"));
        QCOMPARE(ManyToManyField("tags", "blog.Tag", {.dbTable = "post_tags"}).deconstruct().value("db_table"), QVariant("post_tags"));
    }

    void deconstructRoundTrip_data()
    {
        QTest::addColumn<QVariantMap>("spec");
        QTest::newRow("auto") << AutoField("id", {.primaryKey = true}).deconstruct();
        QTest::newRow("bigauto") << BigAutoField("id", {.verboseName = "ID", .primaryKey = true}).deconstruct();
        QTest::newRow("char") << CharField("title", 80, {.blank = true, .defaultValue = "x", .unique = true, .verboseName = "Title"}).deconstruct();
        QTest::newRow("char choices") << CharField("s", 1, {.choices = {{"a", "A"}, {"b", "B"}}}).deconstruct();
        QTest::newRow("text") << TextField("body", {.blank = true, .helpText = "Markdown"}).deconstruct();
        QTest::newRow("integer") << IntegerField("n", {.defaultValue = 3, .dbIndex = true, .dbColumn = "num"}).deconstruct();
        QTest::newRow("integer choices") << IntegerField("r", {.choices = {{1, "One"}, {2, "Two"}}}).deconstruct();
        QTest::newRow("biginteger") << BigIntegerField("b", {.null = true}).deconstruct();
        QTest::newRow("positive") << PositiveIntegerField("p", {.defaultValue = 0}).deconstruct();
        QTest::newRow("positive small") << PositiveSmallIntegerField("flag", {.choices = {{1, "Addition"}, {2, "Change"}}}).deconstruct();
        QTest::newRow("float") << FloatField("f", {.defaultValue = 1.5}).deconstruct();
        QTest::newRow("decimal") << DecimalField("price", 6, 2, {.null = true, .defaultValue = "9.99"}).deconstruct();
        QTest::newRow("boolean") << BooleanField("b", {.defaultValue = true}).deconstruct();
        QTest::newRow("date") << DateField("d", {.null = true}).deconstruct();
        QTest::newRow("date auto") << DateField("d", {.autoNowAdd = true}).deconstruct();
        QTest::newRow("datetime") << DateTimeField("at", {.autoNow = true}).deconstruct();
        QTest::newRow("datetime editable") << DateTimeField("at", {.editable = false}).deconstruct();
        QTest::newRow("email") << EmailField("email", {.unique = true}).deconstruct();
        QTest::newRow("email short") << EmailField("email", {}, 100).deconstruct();
        QTest::newRow("url") << URLField("site", {.blank = true}).deconstruct();
        QTest::newRow("slug") << SlugField("slug", {.unique = true}).deconstruct();
        QTest::newRow("uuid callable") << UUIDField("ref", {.defaultFactory = [] { return QVariant(QUuid::createUuid()); }, .editable = false}).deconstruct();
        QTest::newRow("json") << JSONField("data", {.null = true, .blank = true}).deconstruct();
        QTest::newRow("fk") << ForeignKey("author", "blog.Author", OnDelete::Protect, {.null = true, .relatedName = "books"}).deconstruct();
        QTest::newRow("fk set null") << ForeignKey("editor", "blog.Author", OnDelete::SetNull, {.null = true, .dbColumn = "ed"}).deconstruct();
        QTest::newRow("one to one") << OneToOneField("user", "auth.User", OnDelete::Cascade, {.primaryKey = true}).deconstruct();
        QTest::newRow("m2m") << ManyToManyField("tags", "blog.Tag", {.blank = true}).deconstruct();
        QTest::newRow("m2m table") << ManyToManyField("tags", "blog.Tag", {.relatedName = "posts", .dbTable = "x_y"}).deconstruct();
    }

    void deconstructRoundTrip()
    {
        QFETCH(QVariantMap, spec);
        const FieldPtr rebuilt = FieldFactory::create(spec);
        QCOMPARE(rebuilt->deconstruct(), spec);
        // Through a migration file's JSON and back.
        const QVariantMap json = viaJson(spec);
        QCOMPARE(viaJson(FieldFactory::create(json)->deconstruct()), json);
        QCOMPARE(rebuilt->internalType(), spec.value("type").toString());
        QCOMPARE(rebuilt->name(), spec.value("name").toString());
    }

    void factoryDetails()
    {
        const FieldPtr slug = FieldFactory::create({{"type", "SlugField"}, {"name", "s"}});
        QCOMPARE(slug->typeParameters().value("max_length").toInt(), 50);
        QVERIFY(slug->options().dbIndex);
        QVERIFY(!slug->validate("bad slug").isEmpty());
        const FieldPtr email = FieldFactory::create({{"type", "EmailField"}, {"name", "e"}});
        QCOMPARE(email->validate("x"), QStringList{"Enter a valid email address."});
        const FieldPtr fromJson = FieldFactory::create({{"type", "CharField"}, {"name", "c"}, {"max_length", 20.0}});
        QCOMPARE(fromJson->typeParameters().value("max_length").toInt(), 20);
        const FieldPtr uuid = FieldFactory::create({{"type", "UUIDField"}, {"name", "u"}, {"callable", true}});
        QVERIFY(uuid->hasDefault());
        QCOMPARE(uuid->defaultValue().metaType().id(), QMetaType::QUuid);
        const FieldPtr created = FieldFactory::create({{"type", "DateTimeField"}, {"name", "c"}, {"auto_now_add", true}});
        QVERIFY(!created->isEditable());
        const FieldPtr fkField = FieldFactory::create(
            {{"type", "ForeignKey"}, {"name", "a"}, {"to", "blog.Author"}, {"on_delete", "SET_NULL"}, {"null", true}});
        const auto *fk = dynamic_cast<const ForeignKey *>(fkField.get());
        QVERIFY(fk);
        QCOMPARE(fk->onDelete(), OnDelete::SetNull);
        QCOMPARE(fk->attname(), u"a_id"_s);
        QVERIFY(FieldFactory::knownTypes().contains("ManyToManyField"));
        QCOMPARE(FieldFactory::knownTypes().size(), 21);
    }

    void factoryErrors()
    {
        try {
            FieldFactory::create({{"type", "MoneyField"}, {"name", "m"}});
            QFAIL("unknown type accepted");
        } catch (const FieldError &e) {
            QVERIFY(e.message().startsWith("Unknown field type 'MoneyField'. Known types: "));
            QVERIFY(e.message().contains("CharField") && e.message().contains("ForeignKey"));
        }
        QVERIFY_THROWS_EXCEPTION(FieldError, FieldFactory::create({{"type", "CharField"}, {"name", "c"}})); // no max_length
        QVERIFY_THROWS_EXCEPTION(FieldError, FieldFactory::create({{"type", "DecimalField"}, {"name", "d"}, {"max_digits", 5}}));
        QVERIFY_THROWS_EXCEPTION(FieldError, FieldFactory::create({{"type", "CharField"}, {"max_length", 5}})); // no name
        QVERIFY_THROWS_EXCEPTION(FieldError, FieldFactory::create({{"type", "ForeignKey"}, {"name", "f"}, {"to", "a.B"}}));
        QVERIFY_THROWS_EXCEPTION(FieldError, FieldFactory::create({{"type", "ForeignKey"}, {"name", "f"}, {"on_delete", "CASCADE"}}));
        QVERIFY_THROWS_EXCEPTION(FieldError, FieldFactory::create({{"type", "ForeignKey"}, {"name", "f"}, {"to", "a.B"}, {"on_delete", "EXPLODE"}}));
        QVERIFY_THROWS_EXCEPTION(FieldError, FieldFactory::create({{"type", "ManyToManyField"}, {"name", "m"}}));
    }

    // Relations need ModelMeta (and Model for instances), both from the ORM library.
    void relations()
    {
        auto authorFk = std::make_shared<ForeignKey>("author", "Author", OnDelete::Cascade);
        auto profile = std::make_shared<OneToOneField>("owner", "blog.Author", OnDelete::Cascade, FieldOptions{.relatedName = "profile"});
        auto tags = std::make_shared<ManyToManyField>("tags", "blog.Tag");
        auto friends = std::make_shared<ManyToManyField>("friends", "self");
        const ModelMeta author("blog", "Author", {std::make_shared<AutoField>("id", FieldOptions{.primaryKey = true}), friends}, {});
        const ModelMeta tag("blog", "Tag", {std::make_shared<BigAutoField>("id", FieldOptions{.primaryKey = true})}, {});
        const ModelMeta post("blog", "BlogPost", {std::make_shared<AutoField>("id", FieldOptions{.primaryKey = true}), authorFk, profile, tags},
                             {.dbTable = "posts"});
        authorFk->setRelatedModel(&author);
        profile->setRelatedModel(&author);
        tags->setRelatedModel(&tag);
        friends->setRelatedModel(&author);

        QCOMPARE(authorFk->relatedAccessorName(), u"blogpost_set"_s);
        QCOMPARE(authorFk->relatedQueryName(), u"blogpost"_s);
        QCOMPARE(profile->relatedAccessorName(), u"profile"_s);
        QCOMPARE(OneToOneField("x", "blog.Author", OnDelete::Cascade).relatedAccessorName(), u""_s);
        QVERIFY(authorFk->reverseIsMultiple());
        QVERIFY(!profile->reverseIsMultiple());
        QVERIFY(profile->isUnique());
        QVERIFY(authorFk->options().dbIndex);
        QCOMPARE(authorFk->attname(), u"author_id"_s);
        QCOMPARE(authorFk->column(), u"author_id"_s);
        QCOMPARE(authorFk->targetField(), author.pk());
        QCOMPARE(authorFk->deconstruct().value("to"), QVariant("blog.Author")); // same-app name made a label
        QVERIFY_THROWS_EXCEPTION(ImproperlyConfigured, ForeignKey("x", "nowhere.Model", OnDelete::Cascade).targetField());

        // ForeignKey values: a pk or an instance, coerced by the target's pk field.
        QCOMPARE(authorFk->clean("5"), QVariant(qlonglong(5)));
        Model instance(&author);
        instance.setPk(qlonglong(9));
        QCOMPARE(authorFk->clean(QVariant::fromValue(instance)), QVariant(qlonglong(9)));
        QVERIFY(authorFk->clean(QVariant()).isNull());
        QCOMPARE(cleanError(*authorFk, "abc"), u"\u201cabc\u201d value must be an integer."_s); // filed under "author"
        QCOMPARE(cleanError(*tags, QVariantList{"x"}), u"\u201cx\u201d value must be an integer."_s);
        QCOMPARE(authorFk->toDatabase(QVariant::fromValue(instance), sqlite), QVariant(qlonglong(9)));
        QCOMPARE(authorFk->fromDatabase(qlonglong(9), postgres), QVariant(qlonglong(9)));
        QVERIFY(!authorFk->fromDatabase(typedNull<qlonglong>(), sqlite).isValid());

        // ManyToMany: Django's table and column names.
        QCOMPARE(tags->throughTable(), u"posts_tags"_s); // the owner's db_table, as Django
        QCOMPARE(tags->sourceColumn(), u"blogpost_id"_s);
        QCOMPARE(tags->targetColumn(), u"tag_id"_s);
        QCOMPARE(friends->throughTable(), u"blog_author_friends"_s);
        QCOMPARE(friends->sourceColumn(), u"from_author_id"_s);
        QCOMPARE(friends->targetColumn(), u"to_author_id"_s);
        QCOMPARE(friends->deconstruct().value("to"), QVariant("blog.Author"));
        QCOMPARE(tags->relatedAccessorName(), u"blogpost_set"_s);
        QVERIFY(!tags->isConcrete());
        QCOMPARE(tags->clean(QVariantList{"1", 2}), QVariant(QVariantList{qlonglong(1), qlonglong(2)}));
        QCOMPARE(friends->clean(QVariantList{QVariant::fromValue(instance)}), QVariant(QVariantList{qlonglong(9)}));
        QCOMPARE(tags->clean(QVariant()), QVariant(QVariantList()));
        QCOMPARE(tags->validate(QVariantList()), QStringList{"This field is required."});
        QVERIFY(ManyToManyField("t", "blog.Tag", {.blank = true}).validate(QVariantList()).isEmpty());
        QVERIFY(tags->validate(QVariantList{1}).isEmpty());
        QCOMPARE(tags->jsonType(), Field::JsonType::Array);
        QCOMPARE(tags->widgetHint(), Field::WidgetHint::ManyToManySelector);
    }
};

QTEST_GUILESS_MAIN(TestFields)
#include "tst_fields.moc"
