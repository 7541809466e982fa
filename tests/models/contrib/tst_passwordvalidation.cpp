// The password validators and validate_password, with Django's messages.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/CommonPasswordValidator.h"
#include "contrib/auth/MinimumLengthValidator.h"
#include "contrib/auth/NumericPasswordValidator.h"
#include "contrib/auth/PasswordValidation.h"
#include "contrib/auth/UserAttributeSimilarityValidator.h"
#include "orm/Exceptions.h"
#include "orm/Model.h"
#include <QtTest>

using namespace quango;

class TestPasswordValidation : public QObject {
    Q_OBJECT

    Model user(const QString &username, const QString &email = {}, const QString &first = {}, const QString &last = {})
    {
        Model u(&Registry::instance().modelOrThrow("auth.User"));
        u.setValue("username", username);
        u.setValue("email", email);
        u.setValue("first_name", first);
        u.setValue("last_name", last);
        return u;
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
    }

    void minimumLength()
    {
        const MinimumLengthValidator v;
        QCOMPARE(v.validate("12345678"), QStringList());
        QCOMPARE(v.validate("1234567"), QStringList{"This password is too short. It must contain at least 8 characters."});
        QCOMPARE(MinimumLengthValidator(1).validate(""), QStringList{"This password is too short. It must contain at least 1 character."});
        QCOMPARE(v.helpText(), QString("Your password must contain at least 8 characters."));
        // Code points, as Python's len(): four emoji are four characters, not eight.
        QCOMPARE(MinimumLengthValidator(5).validate(QString::fromUtf8("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80")).size(), 1);
    }

    void commonPasswords()
    {
        const CommonPasswordValidator v;
        QVERIFY(CommonPasswordValidator::defaultPasswords().size() > 19000);
        QCOMPARE(v.validate("a-long-and-unusual-password-1989"), QStringList());
        QCOMPARE(v.validate("password"), QStringList{"This password is too common."});
        QCOMPARE(v.validate("  PassWord "), QStringList{"This password is too common."}); // case and spaces ignored
        QCOMPARE(v.validate("godzilla"), QStringList{"This password is too common."});
        QCOMPARE(CommonPasswordValidator(QSet<QString>{"from-my-list"}).validate("From-My-List").size(), 1);
        QCOMPARE(v.helpText(), QString::fromUtf8("Your password can\u2019t be a commonly used password."));
    }

    void numeric()
    {
        const NumericPasswordValidator v;
        QCOMPARE(v.validate("a-password"), QStringList());
        QCOMPARE(v.validate("12345678901"), QStringList{"This password is entirely numeric."});
        QCOMPARE(v.validate("1234 5678"), QStringList());
        QCOMPARE(v.validate(""), QStringList());
        QCOMPARE(v.helpText(), QString::fromUtf8("Your password can\u2019t be entirely numeric."));
    }

    void similarity()
    {
        // Django's test_validate: user testclient / testclient@example.com / Test / Client.
        const Model u = user("testclient", "testclient@example.com", "Test", "Client");
        const UserAttributeSimilarityValidator v;
        QCOMPARE(v.validate("testclient", &u), QStringList{"The password is too similar to the username."});
        QCOMPARE(v.validate("example.com", &u), QStringList{"The password is too similar to the email address."});
        QCOMPARE(UserAttributeSimilarityValidator({"first_name"}, 0.3).validate("testclient", &u),
                 QStringList{"The password is too similar to the first name."});
        QCOMPARE(UserAttributeSimilarityValidator({"first_name"}, 1.0).validate("testclient", &u), QStringList());
        QCOMPARE(v.validate("testclient", nullptr), QStringList());
        QCOMPARE(v.validate("a-quite-different-passphrase", &u), QStringList());
        // A password ten times longer than a short attribute is not compared with it.
        const Model shortName = user("ab");
        QCOMPARE(v.validate("abababababababababababababab", &shortName), QStringList());
        QVERIFY_THROWS_EXCEPTION(ImproperlyConfigured, UserAttributeSimilarityValidator({"username"}, 0.09));
        // difflib.SequenceMatcher(a="testclient", b="testclient1").quick_ratio()
        QCOMPARE(UserAttributeSimilarityValidator::quickRatio("testclient", "testclient1"), 2.0 * 10 / 21);
        QCOMPARE(UserAttributeSimilarityValidator::quickRatio("", ""), 1.0);
        QCOMPARE(UserAttributeSimilarityValidator::quickRatio("abc", "xyz"), 0.0);
    }

    void validatePasswordCollectsEveryMessage()
    {
        const Model u = user("1234567");
        try {
            PasswordValidation::validatePassword("1234567", &u);
            QFAIL("a weak password was accepted");
        } catch (const ValidationError &e) {
            QCOMPARE(e.errors().value("password"),
                     (QStringList{"The password is too similar to the username.",
                                  "This password is too short. It must contain at least 8 characters.",
                                  "This password is too common.", "This password is entirely numeric."}));
        }
        PasswordValidation::validatePassword("Quango-rocks-2026", &u); // does not throw
        QCOMPARE(PasswordValidation::helpTexts().size(), 4);
        PasswordValidation::setValidators({std::make_shared<MinimumLengthValidator>(3)});
        QCOMPARE(PasswordValidation::passwordErrors("1234567"), QStringList());
        PasswordValidation::setValidators(PasswordValidation::defaultValidators());
    }
};

QTEST_GUILESS_MAIN(TestPasswordValidation)
#include "tst_passwordvalidation.moc"
