#pragma once
#include "app/commands/Command.h"

namespace quango {

// Django's createsuperuser: asks for username, email and password (validated,
// with Django's "Bypass password validation" question), or with --noinput
// takes them from --username/--email and QUANGO_SUPERUSER_USERNAME, _EMAIL and
// _PASSWORD (no password: an unusable one; like Django, not validated).
class CreateSuperuserCommand : public Command {
public:
    QString name() const override { return QStringLiteral("createsuperuser"); }
    QString help() const override { return QStringLiteral("Create a superuser: a user with every permission who can log into the admin."); }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
