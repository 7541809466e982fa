#pragma once
#include "app/commands/Command.h"

namespace quango {

// DRF's drf_create_token USERNAME [-r/--reset]: prints the user's API token,
// creating it (or replacing it with --reset).
class DrfCreateTokenCommand : public Command {
public:
    QString name() const override { return QStringLiteral("drf_create_token"); }
    QString help() const override { return QStringLiteral("Create a DRF Token for a given user."); }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
