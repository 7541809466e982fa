#include "orm/fields/DecimalField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QLocale>
#include <cmath>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
// A decimal number as Python's Decimal tuple: sign, digits, exponent.
struct Decimal {
    bool negative = false;
    QString digits;   // no leading zeros ("0" for zero)
    int exponent = 0; // value = digits * 10^exponent
};

bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }

// [+-]digits[.digits][(e|E)[+-]digits], with at least one mantissa digit.
bool parseDecimal(QStringView text, Decimal &out)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    out = Decimal();
    if (i < n && (text[i] == u'+' || text[i] == u'-'))
        out.negative = text[i++] == u'-';
    QString digits;
    int fraction = 0;
    bool any = false;
    while (i < n && isDigit(text[i])) {
        digits += text[i++];
        any = true;
    }
    if (i < n && text[i] == u'.') {
        ++i;
        while (i < n && isDigit(text[i])) {
            digits += text[i++];
            ++fraction;
            any = true;
        }
    }
    if (!any)
        return false;
    int exponent = 0;
    if (i < n && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        bool negativeExponent = false;
        if (i < n && (text[i] == u'+' || text[i] == u'-'))
            negativeExponent = text[i++] == u'-';
        bool expDigits = false;
        while (i < n && isDigit(text[i])) {
            exponent = exponent * 10 + (text[i++].unicode() - u'0');
            expDigits = true;
            if (exponent > 100000)
                return false;
        }
        if (!expDigits)
            return false;
        if (negativeExponent)
            exponent = -exponent;
    }
    if (i != n)
        return false;
    qsizetype lead = 0;
    while (lead < digits.size() - 1 && digits.at(lead) == u'0')
        ++lead;
    out.digits = digits.mid(lead);
    out.exponent = exponent - fraction;
    return true;
}

// Rounds half to even to `places` decimals and writes "[-]whole.fraction".
QString quantize(const Decimal &value, int places)
{
    QString digits = value.digits;
    int scale = -value.exponent; // digits after the point
    if (scale < places) {
        digits += QString(places - scale, u'0');
    } else if (scale > places) {
        const int drop = scale - places;
        QString kept = drop >= digits.size() ? QString() : digits.left(digits.size() - drop);
        const QString rest = drop >= digits.size() ? QString(drop - digits.size(), u'0') + digits : digits.right(drop);
        // Compare the dropped part with one half (5000...).
        int cmp = 0;
        if (rest.at(0) > u'5')
            cmp = 1;
        else if (rest.at(0) < u'5')
            cmp = -1;
        else
            for (qsizetype k = 1; k < rest.size() && cmp == 0; ++k)
                if (rest.at(k) != u'0')
                    cmp = 1;
        const bool lastOdd = !kept.isEmpty() && (kept.back().unicode() - u'0') % 2 == 1;
        if (cmp > 0 || (cmp == 0 && lastOdd)) {
            qsizetype k = kept.size() - 1;
            while (k >= 0 && kept.at(k) == u'9')
                kept[k--] = u'0';
            if (k < 0)
                kept.prepend(u'1');
            else
                kept[k] = QChar(char16_t(kept.at(k).unicode() + 1));
        }
        digits = kept;
    }
    if (digits.size() <= places)
        digits = QString(places - digits.size() + 1, u'0') + digits;
    QString whole = digits.left(digits.size() - places);
    qsizetype lead = 0;
    while (lead < whole.size() - 1 && whole.at(lead) == u'0')
        ++lead;
    whole = whole.mid(lead);
    const QString fraction = digits.right(places);
    QString out = whole;
    if (places > 0)
        out += u'.' + fraction;
    bool zero = true;
    for (const QChar c : std::as_const(out))
        if (c >= u'1' && c <= u'9')
            zero = false;
    return value.negative && !zero ? u'-' + out : out;
}

// The canonical form clean() produces: [-]digits[.places digits], no leading zeros.
bool isCanonical(const QString &text, int places)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (n > 0 && text.at(0) == u'-')
        ++i;
    const qsizetype wholeStart = i;
    while (i < n && isDigit(text.at(i)))
        ++i;
    const qsizetype wholeDigits = i - wholeStart;
    if (wholeDigits == 0 || (wholeDigits > 1 && text.at(wholeStart) == u'0'))
        return false;
    if (places > 0) {
        if (i >= n || text.at(i) != u'.')
            return false;
        ++i;
        for (int k = 0; k < places; ++k, ++i)
            if (i >= n || !isDigit(text.at(i)))
                return false;
    }
    if (i != n)
        return false;
    if (wholeStart == 1) { // "-0.00" is spelled "0.00"
        for (qsizetype k = 1; k < n; ++k)
            if (text.at(k) >= u'1' && text.at(k) <= u'9')
                return true;
        return false;
    }
    return true;
}
} // namespace

QVariantMap DecimalField::typeParameters() const
{
    return {{u"max_digits"_s, m_maxDigits}, {u"decimal_places"_s, m_decimalPlaces}};
}

QVariant DecimalField::clean(const QVariant &value) const
{
    if (value.isNull())
        return QVariant();
    QString text;
    switch (value.metaType().id()) {
    case QMetaType::Double: case QMetaType::Float: {
        const double d = value.toDouble();
        if (!std::isfinite(d))
            raiseInvalid(u"\u201c%1\u201d value must be a decimal number."_s.arg(value.toString()));
        // The shortest text that reads back as the same double (Python's repr).
        text = QString::number(d, 'g', QLocale::FloatingPointShortest);
        break;
    }
    case QMetaType::QString:
        text = value.toString().trimmed();
        if (text.isEmpty())
            return QVariant(); // an empty form input
        if (isCanonical(text, m_decimalPlaces))
            return text;
        break;
    default:
        text = value.toString().trimmed();
    }
    Decimal decimal;
    if (!parseDecimal(text, decimal))
        raiseInvalid(u"\u201c%1\u201d value must be a decimal number."_s.arg(value.toString()));
    return quantize(decimal, m_decimalPlaces);
}

QVariant DecimalField::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull())
        return QVariant();
    const QVariant cleaned = clean(value);
    return cleaned.isNull() ? QVariant() : ops.adaptDecimal(cleaned.toString());
}

QVariant DecimalField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.isNull())
        return QVariant();
    switch (value.metaType().id()) {
    case QMetaType::QString:
        // PostgreSQL's numeric(p, s) text is already canonical.
        if (isCanonical(value.toString(), m_decimalPlaces))
            return value;
        return clean(value);
    case QMetaType::LongLong: case QMetaType::Int: {
        // SQLite's NUMERIC affinity turns "12.00" into 12.
        QString out = QString::number(value.toLongLong());
        if (m_decimalPlaces > 0)
            out += u'.' + QString(m_decimalPlaces, u'0');
        return out;
    }
    case QMetaType::Double: {
        // ... and "12.50" into 12.5: stored values have at most 15 significant digits.
        const double d = value.toDouble();
        if (std::isfinite(d) && std::fabs(d) < 1e15) {
            QString out = QString::number(d, 'f', m_decimalPlaces);
            if (out.startsWith(u'-') && !isCanonical(out, m_decimalPlaces))
                out.remove(0, 1); // "-0.00"
            return out;
        }
        return clean(value);
    }
    default:
        return clean(value);
    }
}

QStringList DecimalField::typeValidationErrors(const QVariant &value) const
{
    Decimal decimal;
    if (!parseDecimal(value.toString().trimmed(), decimal))
        return {u"Enter a number."_s};
    // The digits as typed, without the padding clean() adds: "1234.50" counts as 1234.5.
    bool zero = true;
    for (const QChar c : std::as_const(decimal.digits))
        if (c != u'0')
            zero = false;
    if (zero) {
        decimal.digits = u"0"_s;
        decimal.exponent = 0;
    }
    while (decimal.exponent < 0 && decimal.digits.size() > 1 && decimal.digits.back() == u'0') {
        decimal.digits.chop(1);
        ++decimal.exponent;
    }
    // Django's DecimalValidator.__call__.
    const int length = int(decimal.digits.size());
    int digits = 0;
    int decimals = 0;
    if (decimal.exponent >= 0) {
        digits = length + (decimal.digits == u"0"_s ? 0 : decimal.exponent);
    } else if (-decimal.exponent > length) {
        digits = decimals = -decimal.exponent;
    } else {
        digits = length;
        decimals = -decimal.exponent;
    }
    const int wholeDigits = digits - decimals;
    if (digits > m_maxDigits)
        return {u"Ensure that there are no more than %1 digits in total."_s.arg(m_maxDigits)};
    if (decimals > m_decimalPlaces)
        return {u"Ensure that there are no more than %1 decimal places."_s.arg(m_decimalPlaces)};
    if (wholeDigits > m_maxDigits - m_decimalPlaces)
        return {u"Ensure that there are no more than %1 digits before the decimal point."_s.arg(m_maxDigits - m_decimalPlaces)};
    return {};
}

} // namespace quango
