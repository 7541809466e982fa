#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Passwords.h"
#include "orm/Exceptions.h"
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <atomic>
#include <cmath>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
std::atomic<int> g_defaultIterations{PBKDF2PasswordHasher::DjangoIterations};
}

PBKDF2PasswordHasher::PBKDF2PasswordHasher(int iterations)
    : m_iterations(iterations > 0 ? iterations : defaultIterations())
{
}

int PBKDF2PasswordHasher::defaultIterations() { return g_defaultIterations.load(); }

void PBKDF2PasswordHasher::setDefaultIterations(int iterations)
{
    if (iterations < 1)
        throw ImproperlyConfigured(u"The PBKDF2 iteration count must be at least 1, not %1."_s.arg(iterations));
    g_defaultIterations.store(iterations);
}

QByteArray PBKDF2PasswordHasher::pbkdf2(const QByteArray &password, const QByteArray &salt, int iterations)
{
    QByteArray key(32, Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                          reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                          iterations, EVP_sha256(), int(key.size()), reinterpret_cast<unsigned char *>(key.data())) != 1)
        throw Error(u"OpenSSL's PKCS5_PBKDF2_HMAC failed (%1 iterations)."_s.arg(iterations));
    return key;
}

QString PBKDF2PasswordHasher::salt() { return Passwords::randomString(SaltLength); }

QString PBKDF2PasswordHasher::encode(const QString &password, const QString &salt, int iterations) const
{
    if (salt.isEmpty() || salt.contains(u'$'))
        throw ValidationError(u"A PBKDF2 salt must be non-empty and must not contain '$' (got '%1')."_s.arg(salt));
    if (iterations <= 0)
        iterations = m_iterations;
    const QByteArray hash = pbkdf2(password.toUtf8(), salt.toUtf8(), iterations).toBase64();
    return u"%1$%2$%3$%4"_s.arg(algorithm()).arg(iterations).arg(salt, QString::fromLatin1(hash));
}

std::optional<PBKDF2PasswordHasher::Decoded> PBKDF2PasswordHasher::decode(const QString &encoded)
{
    // Django: encoded.split("$", 3); the hash part may not hold a '$' anyway.
    const QStringList parts = encoded.split(u'$');
    if (parts.size() != 4 || parts.at(0) != algorithm())
        return std::nullopt;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < 1 || parts.at(2).isEmpty())
        return std::nullopt;
    return Decoded{parts.at(0), iterations, parts.at(2), parts.at(3)};
}

QList<std::pair<QString, QString>> PBKDF2PasswordHasher::safeSummary(const QString &encoded)
{
    const std::optional<Decoded> decoded = decode(encoded);
    if (!decoded)
        return {};
    return {{u"algorithm"_s, decoded->algorithm},
            {u"iterations"_s, QString::number(decoded->iterations)},
            {u"salt"_s, Passwords::maskHash(decoded->salt)},
            {u"hash"_s, Passwords::maskHash(decoded->hash)}};
}

bool PBKDF2PasswordHasher::verify(const QString &password, const QString &encoded) const
{
    const std::optional<Decoded> decoded = decode(encoded);
    if (!decoded)
        return false;
    const QByteArray expected = encoded.toUtf8();
    const QByteArray actual = encode(password, decoded->salt, decoded->iterations).toUtf8();
    // Django's constant_time_compare: lengths may differ only for a malformed hash.
    return expected.size() == actual.size()
        && CRYPTO_memcmp(expected.constData(), actual.constData(), size_t(expected.size())) == 0;
}

bool PBKDF2PasswordHasher::mustUpdate(const QString &encoded) const
{
    const std::optional<Decoded> decoded = decode(encoded);
    if (!decoded)
        return true;
    // Django's must_update_salt: 62 symbols give log2(62) bits each.
    const bool weakSalt = decoded->salt.size() * std::log2(62.0) < 128.0;
    return decoded->iterations != m_iterations || weakSalt;
}

void PBKDF2PasswordHasher::hardenRuntime(const QString &password, const QString &encoded) const
{
    const std::optional<Decoded> decoded = decode(encoded);
    if (!decoded)
        return;
    const int extra = m_iterations - decoded->iterations;
    if (extra > 0)
        encode(password, decoded->salt, extra);
}

} // namespace quango
