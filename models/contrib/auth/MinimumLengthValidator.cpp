#include "contrib/auth/MinimumLengthValidator.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

QStringList MinimumLengthValidator::validate(const QString &password, const Model *) const
{
    // Python's len(): code points, not UTF-16 units.
    if (password.toUcs4().size() >= m_minLength)
        return {};
    return {(m_minLength == 1 ? u"This password is too short. It must contain at least %1 character."_s
                              : u"This password is too short. It must contain at least %1 characters."_s).arg(m_minLength)};
}

QString MinimumLengthValidator::helpText() const
{
    return (m_minLength == 1 ? u"Your password must contain at least %1 character."_s
                             : u"Your password must contain at least %1 characters."_s).arg(m_minLength);
}

} // namespace quango
