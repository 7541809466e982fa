#pragma once
#include "app/commands/Command.h"

namespace quango {

// Django's `migrate`. Apps have no migration files yet (the migrations
// framework comes next), so every app is an "unmigrated app": as in Django,
// their tables are created only with --run-syncdb, inside one transaction,
// with pre_migrate/post_migrate sent per app.
class MigrateCommand : public Command {
public:
    QString name() const override { return QStringLiteral("migrate"); }
    QString help() const override { return QStringLiteral("Update the database schema: with --run-syncdb, create the tables of apps without migrations."); }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
