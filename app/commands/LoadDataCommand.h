#pragma once
#include "app/commands/Command.h"

namespace quango {

// Django's `loaddata FIXTURE...`: installs JSON fixtures in one transaction
// (FixtureLoader) and prints "Installed N object(s) from M fixture(s)".
// -i skips fields the models do not have; -e leaves apps or models out.
class LoadDataCommand : public Command {
public:
    QString name() const override { return QStringLiteral("loaddata"); }
    QString help() const override { return QStringLiteral("Installs the named fixture(s) in the database."); }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
