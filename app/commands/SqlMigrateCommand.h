#pragma once
#include "app/commands/Command.h"

namespace quango {

// Django's `sqlmigrate app name [--backwards]`: the SQL a migration runs.
class SqlMigrateCommand : public Command {
public:
    QString name() const override { return QStringLiteral("sqlmigrate"); }
    QString help() const override { return QStringLiteral("Prints the SQL statements for the named migration."); }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
