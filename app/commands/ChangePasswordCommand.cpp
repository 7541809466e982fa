#include "app/commands/ChangePasswordCommand.h"
#include "app/commands/Prompt.h"
#include "contrib/auth/PasswordValidation.h"
#include "contrib/auth/UserService.h"
#include "orm/Exceptions.h"
#include <unistd.h>
#include <pwd.h>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
// Python's getpass.getuser(): LOGNAME, USER, LNAME, USERNAME, then the passwd entry.
QString systemUser()
{
    for (const char *name : {"LOGNAME", "USER", "LNAME", "USERNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    if (const passwd *entry = getpwuid(getuid()))
        return QString::fromLocal8Bit(entry->pw_name);
    return {};
}
} // namespace

void ChangePasswordCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"username"_s, u"Username to change password for; by default, it's the current username."_s, u"[username]"_s);
}

int ChangePasswordCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() > 1) {
        context.err << u"Error: unrecognized arguments: %1"_s.arg(args.mid(1).join(u' ')) << "\n\n" << usage();
        return 2;
    }
    const QString username = args.isEmpty() ? systemUser() : args.first();
    Model user;
    try {
        user = UserService::getByNaturalKey(username);
    } catch (const DoesNotExist &) {
        throw Error(u"user '%1' does not exist"_s.arg(username));
    }
    context.out << u"Changing password for user '%1'\n"_s.arg(user.str());

    constexpr int MaxTries = 3;
    int count = 0;
    QString password;
    bool validated = false;
    while (!validated && count < MaxTries) {
        const std::optional<QString> p1 = Prompt::readPassword(context.out, u"Password: "_s);
        const std::optional<QString> p2 = p1 ? Prompt::readPassword(context.out, u"Password (again): "_s) : std::nullopt;
        if (!p1 || !p2) {
            context.err << "\nOperation cancelled.\n";
            return 1;
        }
        if (*p1 != *p2) {
            context.out << "Passwords do not match. Please try again.\n";
            ++count;
            continue;
        }
        const QStringList errors = PasswordValidation::passwordErrors(*p2, &user);
        if (!errors.isEmpty()) {
            context.err << errors.join(u'\n') << "\n";
            ++count;
            continue;
        }
        validated = true;
        password = *p1;
    }
    if (!validated)
        throw Error(u"Aborting password change for user '%1' after %2 attempts"_s.arg(user.str()).arg(count));
    UserService::setPassword(user, password);
    user.save();
    context.out << u"Password changed successfully for user '%1'\n"_s.arg(user.str());
    return 0;
}

} // namespace quango
