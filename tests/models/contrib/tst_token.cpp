// DRF tokens: 40 hex characters, one per user, reset, lookup by key.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/UserService.h"
#include "contrib/authtoken/Token.h"
#include "orm/Manager.h"
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace quango;

class TestToken : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000);
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init() { m_db.resetTables(); }

    void keys()
    {
        static const QRegularExpression hex40("^[0-9a-f]{40}$");
        QSet<QString> keys;
        for (int i = 0; i < 100; ++i) {
            const QString key = Token::generateKey();
            QVERIFY2(hex40.match(key).hasMatch(), qPrintable(key));
            keys.insert(key);
        }
        QCOMPARE(keys.size(), 100);
    }

    void oneTokenPerUser()
    {
        const Model ann = UserService::createUser("ann", "", "pw-Ann-12345");
        const Model token = Token::forUser(ann);
        QCOMPARE(token.value("key").toString().size(), 40);
        QCOMPARE(token.value("user").toLongLong(), ann.pk().toLongLong());
        QVERIFY(token.value("created").toDateTime().isValid());
        QCOMPARE(Token::forUser(ann).value("key"), token.value("key")); // get_or_create
        QCOMPARE(Token::meta().objects().count(), 1);
        const Model fresh = Token::reset(ann);
        QVERIFY(fresh.value("key") != token.value("key"));
        QCOMPARE(Token::meta().objects().count(), 1);
        // Reverse one-to-one accessor, as DRF names it.
        QCOMPARE(Token::meta().objects().get(Q("user__username", "ann")).value("key"), fresh.value("key"));
    }

    void lookupByKey()
    {
        Model ann = UserService::createUser("ann", "", "pw-Ann-12345");
        const QString key = Token::forUser(ann).value("key").toString();
        QCOMPARE(Token::userForKey(key)->value("username").toString(), QString("ann"));
        QVERIFY(!Token::userForKey(Token::generateKey()));
        QVERIFY(!Token::userForKey(""));
        ann.setValue("is_active", false);
        ann.save();
        QVERIFY(!Token::userForKey(key));
        // Deleting the user deletes the token (CASCADE).
        ann.remove();
        QCOMPARE(Token::meta().objects().count(), 0);
    }

    void savedWithoutKeyGetsOne()
    {
        const Model ann = UserService::createUser("ann", "", "pw-Ann-12345");
        const Model token = Token::meta().objects().create({{"user", ann.pk()}});
        QCOMPARE(token.value("key").toString().size(), 40);
        QCOMPARE(Token::meta().objects().get(Q("user", ann.pk())).value("key"), token.value("key"));
    }
};

QTEST_GUILESS_MAIN(TestToken)
#include "tst_token.moc"
