#pragma once
#include "app/commands/Command.h"

namespace quango {

// `quango help` lists the commands; `quango help CMD` shows CMD's options.
class HelpCommand : public Command {
public:
    QString name() const override { return QStringLiteral("help"); }
    QString help() const override { return QStringLiteral("List the commands, or show one command's options."); }
    bool needsDatabase() const override { return false; }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
