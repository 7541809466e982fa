#pragma once
#include <QString>
#include <QVariant>

namespace quango {

// Python's json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False) as
// Django's JSON serializer calls it, byte for byte: the same separators
// (", " without indent, "," with it), indentation, string escapes and float
// repr, and DjangoJSONEncoder's forms for the types JSON lacks: datetimes as
// "2024-01-02T03:04:05.123Z" (milliseconds only when non-zero, UTC as "Z"),
// dates "YYYY-MM-DD", UUIDs without braces. Maps are written in key order.
class DjangoJsonEncoder {
public:
    explicit DjangoJsonEncoder(int indent = -1) : m_indent(indent) {}
    int indent() const { return m_indent; }
    bool indented() const { return m_indent > 0; }

    QString encode(const QVariant &value, int level = 0) const;
    void encode(QString &out, const QVariant &value, int level = 0) const;

    // Pieces for writers that lay out their own objects in field order.
    QString itemSeparator() const { return indented() ? QStringLiteral(",") : QStringLiteral(", "); }
    QString newline(int level) const; // "\n" + indentation, or "" without indent
    static QString quote(const QString &text);
    static QString formatDouble(double value);   // Python's repr(float)
    static QString formatDateTime(const QDateTime &value);

private:
    int m_indent;
};

} // namespace quango
