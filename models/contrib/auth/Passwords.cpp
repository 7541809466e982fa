#include "contrib/auth/Passwords.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "orm/Exceptions.h"
#include <openssl/rand.h>

namespace quango {

using namespace Qt::Literals::StringLiterals;

QString Passwords::randomString(int length)
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    constexpr int symbols = int(sizeof(alphabet)) - 1;  // 62
    constexpr int limit = 256 - 256 % symbols;           // 248: rejecting above it keeps the draw uniform
    QString out;
    out.reserve(length);
    unsigned char buffer[64];
    while (out.size() < length) {
        if (RAND_bytes(buffer, int(sizeof(buffer))) != 1)
            throw Error(u"OpenSSL's RAND_bytes failed: no random bytes for a salt or key."_s);
        for (unsigned char byte : buffer) {
            if (byte >= limit)
                continue;
            out += QLatin1Char(alphabet[byte % symbols]);
            if (out.size() == length)
                break;
        }
    }
    return out;
}

QString Passwords::makePassword(const QString &password, const QString &salt)
{
    if (password.isNull())
        return makeUnusablePassword();
    const PBKDF2PasswordHasher hasher;
    return hasher.encode(password, salt.isEmpty() ? PBKDF2PasswordHasher::salt() : salt);
}

QString Passwords::makeUnusablePassword() { return u"!"_s + randomString(40); }

bool Passwords::isPasswordUsable(const QString &encoded) { return encoded.isNull() || !encoded.startsWith(u'!'); }

Passwords::Verification Passwords::verifyPassword(const QString &password, const QString &encoded)
{
    if (password.isNull() || encoded.isEmpty() || !isPasswordUsable(encoded))
        return {};
    if (!PBKDF2PasswordHasher::decode(encoded))
        return {}; // another hasher's format (argon2, bcrypt...): not supported here
    const PBKDF2PasswordHasher preferred;
    const bool mustUpdate = preferred.mustUpdate(encoded);
    const bool correct = preferred.verify(password, encoded);
    if (!correct && mustUpdate)
        preferred.hardenRuntime(password, encoded);
    return {correct, mustUpdate};
}

bool Passwords::checkPassword(const QString &password, const QString &encoded, const std::function<void(const QString &)> &setter)
{
    const Verification v = verifyPassword(password, encoded);
    if (setter && v.correct && v.mustUpdate)
        setter(password);
    return v.correct;
}

QString Passwords::maskHash(const QString &hash, int show, QChar mask)
{
    const qsizetype shown = qBound(qsizetype(0), qsizetype(show), hash.size());
    return hash.left(shown) + QString(hash.size() - shown, mask);
}

void Passwords::runDummyHash(const QString &password)
{
    const PBKDF2PasswordHasher hasher;
    hasher.encode(password.isNull() ? QString() : password, PBKDF2PasswordHasher::salt());
}

} // namespace quango
