#include "db/SqliteOperations.h"
#include "orm/Exceptions.h"
#include "orm/Field.h"
#include <QHash>

namespace quango {

using namespace Qt::Literals::StringLiterals;

// Django's django/db/backends/sqlite3/base.py data_types.
const QHash<QString, QString> &SqliteOperations::dataTypes() const
{
    static const QHash<QString, QString> types = {
        {u"AutoField"_s, u"integer"_s},
        {u"BigAutoField"_s, u"integer"_s},
        {u"CharField"_s, u"varchar({max_length})"_s},
        {u"EmailField"_s, u"varchar({max_length})"_s},
        {u"URLField"_s, u"varchar({max_length})"_s},
        {u"SlugField"_s, u"varchar({max_length})"_s},
        {u"TextField"_s, u"text"_s},
        {u"IntegerField"_s, u"integer"_s},
        {u"BigIntegerField"_s, u"bigint"_s},
        {u"PositiveIntegerField"_s, u"integer unsigned"_s},
        {u"PositiveSmallIntegerField"_s, u"smallint unsigned"_s},
        {u"FloatField"_s, u"real"_s},
        {u"DecimalField"_s, u"decimal"_s},
        {u"BooleanField"_s, u"bool"_s},
        {u"DateField"_s, u"date"_s},
        {u"DateTimeField"_s, u"datetime"_s},
        {u"UUIDField"_s, u"char(32)"_s},
        {u"JSONField"_s, u"text"_s},
    };
    return types;
}

QString SqliteOperations::autoPrimaryKeyDefinition(const Field &field) const
{
    return quoteName(field.column()) + u" integer NOT NULL PRIMARY KEY AUTOINCREMENT"_s;
}

QString SqliteOperations::lookupOperator(const QString &lookup, const QString &lhs) const
{
    // Django's sqlite3 operators, except that contains/startswith/endswith use
    // GLOB: SQLite's LIKE ignores ASCII case, and Django's lookups are case-sensitive.
    static const QHash<QString, QString> ops = {
        {u"exact"_s, u" = %s"_s},
        {u"gt"_s, u" > %s"_s},
        {u"gte"_s, u" >= %s"_s},
        {u"lt"_s, u" < %s"_s},
        {u"lte"_s, u" <= %s"_s},
        {u"iexact"_s, u" LIKE %s ESCAPE '\\'"_s},
        {u"contains"_s, u" GLOB %s"_s},
        {u"startswith"_s, u" GLOB %s"_s},
        {u"endswith"_s, u" GLOB %s"_s},
        {u"icontains"_s, u" LIKE %s ESCAPE '\\'"_s},
        {u"istartswith"_s, u" LIKE %s ESCAPE '\\'"_s},
        {u"iendswith"_s, u" LIKE %s ESCAPE '\\'"_s},
        {u"regex"_s, u" REGEXP %s"_s},
        {u"iregex"_s, u" REGEXP ('(?i)' || %s)"_s},
    };
    const auto it = ops.constFind(lookup);
    if (it == ops.constEnd()) {
        QStringList names = ops.keys();
        names.sort();
        throw FieldError(u"Unsupported lookup '%1' on SQLite. Supported lookups: %2"_s.arg(lookup, names.join(u", "_s)));
    }
    return lhs + *it;
}

QString SqliteOperations::patternValue(const QString &lookup, const QString &value) const
{
    const bool contains = lookup == u"contains"_s;
    const bool starts = lookup == u"startswith"_s;
    const bool ends = lookup == u"endswith"_s;
    if (!contains && !starts && !ends)
        return DatabaseOperations::patternValue(lookup, value);
    // GLOB's wildcards are * ? and [...]; a bracket expression matches them literally.
    QString escaped;
    escaped.reserve(value.size() + 2);
    for (const QChar c : value) {
        if (c == u'*' || c == u'?' || c == u'[') {
            escaped += u'[';
            escaped += c;
            escaped += u']';
        } else {
            escaped += c;
        }
    }
    if (contains)
        return u'*' + escaped + u'*';
    if (starts)
        return escaped + u'*';
    return u'*' + escaped;
}

QString SqliteOperations::dateExtractSql(const QString &part, const QString &col) const
{
    auto strftime = [&](const QString &format, const QString &of) {
        return u"CAST(strftime('"_s + format + u"', "_s + of + u") AS INTEGER)"_s;
    };
    // The Thursday of the value's ISO week: its year and ordinal give the ISO
    // year and week (SQLite before 3.46 has no %V/%G).
    const QString isoThursday = u"date("_s + col + u", '-3 days', 'weekday 4')"_s;
    if (part == u"year"_s) return strftime(u"%Y"_s, col);
    if (part == u"month"_s) return strftime(u"%m"_s, col);
    if (part == u"day"_s) return strftime(u"%d"_s, col);
    if (part == u"hour"_s) return strftime(u"%H"_s, col);
    if (part == u"minute"_s) return strftime(u"%M"_s, col);
    if (part == u"second"_s) return strftime(u"%S"_s, col);
    if (part == u"week_day"_s) // Django: 1 = Sunday ... 7 = Saturday
        return u'(' + strftime(u"%w"_s, col) + u" + 1)"_s;
    if (part == u"iso_week_day"_s) // 1 = Monday ... 7 = Sunday
        return u"((("_s + strftime(u"%w"_s, col) + u" + 6) % 7) + 1)"_s;
    if (part == u"quarter"_s)
        return u"(("_s + strftime(u"%m"_s, col) + u" + 2) / 3)"_s;
    if (part == u"week"_s)
        return u"((("_s + strftime(u"%j"_s, isoThursday) + u" - 1) / 7) + 1)"_s;
    if (part == u"iso_year"_s)
        return strftime(u"%Y"_s, isoThursday);
    throw FieldError(u"Unsupported date part '%1'. Supported: year, month, day, week_day, iso_week_day, hour, minute, second, quarter, week, iso_year"_s.arg(part));
}

QString SqliteOperations::limitOffsetSql(qint64 limit, qint64 offset) const
{
    if (limit < 0 && offset > 0)
        return u" LIMIT -1 OFFSET "_s + QString::number(offset);
    return DatabaseOperations::limitOffsetSql(limit, offset);
}

QString SqliteOperations::dateCastSql(const QString &col) const { return u"date("_s + col + u')'; }

namespace {
inline void putDigits(QChar *out, int value, int count)
{
    for (int i = count - 1; i >= 0; --i) {
        out[i] = QChar(char16_t(u'0' + value % 10));
        value /= 10;
    }
}

// "yyyy-MM-dd" written digit by digit (years 1..9999, else Qt's formatter).
QString formatDate(const QDate &date)
{
    const int y = date.year();
    if (y < 1 || y > 9999)
        return date.toString(Qt::ISODate);
    QString out(10, Qt::Uninitialized);
    QChar *p = out.data();
    putDigits(p, y, 4);
    p[4] = u'-';
    putDigits(p + 5, date.month(), 2);
    p[7] = u'-';
    putDigits(p + 8, date.day(), 2);
    return out;
}
} // namespace

QVariant SqliteOperations::adaptDateTime(const QDateTime &value) const
{
    if (!value.isValid())
        return QVariant();
    // Django's text form, always UTC: microseconds only when there are any.
    const QDateTime utc = value.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    if (date.year() < 1 || date.year() > 9999)
        return utc.toString(u"yyyy-MM-dd HH:mm:ss"_s);
    const int ms = time.msec();
    QString out(ms ? 26 : 19, Qt::Uninitialized);
    QChar *p = out.data();
    putDigits(p, date.year(), 4);
    p[4] = u'-';
    putDigits(p + 5, date.month(), 2);
    p[7] = u'-';
    putDigits(p + 8, date.day(), 2);
    p[10] = u' ';
    putDigits(p + 11, time.hour(), 2);
    p[13] = u':';
    putDigits(p + 14, time.minute(), 2);
    p[16] = u':';
    putDigits(p + 17, time.second(), 2);
    if (ms) {
        p[19] = u'.';
        putDigits(p + 20, ms * 1000, 6);
    }
    return out;
}

QVariant SqliteOperations::adaptDate(const QDate &value) const
{
    return value.isValid() ? QVariant(formatDate(value)) : QVariant();
}

QVariant SqliteOperations::adaptUuid(const QUuid &value) const
{
    return value.toString(QUuid::Id128); // Django: 32 hex digits, no dashes
}

QVariant SqliteOperations::adaptDecimal(const QString &value) const { return value; }

QStringList SqliteOperations::connectionInitStatements() const
{
    return {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s};
}

} // namespace quango
