// createsuperuser, changepassword and drf_create_token through the command
// line: --noinput with the environment, prompts (input injected), weak
// passwords refused unless bypassed, wrong arguments.
#include "TestDatabase.h"
#include "app/ManagementUtility.h"
#include "app/commands/BuiltinCommands.h"
#include "app/commands/CommandRegistry.h"
#include "app/commands/Prompt.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/Authentication.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Passwords.h"
#include "contrib/auth/UserService.h"
#include "contrib/authtoken/Token.h"
#include "orm/Manager.h"
#include <QRegularExpression>
#include "CommandRunner.h"
#include <QtTest>

using namespace quango;

class TestAuthCommands : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;

    int run(const QStringList &args, QString *out = nullptr, QString *err = nullptr, const QString &input = {})
    {
        return testing::runCommand(QStringList{"--database", m_db.url()} + args, out, err, input);
    }
    static Model user(const QString &username) { return UserService::getByNaturalKey(username); }
    static bool exists(const QString &username)
    {
        return UserService::userMeta().objects().filter(Q("username", username)).exists();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("QUANGO_DATABASE_URL");
        qunsetenv("QUANGO_SUPERUSER_PASSWORD");
        installDemoApps(Registry::instance());
        registerBuiltinCommands(CommandRegistry::instance());
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000);
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init() { m_db.resetTables(); }

    void createsuperuserNoInput()
    {
        QString out, err;
        qputenv("QUANGO_SUPERUSER_PASSWORD", "Quango-admin-2026");
        QCOMPARE(run({"createsuperuser", "--noinput", "--username", "admin", "--email", "admin@example.com"}, &out, &err), 0);
        qunsetenv("QUANGO_SUPERUSER_PASSWORD");
        QCOMPARE(out, QString("Superuser created successfully.\n"));
        Model admin = user("admin");
        QVERIFY(admin.value("is_superuser").toBool() && admin.value("is_staff").toBool() && admin.value("is_active").toBool());
        QCOMPARE(admin.value("email").toString(), QString("admin@example.com"));
        QVERIFY(UserService::checkPassword(admin, "Quango-admin-2026"));

        // Taken, missing username or email: errors, nothing created.
        QCOMPARE(run({"createsuperuser", "--noinput", "--username", "admin", "--email", "a@example.com"}, &out, &err), 1);
        QVERIFY2(err.contains("CommandError: Error: That username is already taken."), qPrintable(err));
        QCOMPARE(run({"createsuperuser", "--noinput", "--email", "a@example.com"}, &out, &err), 1);
        QVERIFY2(err.contains("You must use --username with --noinput."), qPrintable(err));
        QCOMPARE(run({"createsuperuser", "--noinput", "--username", "second"}, &out, &err), 1);
        QVERIFY2(err.contains("You must use --email with --noinput."), qPrintable(err));
        QCOMPARE(run({"createsuperuser", "--noinput", "--username", "second", "--email", "not-an-email"}, &out, &err), 1);
        QVERIFY2(err.contains("Enter a valid email address."), qPrintable(err));
        QVERIFY(!exists("second"));
        // No password in the environment: an unusable one, as Django does.
        QCOMPARE(run({"createsuperuser", "--noinput", "--username", "nopw", "--email", "n@example.com"}, &out, &err), 0);
        QVERIFY(!UserService::hasUsablePassword(user("nopw")));
    }

    void createsuperuserPromptsAndRefusesWeakPasswords()
    {
        QString out, err;
        // A weak password, refused when the bypass is declined, then a good one.
        const QString input = "ann\nann@example.com\n12345\n12345\nn\nQuango-strong-2026\nQuango-strong-2026\n";
        QCOMPARE(run({"createsuperuser"}, &out, &err, input), 0);
        QVERIFY2(out.contains("Username") && out.contains("Email address: ") && out.contains("Password: ")
                     && out.contains("Password (again): ") && out.contains("Bypass password validation and create user anyway? [y/N]: ")
                     && out.endsWith("Superuser created successfully.\n"),
                 qPrintable(out));
        QCOMPARE(err, QString("This password is too short. It must contain at least 8 characters.\n"
                              "This password is too common.\nThis password is entirely numeric.\n"));
        Model ann = user("ann");
        QVERIFY(UserService::checkPassword(ann, "Quango-strong-2026"));
        QVERIFY(!UserService::checkPassword(ann, "12345"));

        // Bypassed on purpose: created with the weak password.
        QCOMPARE(run({"createsuperuser", "--username", "bob", "--email", "bob@example.com"}, &out, &err, "bob\nbob\ny\n"), 0);
        QVERIFY2(err.contains("The password is too similar to the username."), qPrintable(err));
        Model bob = user("bob");
        QVERIFY(UserService::checkPassword(bob, "bob"));

        // Mismatch and blank passwords are asked again; a taken username too.
        QCOMPARE(run({"createsuperuser", "--email", "c@example.com"}, &out, &err, "ann\ncarl\none-Good-pass1\nanother-Good-pass1\n \n \nQuango-carl-2026\nQuango-carl-2026\n"), 0);
        QVERIFY2(err.contains("Error: That username is already taken.") && err.contains("Error: Your passwords didn't match.")
                     && err.contains("Error: Blank passwords aren't allowed."),
                 qPrintable(err));
        Model carl = user("carl");
        QVERIFY(UserService::checkPassword(carl, "Quango-carl-2026"));

        // End of input: cancelled, nothing created.
        QCOMPARE(run({"createsuperuser"}, &out, &err, "dave\n"), 1);
        QVERIFY2(err.contains("Operation cancelled."), qPrintable(err));
        QVERIFY(!exists("dave"));
    }

    void changepassword()
    {
        UserService::createUser("ann", "ann@example.com", "Old-password-2026");
        QString out, err;
        QCOMPARE(run({"changepassword", "ann"}, &out, &err, "New-password-2026\nNew-password-2026\n"), 0);
        QVERIFY2(out.startsWith("Changing password for user 'ann'\n") && out.endsWith("Password changed successfully for user 'ann'\n"), qPrintable(out));
        Model ann = user("ann");
        QVERIFY(UserService::checkPassword(ann, "New-password-2026"));
        // Three refused tries abort; the password stays.
        QCOMPARE(run({"changepassword", "ann"}, &out, &err, "a\nb\npassword\npassword\nann\nann\n"), 1);
        QVERIFY2(out.contains("Passwords do not match. Please try again.") && err.contains("This password is too common.")
                     && err.contains("CommandError: Aborting password change for user 'ann' after 3 attempts"),
                 qPrintable(out + err));
        ann = user("ann");
        QVERIFY(UserService::checkPassword(ann, "New-password-2026"));
        QCOMPARE(run({"changepassword", "nobody"}, &out, &err, "x\nx\n"), 1);
        QVERIFY2(err.contains("CommandError: user 'nobody' does not exist"), qPrintable(err));
        QCOMPARE(run({"changepassword", "ann", "extra"}, &out, &err), 2);
        QVERIFY2(err.contains("Usage: quango changepassword"), qPrintable(err));
    }

    void authSettings()
    {
        QString out, err;
        qputenv("QUANGO_PASSWORD_ITERATIONS", "1234");
        qputenv("QUANGO_LOGIN_MAX_FAILURES", "7");
        qputenv("QUANGO_SUPERUSER_PASSWORD", "Quango-admin-2026");
        const int code = run({"createsuperuser", "--noinput", "--username", "admin", "--email", "admin@example.com"}, &out, &err);
        qunsetenv("QUANGO_SUPERUSER_PASSWORD");
        QCOMPARE(code, 0);
        QVERIFY(user("admin").value("password").toString().startsWith("pbkdf2_sha256$1234$"));
        QCOMPARE(Authentication::throttle().maxFailures, 7);
        qputenv("QUANGO_PASSWORD_ITERATIONS", "many");
        QCOMPARE(run({"drf_create_token", "admin"}, &out, &err), 1);
        QVERIFY2(err.contains("PASSWORD_ITERATIONS must be a whole number of at least 1, not 'many' (from the environment variable QUANGO_PASSWORD_ITERATIONS)"),
                 qPrintable(err));
        qunsetenv("QUANGO_PASSWORD_ITERATIONS");
        qunsetenv("QUANGO_LOGIN_MAX_FAILURES");
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        Authentication::setThrottle({});
    }

    void drfCreateToken()
    {
        UserService::createUser("ann", "", "Old-password-2026");
        QString out, err;
        QCOMPARE(run({"drf_create_token", "ann"}, &out, &err), 0);
        static const QRegularExpression line("^Generated token ([0-9a-f]{40}) for user ann\n$");
        QRegularExpressionMatch m = line.match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        const QString first = m.captured(1);
        QCOMPARE(Token::forUser(user("ann")).value("key").toString(), first);
        QCOMPARE(run({"drf_create_token", "ann"}, &out, &err), 0);
        QCOMPARE(line.match(out).captured(1), first); // the same token again
        QCOMPARE(run({"drf_create_token", "-r", "ann"}, &out, &err), 0);
        m = line.match(out);
        QVERIFY(m.hasMatch() && m.captured(1) != first);
        QCOMPARE(run({"drf_create_token", "--reset", "ann"}, &out, &err), 0);
        QCOMPARE(Token::meta().objects().count(), 1);

        QCOMPARE(run({"drf_create_token", "nobody"}, &out, &err), 1);
        QVERIFY2(err.contains("CommandError: Cannot create the Token: user nobody does not exist"), qPrintable(err));
        QCOMPARE(run({"drf_create_token"}, &out, &err), 2);
        QVERIFY2(err.contains("the following arguments are required: username") && err.contains("Usage: quango drf_create_token"), qPrintable(err));
        QCOMPARE(run({"drf_create_token", "--nope", "ann"}, &out, &err), 2);
        QVERIFY2(err.contains("--nope") && err.contains("Usage: quango drf_create_token"), qPrintable(err));
        QCOMPARE(run({"createsuperuser", "--bogus"}, &out, &err), 2);
        QVERIFY2(err.contains("Usage: quango createsuperuser"), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestAuthCommands)
#include "tst_authcommands.moc"
