#pragma once
#include "app/commands/Command.h"

namespace quango {

// Django's `showmigrations`: each app's migrations, "[X]" when applied.
class ShowMigrationsCommand : public Command {
public:
    QString name() const override { return QStringLiteral("showmigrations"); }
    QString help() const override { return QStringLiteral("Shows all available migrations for the current project."); }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
