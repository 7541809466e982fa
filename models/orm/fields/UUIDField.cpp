#include "orm/fields/UUIDField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QUuid>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

// 32 hex digits, dashes anywhere ignored (Python's uuid.UUID(hex=...)).
bool parseUuid(QStringView text, QUuid &out)
{
    if (text.startsWith(u"urn:uuid:", Qt::CaseInsensitive))
        text = text.mid(9);
    if (text.size() >= 2 && text.front() == u'{' && text.back() == u'}')
        text = text.mid(1, text.size() - 2);
    uchar bytes[16];
    int nibbles = 0;
    for (const QChar c : text) {
        if (c == u'-')
            continue;
        const int v = hexValue(c.unicode());
        if (v < 0 || nibbles >= 32)
            return false;
        if (nibbles % 2 == 0)
            bytes[nibbles / 2] = uchar(v << 4);
        else
            bytes[nibbles / 2] |= uchar(v);
        ++nibbles;
    }
    if (nibbles != 32)
        return false;
    out = QUuid(uint(bytes[0]) << 24 | uint(bytes[1]) << 16 | uint(bytes[2]) << 8 | uint(bytes[3]),
                ushort(bytes[4] << 8 | bytes[5]), ushort(bytes[6] << 8 | bytes[7]),
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
    return true;
}
} // namespace

QVariant UUIDField::clean(const QVariant &value) const
{
    if (value.isNull())
        return QVariant();
    switch (value.metaType().id()) {
    case QMetaType::QUuid:
        return value;
    case QMetaType::Int: case QMetaType::LongLong: case QMetaType::UInt: case QMetaType::ULongLong: {
        // Django: uuid.UUID(int=value).
        const qulonglong n = value.toULongLong();
        if (value.toLongLong() < 0 && value.metaType().id() != QMetaType::ULongLong && value.metaType().id() != QMetaType::UInt)
            break;
        return QUuid(0, 0, 0, uchar(n >> 56), uchar(n >> 48), uchar(n >> 40), uchar(n >> 32), uchar(n >> 24),
                     uchar(n >> 16), uchar(n >> 8), uchar(n));
    }
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        if (bytes.size() == 16)
            return QUuid::fromRfc4122(bytes);
        QUuid uuid;
        if (parseUuid(QString::fromLatin1(bytes).trimmed(), uuid))
            return uuid;
        break;
    }
    default: {
        const QString text = value.toString().trimmed();
        if (text.isEmpty())
            return QVariant(); // an empty form input
        QUuid uuid;
        if (parseUuid(text, uuid))
            return uuid;
        break;
    }
    }
    raiseInvalid(u"\u201c%1\u201d is not a valid UUID."_s.arg(value.toString()));
}

QVariant UUIDField::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull())
        return QVariant();
    const QVariant cleaned = clean(value);
    return cleaned.isNull() ? QVariant() : ops.adaptUuid(cleaned.toUuid());
}

QVariant UUIDField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.isNull())
        return QVariant();
    switch (value.metaType().id()) {
    case QMetaType::QUuid:
        return value;
    case QMetaType::QString: {
        // SQLite: 32 hex digits; PostgreSQL: the dashed form. Parsed in place.
        QUuid uuid;
        if (parseUuid(value.toString(), uuid))
            return uuid;
        return QVariant();
    }
    default:
        try {
            return clean(value);
        } catch (const ValidationError &) {
            return QVariant();
        }
    }
}

QString UUIDField::displayValue(const QVariant &value) const
{
    if (value.isNull())
        return QString();
    if (!m_options.choices.isEmpty())
        return choiceLabel(value);
    return value.toUuid().toString(QUuid::WithoutBraces);
}

} // namespace quango
