#pragma once
#include "app/commands/Command.h"

namespace quango {

// Django's `check`: models, relations and settings; exit 1 on errors.
class CheckCommand : public Command {
public:
    QString name() const override { return QStringLiteral("check"); }
    QString help() const override { return QStringLiteral("Check the project for problems: models, relations and settings."); }
    bool needsDatabase() const override { return false; } // it checks the database setting itself
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
