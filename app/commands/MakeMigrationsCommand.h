#pragma once
#include "app/commands/Command.h"

namespace quango {

// Django's `makemigrations`: compares the apps' models with their migrations
// and writes the new migration files. --check exits 1 when something would be
// written (CI), --dry-run prints instead of writing, --empty writes an empty
// migration, --name names it. On a terminal (and without --noinput) it asks
// like Django (InteractiveMigrationQuestioner); answers for non-interactive
// use: --default app.Model.field=VALUE (one-off default for a non-null field),
// --rename app.Model.old=new / app.Old=New. Files go to the app's migrations
// folder when it is on disk; --migrations-dir DIR uses DIR/<app_label>/ for
// the apps that have that folder or no migrations of their own
// (MigrationLoader::setMigrationsRoots). A ':/' resource is never written.
class MakeMigrationsCommand : public Command {
public:
    QString name() const override { return QStringLiteral("makemigrations"); }
    QString help() const override { return QStringLiteral("Creates new migrations based on the changes detected to your models."); }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
