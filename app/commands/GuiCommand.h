#pragma once
#include "app/commands/Command.h"

namespace quango {

// Opens the admin window (the default command).
class GuiCommand : public Command {
public:
    QString name() const override { return QStringLiteral("gui"); }
    QString help() const override { return QStringLiteral("Open the admin window (the default)."); }
    bool needsGui() const override { return true; }
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
