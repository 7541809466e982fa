#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include "orm/Field.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>
#include <cmath>

namespace quango {

using namespace Qt::Literals::StringLiterals;

QString DatabaseOperations::quoteName(const QString &name) const
{
    // Django: quoting once is enough.
    if (name.size() > 1 && name.startsWith(u'"') && name.endsWith(u'"'))
        return name;
    QString escaped = name;
    escaped.replace(u"\""_s, u"\"\""_s);
    return u'"' + escaped + u'"';
}

QString DatabaseOperations::columnType(const Field &field) const
{
    const auto it = dataTypes().constFind(field.internalType());
    if (it == dataTypes().constEnd())
        throw FieldError(u"%1 has no column type for %2 (field '%3')."_s.arg(vendorName(), field.internalType(), field.name()));
    QString type = *it;
    if (!type.contains(u'{'))
        return type;
    const QVariantMap parameters = field.typeParameters();
    for (auto p = parameters.cbegin(); p != parameters.cend(); ++p)
        type.replace(u'{' + p.key() + u'}', p.value().toString());
    return type;
}

// Django's rel_db_type(): a foreign key to an auto field is a plain integer
// column, and one to a positive integer field carries no check.
QString DatabaseOperations::relatedColumnType(const Field &target) const
{
    const QString type = target.internalType();
    if (type == u"AutoField"_s || type == u"PositiveIntegerField"_s)
        return u"integer"_s;
    if (type == u"PositiveSmallIntegerField"_s)
        return u"smallint"_s;
    if (type == u"BigAutoField"_s)
        return u"bigint"_s;
    return columnType(target);
}

QString DatabaseOperations::columnCheck(const Field &field) const
{
    if (field.internalType() == u"PositiveIntegerField"_s || field.internalType() == u"PositiveSmallIntegerField"_s)
        return quoteName(field.column()) + u" >= 0"_s;
    return {};
}

// LIKE patterns: '%', '_' and the escape character itself are escaped with a
// backslash (the SQL says ESCAPE '\' on SQLite; it is PostgreSQL's default).
QString DatabaseOperations::patternValue(const QString &lookup, const QString &value) const
{
    static const QStringList patterned = {u"iexact"_s, u"contains"_s, u"icontains"_s, u"startswith"_s,
                                          u"istartswith"_s, u"endswith"_s, u"iendswith"_s};
    if (!patterned.contains(lookup))
        return value;
    QString escaped;
    escaped.reserve(value.size() + 4);
    for (const QChar c : value) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped += u'\\';
        escaped += c;
    }
    if (lookup == u"contains"_s || lookup == u"icontains"_s)
        return u'%' + escaped + u'%';
    if (lookup == u"startswith"_s || lookup == u"istartswith"_s)
        return escaped + u'%';
    if (lookup == u"endswith"_s || lookup == u"iendswith"_s)
        return u'%' + escaped;
    return escaped; // iexact
}

QString DatabaseOperations::limitOffsetSql(qint64 limit, qint64 offset) const
{
    QString sql;
    if (limit >= 0)
        sql += u" LIMIT "_s + QString::number(limit);
    if (offset > 0)
        sql += u" OFFSET "_s + QString::number(offset);
    return sql;
}

static QString quoteText(QString text)
{
    text.replace(u"'"_s, u"''"_s);
    return u'\'' + text + u'\'';
}

QString DatabaseOperations::quoteValue(const QVariant &value) const
{
    if (value.isNull())
        return u"NULL"_s;
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        if (vendor() == Vendor::Sqlite)
            return value.toBool() ? u"1"_s : u"0"_s;
        return value.toBool() ? u"true"_s : u"false"_s;
    case QMetaType::Int: case QMetaType::UInt: case QMetaType::Long: case QMetaType::LongLong:
    case QMetaType::Short: case QMetaType::UShort: case QMetaType::Char: case QMetaType::SChar: case QMetaType::UChar:
        return QString::number(value.toLongLong());
    case QMetaType::ULong: case QMetaType::ULongLong:
        return QString::number(value.toULongLong());
    case QMetaType::Double: case QMetaType::Float: {
        const double d = value.toDouble();
        if (std::isnan(d))
            return u"'NaN'"_s;
        if (std::isinf(d))
            return d < 0 ? u"'-Infinity'"_s : u"'Infinity'"_s;
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    case QMetaType::QDate:
        return quoteText(adaptDate(value.toDate()).toString());
    case QMetaType::QDateTime: {
        const QVariant adapted = adaptDateTime(value.toDateTime());
        if (adapted.metaType().id() == QMetaType::QDateTime)
            return quoteText(adapted.toDateTime().toUTC().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s) + u"+00:00"_s);
        return quoteText(adapted.toString());
    }
    case QMetaType::QUuid:
        return quoteText(adaptUuid(value.toUuid()).toString());
    case QMetaType::QVariantMap: case QMetaType::QVariantList: case QMetaType::QVariantHash: case QMetaType::QStringList:
        return quoteText(adaptJson(value).toString());
    default:
        return quoteText(value.toString());
    }
}

QVariant DatabaseOperations::adaptJson(const QVariant &value) const
{
    const QJsonValue json = QJsonValue::fromVariant(value);
    switch (json.type()) {
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
    default: {
        // Scalars: serialize through a one-element array and strip the brackets.
        const QByteArray text = QJsonDocument(QJsonArray{json}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(text.mid(1, text.size() - 2));
    }
    }
}

QVariant DatabaseOperations::convertJson(const QVariant &value) const
{
    if (value.isNull())
        return QVariant();
    const int type = value.metaType().id();
    if (type != QMetaType::QString && type != QMetaType::QByteArray)
        return value; // already decoded (a number, a map...)
    const QByteArray text = type == QMetaType::QString ? value.toString().toUtf8() : value.toByteArray();
    QJsonParseError error;
    qsizetype first = 0;
    while (first < text.size() && (text.at(first) == ' ' || text.at(first) == '\n' || text.at(first) == '\t' || text.at(first) == '\r'))
        ++first;
    if (first < text.size() && (text.at(first) == '{' || text.at(first) == '[')) {
        const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
        if (error.error == QJsonParseError::NoError)
            return doc.isObject() ? QVariant(doc.object().toVariantMap()) : QVariant(doc.array().toVariantList());
    } else {
        // A scalar: QJsonDocument only parses objects and arrays.
        const QJsonDocument doc = QJsonDocument::fromJson('[' + text + ']', &error);
        if (error.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1)
            return doc.array().first().toVariant();
    }
    throw DatabaseError(u"A JSON column holds text that is not JSON: %1"_s.arg(QString::fromUtf8(text.left(80))));
}

// ---------------------------------------------------------------------------
// ISO date parsing without allocation.

namespace {
struct Scanner {
    QStringView s;
    qsizetype i = 0;

    bool atEnd() const { return i >= s.size(); }
    char16_t peek() const { return i < s.size() ? s[i].unicode() : char16_t(0); }
    bool eat(char16_t c)
    {
        if (i < s.size() && s[i].unicode() == c) {
            ++i;
            return true;
        }
        return false;
    }
    // Between minCount and maxCount decimal digits; `count` gets how many.
    bool digits(int minCount, int maxCount, int &out, int *count = nullptr)
    {
        out = 0;
        int n = 0;
        while (n < maxCount && i < s.size()) {
            const char16_t c = s[i].unicode();
            if (c < u'0' || c > u'9')
                break;
            out = out * 10 + int(c - u'0');
            ++i;
            ++n;
        }
        if (count)
            *count = n;
        return n >= minCount;
    }
    bool datePart(int &y, int &m, int &d)
    {
        return digits(4, 4, y) && eat(u'-') && digits(1, 2, m) && eat(u'-') && digits(1, 2, d);
    }
};
} // namespace

QDate DatabaseOperations::parseIsoDate(QStringView text, bool *matched)
{
    Scanner sc{text};
    int y, m, d;
    const bool ok = sc.datePart(y, m, d) && sc.atEnd();
    if (matched)
        *matched = ok;
    return ok ? QDate(y, m, d) : QDate();
}

QDateTime DatabaseOperations::parseIsoDateTime(QStringView text, bool *matched)
{
    if (matched)
        *matched = false;
    Scanner sc{text};
    int y, mo, d, h, mi, s = 0, micro = 0;
    if (!sc.datePart(y, mo, d))
        return QDateTime();
    if (!sc.eat(u'T') && !sc.eat(u' ') && !sc.eat(u't'))
        return QDateTime();
    if (!sc.digits(1, 2, h) || !sc.eat(u':') || !sc.digits(1, 2, mi))
        return QDateTime();
    if (sc.eat(u':')) {
        if (!sc.digits(1, 2, s))
            return QDateTime();
        if (sc.eat(u'.') || sc.eat(u',')) {
            int count = 0;
            if (!sc.digits(1, 6, micro, &count))
                return QDateTime();
            for (int k = count; k < 6; ++k)
                micro *= 10;
            int ignored;
            sc.digits(0, 6, ignored); // digits beyond microseconds
        }
    }
    while (sc.peek() == u' ')
        ++sc.i;
    int offsetSeconds = 0;
    if (sc.eat(u'Z') || sc.eat(u'z')) {
        // UTC
    } else if (sc.peek() == u'+' || sc.peek() == u'-') {
        const int sign = sc.peek() == u'-' ? -1 : 1;
        ++sc.i;
        int oh, om = 0;
        if (!sc.digits(2, 2, oh))
            return QDateTime();
        sc.eat(u':');
        if (!sc.atEnd() && !sc.digits(2, 2, om))
            return QDateTime();
        offsetSeconds = sign * (oh * 3600 + om * 60);
    }
    if (!sc.atEnd())
        return QDateTime();
    if (matched)
        *matched = true;
    const QDate date(y, mo, d);
    if (!date.isValid() || h > 23 || mi > 59 || s > 59)
        return QDateTime();
    QDateTime dt(date, QTime(h, mi, s, micro / 1000), Qt::UTC);
    if (offsetSeconds)
        dt = dt.addSecs(-offsetSeconds);
    return dt;
}

QDateTime DatabaseOperations::convertDateTime(const QVariant &value) const
{
    switch (value.metaType().id()) {
    case QMetaType::QDateTime: {
        const QDateTime dt = value.toDateTime();
        return dt.timeSpec() == Qt::UTC ? dt : dt.toUTC();
    }
    case QMetaType::QDate:
        return QDateTime(value.toDate(), QTime(0, 0), Qt::UTC);
    case QMetaType::QString: {
        const QString text = value.toString();
        QDateTime dt = parseIsoDateTime(text);
        if (!dt.isValid()) // date-only text in a datetime column
            dt = QDateTime(parseIsoDate(text), QTime(0, 0), Qt::UTC);
        return dt.isValid() ? dt : QDateTime();
    }
    default:
        if (value.isNull())
            return QDateTime();
        return convertDateTime(value.toString());
    }
}

QDate DatabaseOperations::convertDate(const QVariant &value) const
{
    switch (value.metaType().id()) {
    case QMetaType::QDate:
        return value.toDate();
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().date();
    case QMetaType::QString: {
        const QString text = value.toString();
        const QDate date = parseIsoDate(text);
        if (date.isValid() || text.size() <= 10)
            return date;
        return parseIsoDateTime(text).date(); // a datetime text in a date column
    }
    default:
        return value.isNull() ? QDate() : convertDate(value.toString());
    }
}

} // namespace quango
