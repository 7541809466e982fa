// PBKDF2PasswordHasher and the hashers functions (Passwords): Django-made
// hashes verify, new hashes have Django's format, outdated hashes are redone,
// unusable passwords never verify.
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Passwords.h"
#include "orm/Exceptions.h"
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace quango;

class TestPBKDF2PasswordHasher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void djangoVectors_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("encoded");
        // Made by Django 3.2 (Debian's python3-django): make_password("lètmein", "seasalt", "pbkdf2_sha256").
        QTest::newRow("django 3.2") << QStringLiteral("l\u00e8tmein") << "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=";
        // Django's own tests/auth_tests/test_hashers.py test_pbkdf2, 3.0 and 5.0.
        QTest::newRow("django 3.0") << QStringLiteral("l\u00e8tmein") << "pbkdf2_sha256$180000$seasalt$gH56uAM9k5UGHuCzAYqLtJQ7AFgnXEZ4LMzt71ldHoc=";
        QTest::newRow("django 5.0") << QStringLiteral("l\u00e8tmein") << "pbkdf2_sha256$720000$seasalt$eDupbcisD1UuIiou3hMuMu8oe/XwnpDw45r6AA5iv0E=";
        // Python's hashlib.pbkdf2_hmac (what Django calls) at Django 4.2's count.
        QTest::newRow("django 4.2") << QStringLiteral("l\u00e8tmein") << "pbkdf2_sha256$600000$seasalt$OAXyhAQ/4ZDA9V5RMExt3C1OwQdUpLZ99vm1McFlLRA=";
        QTest::newRow("22-char salt") << "correct horse battery staple" << "pbkdf2_sha256$260000$8SCHt8fJr2VxkZjRmLs1Qa$ptlWJ/UUASYq3bOUkLkT0eu18R6GfoLxUaTadWUHebY=";
        QTest::newRow("empty password") << "" << "pbkdf2_sha256$10$seasalt$WMlEk/RJy667y6qBgWtaO+e5qauWKUqT78v1M4jLNqc=";
    }
    void djangoVectors()
    {
        QFETCH(QString, password);
        QFETCH(QString, encoded);
        const PBKDF2PasswordHasher hasher;
        QVERIFY(hasher.verify(password, encoded));
        QVERIFY(!hasher.verify(password + "x", encoded));
        const auto decoded = PBKDF2PasswordHasher::decode(encoded);
        QVERIFY(decoded);
        QCOMPARE(hasher.encode(password, decoded->salt, decoded->iterations), encoded);
        QVERIFY(Passwords::checkPassword(password, encoded));
    }

    void newHashesUseDjangoFormat()
    {
        QCOMPARE(PBKDF2PasswordHasher::defaultIterations(), 600000);
        const PBKDF2PasswordHasher hasher;
        QCOMPARE(hasher.iterations(), 600000);
        const QString encoded = Passwords::makePassword("s3cret-Pass");
        static const QRegularExpression format("^pbkdf2_sha256\\$600000\\$[a-zA-Z0-9]{22}\\$[A-Za-z0-9+/]{43}=$");
        QVERIFY2(format.match(encoded).hasMatch(), qPrintable(encoded));
        QVERIFY(Passwords::checkPassword("s3cret-Pass", encoded));
        QVERIFY(!Passwords::checkPassword("s3cret-pass", encoded));
        QVERIFY(!hasher.mustUpdate(encoded));
        QVERIFY(Passwords::makePassword("same") != Passwords::makePassword("same")); // fresh salts
        QCOMPARE(Passwords::makePassword(QStringLiteral("l\u00e8tmein"), "seasalt"), "pbkdf2_sha256$600000$seasalt$OAXyhAQ/4ZDA9V5RMExt3C1OwQdUpLZ99vm1McFlLRA=");
    }

    void saltsAreRandomAndInDjangosAlphabet()
    {
        QSet<QString> seen;
        QSet<QChar> symbols;
        for (int i = 0; i < 200; ++i) {
            const QString salt = PBKDF2PasswordHasher::salt();
            QCOMPARE(salt.size(), 22);
            seen.insert(salt);
            for (QChar c : salt) {
                QVERIFY2((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'), qPrintable(salt));
                symbols.insert(c);
            }
        }
        QCOMPARE(seen.size(), 200);
        QCOMPARE(symbols.size(), 62); // 4400 draws reach every symbol
    }

    void malformedAndForeignHashesNeverVerify()
    {
        const PBKDF2PasswordHasher hasher;
        for (const QString &bad : {QString(), QString(""), QString("plain"), QString("pbkdf2_sha256$x$salt$hash"),
                                   QString("pbkdf2_sha256$0$salt$hash"), QString("pbkdf2_sha1$10$seasalt$abc"),
                                   QString("pbkdf2_sha256$10$seasalt"),
                                   QString("argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA"),
                                   QString("pbkdf2_sha256$10$seasalt$WMlEk/RJy667y6qBgWtaO+e5qauWKUqT78v1M4jLNqc")}) {
            QVERIFY2(!hasher.verify("", bad), qPrintable(bad));
            QVERIFY2(!Passwords::checkPassword("", bad), qPrintable(bad));
        }
        QVERIFY_THROWS_EXCEPTION(ValidationError, hasher.encode("x", "a$b"));
        QVERIFY_THROWS_EXCEPTION(ValidationError, hasher.encode("x", ""));
        QVERIFY(!Passwords::checkPassword(QString(), "pbkdf2_sha256$10$seasalt$WMlEk/RJy667y6qBgWtaO+e5qauWKUqT78v1M4jLNqc="));
    }

    void unusablePasswords()
    {
        const QString unusable = Passwords::makeUnusablePassword();
        QCOMPARE(unusable.size(), 41);
        QVERIFY(unusable.startsWith('!'));
        QVERIFY(!Passwords::isPasswordUsable(unusable));
        QVERIFY(Passwords::isPasswordUsable("pbkdf2_sha256$10$seasalt$x"));
        QVERIFY(!Passwords::checkPassword(unusable.mid(1), unusable));
        QVERIFY(!Passwords::checkPassword("", unusable));
        QVERIFY(!Passwords::isPasswordUsable(Passwords::makePassword(QString()))); // None
        QVERIFY(Passwords::makeUnusablePassword() != unusable);
    }

    void outdatedHashesAreRedone()
    {
        const QString old = "pbkdf2_sha256$10$seasalt$WMlEk/RJy667y6qBgWtaO+e5qauWKUqT78v1M4jLNqc=";
        const PBKDF2PasswordHasher hasher(1000);
        QVERIFY(hasher.mustUpdate(old));                    // fewer iterations (and a short salt)
        QVERIFY(PBKDF2PasswordHasher(10).mustUpdate(old));  // 7-char salt: < 128 bits
        QVERIFY(!PBKDF2PasswordHasher(10).mustUpdate(hasher.encode("x", "abcdefghijklmnopqrstuv", 10)));
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        QString upgraded;
        QVERIFY(Passwords::checkPassword("", old, [&](const QString &raw) { upgraded = Passwords::makePassword(raw); }));
        QVERIFY2(upgraded.startsWith("pbkdf2_sha256$1000$"), qPrintable(upgraded));
        QVERIFY(Passwords::checkPassword("", upgraded));
        // A wrong password does not call the setter.
        bool called = false;
        QVERIFY(!Passwords::checkPassword("wrong", old, [&](const QString &) { called = true; }));
        QVERIFY(!called);
        // An up-to-date hash does not either.
        QVERIFY(Passwords::checkPassword("", upgraded, [&](const QString &) { called = true; }));
        QVERIFY(!called);
        QVERIFY_THROWS_EXCEPTION(ImproperlyConfigured, PBKDF2PasswordHasher::setDefaultIterations(0));
        PBKDF2PasswordHasher::setDefaultIterations(PBKDF2PasswordHasher::DjangoIterations);
    }

    void pbkdf2MatchesRfc7914()
    {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1), first 32 bytes.
        QCOMPARE(PBKDF2PasswordHasher::pbkdf2("passwd", "salt", 1).toHex(),
                 QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));
    }
};

QTEST_GUILESS_MAIN(TestPBKDF2PasswordHasher)
#include "tst_pbkdf2passwordhasher.moc"
