#include "contrib/auth/NumericPasswordValidator.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

QStringList NumericPasswordValidator::validate(const QString &password, const Model *) const
{
    // Python's str.isdigit(): non-empty and every code point a digit.
    if (password.isEmpty())
        return {};
    for (const char32_t c : password.toUcs4())
        if (!QChar::isDigit(c))
            return {};
    return {u"This password is entirely numeric."_s};
}

QString NumericPasswordValidator::helpText() const { return u"Your password can\u2019t be entirely numeric."_s; }

} // namespace quango
