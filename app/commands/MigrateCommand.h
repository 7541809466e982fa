#pragma once
#include "app/commands/Command.h"

namespace quango {

// Django's `migrate [app_label [migration_name]]`: applies migrations forwards,
// or backwards to a target ("zero" unapplies all of an app); --plan prints the
// plan, --fake records without running. Apps without migration files are
// "unmigrated": their tables are created only with --run-syncdb, in one
// transaction. pre_migrate/post_migrate are sent per app.
class MigrateCommand : public Command {
public:
    QString name() const override { return QStringLiteral("migrate"); }
    QString help() const override { return QStringLiteral("Updates database schema. Manages both apps with migrations and those without (--run-syncdb)."); }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
