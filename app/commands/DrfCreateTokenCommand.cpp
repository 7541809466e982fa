#include "app/commands/DrfCreateTokenCommand.h"
#include "contrib/auth/UserService.h"
#include "contrib/authtoken/Token.h"
#include "orm/Exceptions.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

void DrfCreateTokenCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(u"username"_s, u"The user the token is for."_s, u"username"_s);
    parser.addOption({{u"r"_s, u"reset"_s}, u"Reset existing User token and create a new one"_s});
}

int DrfCreateTokenCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1) {
        context.err << (args.isEmpty() ? u"Error: the following arguments are required: username"_s
                                       : u"Error: unrecognized arguments: %1"_s.arg(args.mid(1).join(u' ')))
                    << "\n\n" << usage();
        return 2;
    }
    const QString username = args.first();
    Model user;
    try {
        user = UserService::getByNaturalKey(username);
    } catch (const DoesNotExist &) {
        throw Error(u"Cannot create the Token: user %1 does not exist"_s.arg(username));
    }
    const Model token = parser.isSet(u"reset"_s) ? Token::reset(user) : Token::forUser(user);
    context.out << u"Generated token %1 for user %2\n"_s.arg(token.value(u"key"_s).toString(), username);
    return 0;
}

} // namespace quango
