#include "app/commands/CreateSuperuserCommand.h"
#include "app/commands/Prompt.h"
#include "contrib/auth/PasswordValidation.h"
#include "contrib/auth/UserService.h"
#include "orm/Exceptions.h"
#include "orm/Field.h"
#include "orm/Manager.h"
#include "orm/QuerySet.h"
#include <pwd.h>
#include <unistd.h>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
// Django's _validate_username: blank, taken, or the field's own errors.
QString usernameError(const QString &username)
{
    if (username.isEmpty())
        return u"This field cannot be blank."_s;
    const ModelMeta &user = UserService::userMeta();
    if (user.objects().filter(Q(u"username"_s, username)).exists())
        return u"Error: That username is already taken."_s;
    const QStringList errors = user.field(u"username"_s)->validate(username);
    if (!errors.isEmpty())
        return u"Error: "_s + errors.join(u"; "_s);
    return {};
}

// Django's get_default_username: the system user's name, lowercased, when it
// is a valid and free username.
QString defaultUsername()
{
    QString name;
    if (const passwd *entry = getpwuid(getuid()))
        name = QString::fromLocal8Bit(entry->pw_name);
    name = name.toLower();
    if (name.isEmpty() || !usernameError(name).isEmpty())
        return {};
    return name;
}

// EmailField.clean: "Error: Enter a valid email address." on a bad one.
QString emailError(const QString &email)
{
    const QStringList errors = UserService::userMeta().field(u"email"_s)->validate(email);
    return errors.isEmpty() ? QString() : u"Error: "_s + errors.join(u"; "_s);
}
} // namespace

void CreateSuperuserCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({u"username"_s, u"Specifies the login for the superuser."_s, u"username"_s});
    parser.addOption({u"email"_s, u"Specifies the email for the superuser."_s, u"email"_s});
    parser.addOption({{u"noinput"_s, u"no-input"_s},
                      u"Tells Quango to NOT prompt the user for input of any kind. You must use --username with --noinput, "
                      "along with an option for any other required field. Superusers created with --noinput will not be able "
                      "to log in until they're given a valid password (QUANGO_SUPERUSER_PASSWORD sets one)."_s});
}

int CreateSuperuserCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    if (!parser.positionalArguments().isEmpty()) {
        context.err << u"Error: unrecognized arguments: %1"_s.arg(parser.positionalArguments().join(u' ')) << "\n\n" << usage();
        return 2;
    }
    QString username = parser.value(u"username"_s);
    QString email = parser.value(u"email"_s);

    if (parser.isSet(u"noinput"_s)) {
        if (!parser.isSet(u"username"_s))
            username = qEnvironmentVariable("QUANGO_SUPERUSER_USERNAME");
        if (username.isEmpty())
            throw Error(u"You must use --username with --noinput."_s);
        const QString error = usernameError(username);
        if (!error.isEmpty())
            throw Error(error);
        if (!parser.isSet(u"email"_s))
            email = qEnvironmentVariable("QUANGO_SUPERUSER_EMAIL");
        if (email.isEmpty())
            throw Error(u"You must use --email with --noinput."_s);
        if (const QString bad = emailError(email); !bad.isEmpty())
            throw Error(bad);
        // As Django: the environment's password is taken as it is; none gives an unusable one.
        const QString password = qEnvironmentVariableIsSet("QUANGO_SUPERUSER_PASSWORD")
            ? qEnvironmentVariable("QUANGO_SUPERUSER_PASSWORD") : QString();
        UserService::createSuperuser(username, email, password);
        if (context.verbosity >= 1)
            context.out << "Superuser created successfully.\n";
        return 0;
    }

    auto cancelled = [&context]() {
        context.err << "\nOperation cancelled.\n";
        return 1;
    };
    if (parser.isSet(u"username"_s)) {
        if (username.isEmpty())
            throw Error(u"Username cannot be blank."_s);
        if (const QString error = usernameError(username); !error.isEmpty()) {
            context.err << error << "\n";
            username.clear();
        }
    }
    const QString fallback = username.isEmpty() ? defaultUsername() : QString();
    while (username.isEmpty()) {
        const QString prompt = fallback.isEmpty() ? u"Username: "_s : u"Username (leave blank to use '%1'): "_s.arg(fallback);
        const std::optional<QString> answer = Prompt::readLine(context.out, prompt);
        if (!answer)
            return cancelled();
        const QString candidate = answer->isEmpty() ? fallback : *answer;
        if (candidate.isEmpty())
            continue;
        if (const QString error = usernameError(candidate); !error.isEmpty()) {
            context.err << error << "\n";
            continue;
        }
        username = candidate;
    }
    bool haveEmail = parser.isSet(u"email"_s);
    if (haveEmail) {
        if (const QString bad = emailError(email); !bad.isEmpty())
            throw Error(bad);
    }
    while (!haveEmail) {
        const std::optional<QString> answer = Prompt::readLine(context.out, u"Email address: "_s);
        if (!answer)
            return cancelled();
        if (const QString bad = emailError(answer->trimmed()); !bad.isEmpty()) {
            context.err << bad << "\n";
            continue;
        }
        email = answer->trimmed();
        haveEmail = true;
    }

    // The validators see the user as it will be (UserAttributeSimilarity).
    Model candidate(&UserService::userMeta());
    candidate.setValue(u"username"_s, username);
    candidate.setValue(u"email"_s, email);
    QString password;
    while (password.isNull()) {
        const std::optional<QString> p1 = Prompt::readPassword(context.out, u"Password: "_s);
        const std::optional<QString> p2 = p1 ? Prompt::readPassword(context.out, u"Password (again): "_s) : std::nullopt;
        if (!p1 || !p2)
            return cancelled();
        if (*p1 != *p2) {
            context.err << "Error: Your passwords didn't match.\n";
            continue;
        }
        if (p1->trimmed().isEmpty()) {
            context.err << "Error: Blank passwords aren't allowed.\n";
            continue;
        }
        const QStringList errors = PasswordValidation::passwordErrors(*p2, &candidate);
        if (!errors.isEmpty()) {
            context.err << errors.join(u'\n') << "\n";
            context.err.flush();
            const std::optional<QString> bypass = Prompt::readLine(context.out, u"Bypass password validation and create user anyway? [y/N]: "_s);
            if (!bypass)
                return cancelled();
            if (bypass->toLower() != u"y"_s)
                continue;
        }
        password = *p1;
    }
    UserService::createSuperuser(username, email, password);
    if (context.verbosity >= 1)
        context.out << "Superuser created successfully.\n";
    return 0;
}

} // namespace quango
