#include "db/SqliteOperations.h"
#include "orm/Exceptions.h"
#include "orm/Field.h"
#include <QHash>
#include <QTimeZone>

namespace quango {

QString SqliteOperations::columnType(const Field &field) const
{
    static const QHash<QString, QString> types = {
        {QStringLiteral("AutoField"), QStringLiteral("integer")},
        {QStringLiteral("BigAutoField"), QStringLiteral("integer")},
        {QStringLiteral("CharField"), QStringLiteral("varchar(%1)")},
        {QStringLiteral("EmailField"), QStringLiteral("varchar(%1)")},
        {QStringLiteral("URLField"), QStringLiteral("varchar(%1)")},
        {QStringLiteral("SlugField"), QStringLiteral("varchar(%1)")},
        {QStringLiteral("TextField"), QStringLiteral("text")},
        {QStringLiteral("IntegerField"), QStringLiteral("integer")},
        {QStringLiteral("BigIntegerField"), QStringLiteral("bigint")},
        {QStringLiteral("PositiveIntegerField"), QStringLiteral("integer unsigned")},
        {QStringLiteral("FloatField"), QStringLiteral("real")},
        {QStringLiteral("DecimalField"), QStringLiteral("decimal")},
        {QStringLiteral("BooleanField"), QStringLiteral("bool")},
        {QStringLiteral("DateField"), QStringLiteral("date")},
        {QStringLiteral("DateTimeField"), QStringLiteral("datetime")},
        {QStringLiteral("UUIDField"), QStringLiteral("char(32)")},
        {QStringLiteral("JSONField"), QStringLiteral("text")},
    };
    const auto it = types.constFind(field.internalType());
    if (it == types.constEnd())
        throw FieldError(QStringLiteral("SQLite has no column type for %1 (field '%2').").arg(field.internalType(), field.name()));
    QString type = *it;
    if (type.contains(QLatin1String("%1")))
        type = type.arg(field.typeParameters().value(QStringLiteral("max_length")).toInt());
    return type;
}

QString SqliteOperations::autoPrimaryKeyDefinition(const Field &field) const
{
    return quoteName(field.column()) + QStringLiteral(" integer NOT NULL PRIMARY KEY AUTOINCREMENT");
}

QString SqliteOperations::lookupOperator(const QString &lookup, const QString &lhs) const
{
    static const QHash<QString, QString> ops = {
        {QStringLiteral("exact"), QStringLiteral("%1 = %s")},
        {QStringLiteral("gt"), QStringLiteral("%1 > %s")},
        {QStringLiteral("gte"), QStringLiteral("%1 >= %s")},
        {QStringLiteral("lt"), QStringLiteral("%1 < %s")},
        {QStringLiteral("lte"), QStringLiteral("%1 <= %s")},
        {QStringLiteral("iexact"), QStringLiteral("%1 LIKE %s ESCAPE '\\'")},
        {QStringLiteral("contains"), QStringLiteral("%1 GLOB %s")},
        {QStringLiteral("startswith"), QStringLiteral("%1 GLOB %s")},
        {QStringLiteral("endswith"), QStringLiteral("%1 GLOB %s")},
        {QStringLiteral("icontains"), QStringLiteral("%1 LIKE %s ESCAPE '\\'")},
        {QStringLiteral("istartswith"), QStringLiteral("%1 LIKE %s ESCAPE '\\'")},
        {QStringLiteral("iendswith"), QStringLiteral("%1 LIKE %s ESCAPE '\\'")},
        {QStringLiteral("regex"), QStringLiteral("%1 REGEXP %s")},
        {QStringLiteral("iregex"), QStringLiteral("%1 REGEXP ('(?i)' || %s)")},
    };
    const auto it = ops.constFind(lookup);
    if (it == ops.constEnd())
        throw FieldError(QStringLiteral("Unsupported lookup '%1' on SQLite. Supported: %2").arg(lookup, QStringList(ops.keys()).join(QStringLiteral(", "))));
    return it->arg(lhs);
}

QString SqliteOperations::patternValue(const QString &lookup, const QString &value) const
{
    // Case-sensitive matching uses GLOB, whose wildcards are * ? [ .
    if (lookup == QLatin1String("contains") || lookup == QLatin1String("startswith") || lookup == QLatin1String("endswith")) {
        QString escaped;
        for (const QChar c : value) {
            if (c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('['))
                escaped += QLatin1Char('[') + c + QLatin1Char(']');
            else
                escaped += c;
        }
        if (lookup == QLatin1String("contains"))
            return QLatin1Char('*') + escaped + QLatin1Char('*');
        if (lookup == QLatin1String("startswith"))
            return escaped + QLatin1Char('*');
        return QLatin1Char('*') + escaped;
    }
    return DatabaseOperations::patternValue(lookup, value);
}

QString SqliteOperations::dateExtractSql(const QString &part, const QString &col) const
{
    static const QHash<QString, QString> formats = {
        {QStringLiteral("year"), QStringLiteral("%Y")}, {QStringLiteral("month"), QStringLiteral("%m")},
        {QStringLiteral("day"), QStringLiteral("%d")}, {QStringLiteral("hour"), QStringLiteral("%H")},
        {QStringLiteral("minute"), QStringLiteral("%M")}, {QStringLiteral("second"), QStringLiteral("%S")},
        {QStringLiteral("week"), QStringLiteral("%W")},
    };
    if (part == QLatin1String("week_day")) // Django: 1 = Sunday ... 7 = Saturday
        return QStringLiteral("(CAST(strftime('%w', %1) AS INTEGER) + 1)").arg(col);
    if (part == QLatin1String("quarter"))
        return QStringLiteral("((CAST(strftime('%m', %1) AS INTEGER) + 2) / 3)").arg(col);
    const auto it = formats.constFind(part);
    if (it == formats.constEnd())
        throw FieldError(QStringLiteral("Unsupported date part '%1'. Supported: year, month, day, week_day, hour, minute, second, quarter, week").arg(part));
    return QStringLiteral("CAST(strftime('%1', %2) AS INTEGER)").arg(*it, col);
}

QString SqliteOperations::limitOffsetSql(qint64 limit, qint64 offset) const
{
    if (limit < 0 && offset > 0)
        return QStringLiteral(" LIMIT -1 OFFSET %1").arg(offset);
    return DatabaseOperations::limitOffsetSql(limit, offset);
}

QString SqliteOperations::dateCastSql(const QString &col) const { return QStringLiteral("date(%1)").arg(col); }

QVariant SqliteOperations::adaptDateTime(const QDateTime &value) const
{
    const QDateTime utc = value.toUTC();
    // Django's text form: microseconds only when there are any.
    if (utc.time().msec() == 0)
        return utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QStringLiteral("000");
}

QDateTime SqliteOperations::convertDateTime(const QVariant &value) const
{
    if (value.metaType().id() == QMetaType::QDateTime)
        return value.toDateTime().toUTC();
    QString text = value.toString().trimmed();
    if (text.endsWith(QLatin1Char('Z')))
        text.chop(1);
    if (text.endsWith(QLatin1String("+00:00")))
        text.chop(6);
    if (text.size() > 10 && text.at(10) == QLatin1Char('T'))
        text[10] = QLatin1Char(' ');
    QDateTime dt;
    const qsizetype dot = text.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        // Keep milliseconds of a microsecond fraction.
        const QString fraction = (text.mid(dot + 1) + QStringLiteral("000")).left(3);
        dt = QDateTime::fromString(text.left(dot) + QLatin1Char('.') + fraction, QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    } else {
        dt = QDateTime::fromString(text, text.size() == 16 ? QStringLiteral("yyyy-MM-dd HH:mm") : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    if (!dt.isValid())
        return QDateTime();
    dt.setTimeSpec(Qt::UTC);
    return dt;
}

QVariant SqliteOperations::adaptDate(const QDate &value) const { return value.toString(Qt::ISODate); }

// "yyyy-MM-dd" read digit by digit: this runs once per date column of every
// row read, and QDate::fromString costs several times more.
static bool parseIsoDate(const QString &text, int &y, int &m, int &d)
{
    if (text.size() < 10 || text.at(4) != QLatin1Char('-') || text.at(7) != QLatin1Char('-'))
        return false;
    auto digits = [&](int from, int count, int &out) {
        out = 0;
        for (int i = from; i < from + count; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9')
                return false;
            out = out * 10 + (c - u'0');
        }
        return true;
    };
    return digits(0, 4, y) && digits(5, 2, m) && digits(8, 2, d);
}

QDate SqliteOperations::convertDate(const QVariant &value) const
{
    if (value.metaType().id() == QMetaType::QDate)
        return value.toDate();
    const QString text = value.toString();
    int y, m, d;
    if (parseIsoDate(text, y, m, d))
        return QDate(y, m, d);
    return QDate::fromString(text.left(10), Qt::ISODate);
}

QVariant SqliteOperations::adaptUuid(const QUuid &value) const { return value.toString(QUuid::Id128); }

QVariant SqliteOperations::adaptDecimal(const QString &value) const { return value; }

QStringList SqliteOperations::connectionInitStatements() const
{
    return {QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA synchronous = NORMAL")};
}

} // namespace quango
