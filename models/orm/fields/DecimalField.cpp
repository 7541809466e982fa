#include "orm/fields/DecimalField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QRegularExpression>
namespace quango {

QVariantMap DecimalField::typeParameters() const
{
    return {{QStringLiteral("max_digits"), m_maxDigits}, {QStringLiteral("decimal_places"), m_decimalPlaces}};
}

// Rounds half away from zero to decimal_places, on the digits themselves.
static QString canonical(const QString &sign, QString whole, QString fraction, int places)
{
    if (fraction.size() > places) {
        const bool up = fraction.at(places) >= QLatin1Char('5');
        fraction.truncate(places);
        if (up) {
            QString digits = whole + fraction;
            int i = int(digits.size()) - 1;
            while (i >= 0 && digits.at(i) == QLatin1Char('9'))
                digits[i--] = QLatin1Char('0');
            if (i < 0)
                digits.prepend(QLatin1Char('1'));
            else
                digits[i] = QChar(digits.at(i).unicode() + 1);
            whole = digits.left(digits.size() - places);
            fraction = digits.right(places);
        }
    }
    while (fraction.size() < places)
        fraction += QLatin1Char('0');
    while (whole.size() > 1 && whole.startsWith(QLatin1Char('0')))
        whole.remove(0, 1);
    if (whole.isEmpty())
        whole = QStringLiteral("0");
    QString out = whole;
    if (places > 0)
        out += QLatin1Char('.') + fraction;
    const bool zero = !out.contains(QRegularExpression(QStringLiteral("[1-9]")));
    return (zero ? QString() : sign) + out;
}

QVariant DecimalField::clean(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return QVariant();
    QString text;
    switch (value.metaType().id()) {
    case QMetaType::Double: case QMetaType::Float:
        text = QString::number(value.toDouble(), 'f', m_decimalPlaces + 1);
        break;
    default:
        text = value.toString().trimmed();
    }
    static const QRegularExpression pattern(QStringLiteral("^([+-]?)(\\d*)(?:\\.(\\d*))?$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch() || (m.captured(2).isEmpty() && m.captured(3).isEmpty()))
        raiseInvalid(QStringLiteral("\u201c%1\u201d value must be a decimal number.").arg(value.toString()));
    return canonical(m.captured(1) == QLatin1String("-") ? QStringLiteral("-") : QString(), m.captured(2), m.captured(3), m_decimalPlaces);
}

QVariant DecimalField::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    return value.isNull() ? QVariant() : ops.adaptDecimal(clean(value).toString());
}

QVariant DecimalField::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    if (value.isNull())
        return QVariant();
    return clean(value);
}

QStringList DecimalField::validate(const QVariant &value) const
{
    QStringList errors = Field::validate(value);
    if (!errors.isEmpty() || value.isNull())
        return errors;
    QString text = value.toString();
    if (text.startsWith(QLatin1Char('-')))
        text.remove(0, 1);
    const QString whole = text.section(QLatin1Char('.'), 0, 0);
    const int wholeDigits = whole == QLatin1String("0") ? 0 : int(whole.size());
    if (wholeDigits > m_maxDigits - m_decimalPlaces)
        errors << QStringLiteral("Ensure that there are no more than %1 digits before the decimal point.").arg(m_maxDigits - m_decimalPlaces);
    return errors;
}

} // namespace quango
