// What a user's record form shows for the stored hash (Django's
// ReadOnlyPasswordHashWidget): the hasher's safe summary with salt and hash
// masked, or why there is none. Never the hash itself.
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Passwords.h"
#include "views/admin/PasswordHashSummary.h"
#include <QtTest>

using namespace quango;

class TestPasswordHashSummary : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void maskHash()
    {
        QCOMPARE(Passwords::maskHash("abcdefghij"), QString("abcdef****"));
        QCOMPARE(Passwords::maskHash("abc"), QString("abc"));       // shorter than what is shown: nothing to mask
        QCOMPARE(Passwords::maskHash(""), QString(""));
        QCOMPARE(Passwords::maskHash("abcdefgh", 2, u'#'), QString("ab######"));
        QCOMPARE(Passwords::maskHash("abcdefgh", 0), QString("********"));
    }

    // The hash of Django's own ReadOnlyPasswordHashTest.test_render.
    void djangoHash()
    {
        const QString encoded = "pbkdf2_sha256$100000$a6Pucb1qSFcD$WmCkn9Hqidj48NVe5x0FEM6A9YiOqQcl/83m2Z5udm0=";
        const QList<std::pair<QString, QString>> summary = PBKDF2PasswordHasher::safeSummary(encoded);
        QCOMPARE(summary.size(), 4);
        QCOMPARE(summary.at(0), std::make_pair(QString("algorithm"), QString("pbkdf2_sha256")));
        QCOMPARE(summary.at(1), std::make_pair(QString("iterations"), QString("100000")));
        QCOMPARE(summary.at(2), std::make_pair(QString("salt"), QString("a6Pucb******")));
        QCOMPARE(summary.at(3), std::make_pair(QString("hash"), QString("WmCkn9") + QString(38, u'*')));
        QCOMPARE(PasswordHashSummary::text(encoded),
                 QString("algorithm: pbkdf2_sha256 iterations: 100000 salt: a6Pucb****** hash: WmCkn9") + QString(38, u'*'));
        QCOMPARE(PasswordHashSummary::html(encoded),
                 QString("<strong>algorithm</strong>: pbkdf2_sha256 <strong>iterations</strong>: 100000 "
                         "<strong>salt</strong>: a6Pucb****** <strong>hash</strong>: WmCkn9") + QString(38, u'*'));
    }

    void freshHashKeepsItsSecrets()
    {
        const QString encoded = PBKDF2PasswordHasher(1000).encode("s3cret-Passw0rd");
        const PBKDF2PasswordHasher::Decoded decoded = *PBKDF2PasswordHasher::decode(encoded);
        const QString text = PasswordHashSummary::text(encoded);
        QCOMPARE(text, QString("algorithm: pbkdf2_sha256 iterations: 1000 salt: %1 hash: %2")
                           .arg(decoded.salt.left(6) + QString(PBKDF2PasswordHasher::SaltLength - 6, u'*'),
                                decoded.hash.left(6) + QString(decoded.hash.size() - 6, u'*')));
        QVERIFY(!text.contains(decoded.salt));
        QVERIFY(!text.contains(decoded.hash));
    }

    void noPassword()
    {
        QCOMPARE(PasswordHashSummary::text(Passwords::makeUnusablePassword()), QString("No password set."));
        QCOMPARE(PasswordHashSummary::text("!"), QString("No password set."));
        QCOMPARE(PasswordHashSummary::text(""), QString("No password set."));
        QCOMPARE(PasswordHashSummary::text(QString()), QString("No password set."));
        const QList<PasswordHashSummary::Entry> entries = PasswordHashSummary::entries("");
        QCOMPARE(entries.size(), 1);
        QVERIFY(entries.first().value.isEmpty());
    }

    void invalidOrUnknown_data()
    {
        QTest::addColumn<QString>("encoded");
        QTest::newRow("plain text") << "letmein";
        QTest::newRow("another hasher") << "argon2$argon2id$v=19$m=102400,t=2,p=8$c29tZXNhbHQ$Y2Fub3RoZXI";
        QTest::newRow("md5") << "md5$seasalt$abcdef0123456789";
        QTest::newRow("iterations not a number") << "pbkdf2_sha256$many$salt$hash";
        QTest::newRow("no salt") << "pbkdf2_sha256$1000$$hash";
        QTest::newRow("missing part") << "pbkdf2_sha256$1000$salt";
    }
    void invalidOrUnknown()
    {
        QFETCH(QString, encoded);
        QVERIFY(PBKDF2PasswordHasher::safeSummary(encoded).isEmpty());
        QCOMPARE(PasswordHashSummary::text(encoded), QString("Invalid password format or unknown hashing algorithm."));
    }

    void htmlIsEscaped()
    {
        // A salt is never '<', but what is shown must not be read as markup.
        const QString encoded = "pbkdf2_sha256$1000$<b>abc<i>$hash";
        QVERIFY(PasswordHashSummary::html(encoded).contains("&lt;b&gt;abc*** "));
    }
};

QTEST_MAIN(TestPasswordHashSummary)
#include "tst_passwordhashsummary.moc"
