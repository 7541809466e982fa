#pragma once
#include <QString>
#include <functional>

namespace quango {

// Django's django.contrib.auth.hashers functions around the hasher: make,
// check (with the rehash-on-upgrade setter), unusable passwords. A null
// QString password is Python's None.
class Passwords {
public:
    struct Verification {
        bool correct = false;
        bool mustUpdate = false;
    };

    // A null password gives an unusable one. `salt` empty: a fresh one.
    static QString makePassword(const QString &password, const QString &salt = {});
    // "!" followed by 40 random characters: never verifies.
    static QString makeUnusablePassword();
    static bool isPasswordUsable(const QString &encoded);
    // Django's verify_password: whether it matches and whether the hash should
    // be redone with the current settings. Unknown formats never match.
    static Verification verifyPassword(const QString &password, const QString &encoded);
    // Django's check_password: calls `setter(password)` when the password is
    // right and the hash outdated (the caller saves a new hash).
    static bool checkPassword(const QString &password, const QString &encoded,
                              const std::function<void(const QString &)> &setter = {});
    // Django's get_random_string: `length` characters of [a-zA-Z0-9], each
    // uniformly drawn from OpenSSL's CSPRNG (RAND_bytes).
    static QString randomString(int length);
    // Django's mask_hash: the first `show` characters, then one `mask` for
    // each character left ("abcdef****" for "abcdefghij").
    static QString maskHash(const QString &hash, int show = 6, QChar mask = u'*');
    // Runs the hasher once on `password` and throws the result away: the cost of
    // a check against a user who does not exist (Django's timing defence).
    static void runDummyHash(const QString &password);
};

} // namespace quango
