#include "serializers/DjangoJsonEncoder.h"
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLocale>
#include <QUuid>
#include <cmath>

namespace quango {

QString DjangoJsonEncoder::newline(int level) const
{
    if (!indented())
        return QString();
    return QLatin1Char('\n') + QString(level * m_indent, QLatin1Char(' '));
}

QString DjangoJsonEncoder::quote(const QString &text)
{
    // json.dumps with ensure_ascii=False: only '"', '\\' and control
    // characters are escaped.
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\r': out += QLatin1String("\\r"); break;
        case '\t': out += QLatin1String("\\t"); break;
        case '\b': out += QLatin1String("\\b"); break;
        case '\f': out += QLatin1String("\\f"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

QString DjangoJsonEncoder::formatDouble(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    // The shortest round-tripping digits, laid out as Python's float repr:
    // positional for exponents -5..15, else d.ddde+XX.
    const QString e = QString::number(value, 'e', QLocale::FloatingPointShortest);
    const qsizetype ePos = e.indexOf(QLatin1Char('e'));
    QString mantissa = e.left(ePos);
    const int exponent = e.mid(ePos + 1).toInt();
    const bool negative = mantissa.startsWith(QLatin1Char('-'));
    if (negative)
        mantissa.remove(0, 1);
    QString digits = mantissa;
    digits.remove(QLatin1Char('.'));
    const int decpt = exponent + 1;
    QString out;
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0)
            out = QStringLiteral("0.") + QString(-decpt, QLatin1Char('0')) + digits;
        else if (decpt >= digits.size())
            out = digits + QString(decpt - digits.size(), QLatin1Char('0')) + QStringLiteral(".0");
        else
            out = digits.left(decpt) + QLatin1Char('.') + digits.mid(decpt);
    } else {
        out = digits.left(1);
        if (digits.size() > 1)
            out += QLatin1Char('.') + digits.mid(1);
        out += QStringLiteral("e%1%2").arg(exponent < 0 ? QLatin1Char('-') : QLatin1Char('+')).arg(std::abs(exponent), 2, 10, QLatin1Char('0'));
    }
    return negative ? QLatin1Char('-') + out : out;
}

QString DjangoJsonEncoder::formatDateTime(const QDateTime &value)
{
    // DjangoJSONEncoder: isoformat() cut to milliseconds, "+00:00" as "Z".
    const QDateTime utc = value.toUTC();
    QString text = utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (utc.time().msec() != 0)
        text += QStringLiteral(".%1").arg(utc.time().msec(), 3, 10, QLatin1Char('0'));
    return text + QLatin1Char('Z');
}

QString DjangoJsonEncoder::encode(const QVariant &value, int level) const
{
    QString out;
    encode(out, value, level);
    return out;
}

void DjangoJsonEncoder::encode(QString &out, const QVariant &value, int level) const
{
    if (!value.isValid() || value.isNull()) {
        out += QLatin1String("null");
        return;
    }
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        out += value.toBool() ? QLatin1String("true") : QLatin1String("false");
        return;
    case QMetaType::Int: case QMetaType::LongLong: case QMetaType::Short: case QMetaType::Long:
        out += QString::number(value.toLongLong());
        return;
    case QMetaType::UInt: case QMetaType::ULongLong: case QMetaType::UShort: case QMetaType::ULong:
        out += QString::number(value.toULongLong());
        return;
    case QMetaType::Double: case QMetaType::Float:
        out += formatDouble(value.toDouble());
        return;
    case QMetaType::QDateTime:
        out += quote(formatDateTime(value.toDateTime()));
        return;
    case QMetaType::QDate:
        out += quote(value.toDate().toString(Qt::ISODate));
        return;
    case QMetaType::QTime: {
        const QTime t = value.toTime();
        out += quote(t.toString(t.msec() ? QStringLiteral("HH:mm:ss.zzz") : QStringLiteral("HH:mm:ss")));
        return;
    }
    case QMetaType::QUuid:
        out += quote(value.toUuid().toString(QUuid::WithoutBraces));
        return;
    case QMetaType::QJsonValue: case QMetaType::QJsonObject: case QMetaType::QJsonArray: case QMetaType::QJsonDocument: {
        const QVariant plain = value.metaType().id() == QMetaType::QJsonDocument
            ? (value.toJsonDocument().isArray() ? QVariant(value.toJsonDocument().array().toVariantList())
                                                : QVariant(value.toJsonDocument().object().toVariantMap()))
            : value.toJsonValue().toVariant();
        encode(out, plain, level);
        return;
    }
    case QMetaType::QVariantMap: case QMetaType::QVariantHash: {
        const QVariantMap map = value.metaType().id() == QMetaType::QVariantMap ? value.toMap() : QVariantMap();
        QVariantMap sorted = map;
        if (value.metaType().id() == QMetaType::QVariantHash) {
            const QVariantHash hash = value.toHash();
            for (auto it = hash.cbegin(); it != hash.cend(); ++it)
                sorted.insert(it.key(), it.value());
        }
        if (sorted.isEmpty()) {
            out += QLatin1String("{}");
            return;
        }
        out += QLatin1Char('{');
        bool first = true;
        for (auto it = sorted.cbegin(); it != sorted.cend(); ++it) {
            if (!first)
                out += itemSeparator();
            first = false;
            out += newline(level + 1) + quote(it.key()) + QLatin1String(": ");
            encode(out, it.value(), level + 1);
        }
        out += newline(level) + QLatin1Char('}');
        return;
    }
    case QMetaType::QVariantList: case QMetaType::QStringList: {
        const QVariantList list = value.toList();
        if (list.isEmpty()) {
            out += QLatin1String("[]");
            return;
        }
        out += QLatin1Char('[');
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (i)
                out += itemSeparator();
            out += newline(level + 1);
            encode(out, list.at(i), level + 1);
        }
        out += newline(level) + QLatin1Char(']');
        return;
    }
    default:
        out += quote(value.toString());
    }
}

} // namespace quango
