#pragma once
#include "app/commands/Command.h"

namespace quango {

// Django's changepassword [USERNAME]: asks twice for the new password,
// validates it, three tries. Without a username: the current system user's.
class ChangePasswordCommand : public Command {
public:
    QString name() const override { return QStringLiteral("changepassword"); }
    QString help() const override { return QStringLiteral("Change a user's password (auth.User)."); }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
