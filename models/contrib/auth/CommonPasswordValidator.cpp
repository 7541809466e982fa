#include "contrib/auth/CommonPasswordValidator.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
#include "contrib/auth/CommonPasswords.inc"
}

const QSet<QString> &CommonPasswordValidator::defaultPasswords()
{
    static const QSet<QString> passwords = [] {
        QSet<QString> set;
        set.reserve(20000);
        for (const char *chunk : commonPasswordChunks)
            for (const QString &line : QString::fromUtf8(chunk).split(u'\n', Qt::SkipEmptyParts))
                set.insert(line.trimmed());
        return set;
    }();
    return passwords;
}

CommonPasswordValidator::CommonPasswordValidator() : m_passwords(defaultPasswords()) {}

QStringList CommonPasswordValidator::validate(const QString &password, const Model *) const
{
    if (m_passwords.contains(password.trimmed().toLower()))
        return {u"This password is too common."_s};
    return {};
}

QString CommonPasswordValidator::helpText() const { return u"Your password can\u2019t be a commonly used password."_s; }

} // namespace quango
