#pragma once
#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace quango {

// Django's PBKDF2PasswordHasher: "pbkdf2_sha256$<iterations>$<salt>$<base64
// of 32 bytes>", PBKDF2-HMAC-SHA256 from OpenSSL. Hashes made by Django with
// any iteration count verify; comparison is constant-time.
class PBKDF2PasswordHasher {
public:
    // Django 4.2's iteration count.
    static constexpr int DjangoIterations = 600000;
    static constexpr int SaltLength = 22;      // 22 of 62 symbols: >= 128 bits (Django's salt_entropy)

    // The parts of an encoded hash; nullopt when it is not this format.
    struct Decoded {
        QString algorithm;
        int iterations = 0;
        QString salt;
        QString hash;
    };

    // iterations <= 0: the process-wide default (defaultIterations()).
    explicit PBKDF2PasswordHasher(int iterations = 0);

    static QString algorithm() { return QStringLiteral("pbkdf2_sha256"); }
    int iterations() const { return m_iterations; }
    // The count new hashes get unless a hasher is given one; 600000 unless set
    // (a project may raise it; tests lower it to stay fast).
    static int defaultIterations();
    static void setDefaultIterations(int iterations);

    // Throws ValidationError for an empty salt or one holding '$'.
    QString encode(const QString &password, const QString &salt, int iterations = 0) const;
    QString encode(const QString &password) const { return encode(password, this->salt()); }
    // Whether `password` matches `encoded`, whatever its iteration count.
    bool verify(const QString &password, const QString &encoded) const;
    // A different iteration count than this hasher's, or a salt with less
    // than 128 bits of entropy (Django's must_update): rehash on next login.
    bool mustUpdate(const QString &encoded) const;
    // When a wrong password met a hash with fewer iterations, run the missing
    // ones so the failure takes as long as with a current hash.
    void hardenRuntime(const QString &password, const QString &encoded) const;
    static std::optional<Decoded> decode(const QString &encoded);
    // Django's safe_summary: (label, value) in Django's order, salt and hash
    // masked past their first 6 characters (Passwords::maskHash), for showing
    // a stored hash without giving it away. Empty when `encoded` is not this
    // format.
    static QList<std::pair<QString, QString>> safeSummary(const QString &encoded);
    // A fresh salt: 22 characters of [a-zA-Z0-9] from OpenSSL's CSPRNG.
    static QString salt();
    // The raw derived key (32 bytes).
    static QByteArray pbkdf2(const QByteArray &password, const QByteArray &salt, int iterations);

private:
    int m_iterations;
};

} // namespace quango
