#pragma once
#include "app/commands/Command.h"

namespace quango {

// Opens the admin window (the default command). Which database: the one the
// settings name (--database, QUANGO_DATABASE_URL or the settings file); when
// none does, or with --choose-database, the connection dialog asks (the
// embedded SQLite file preselected, or the database used last). A configured
// database that cannot be reached also opens the dialog, with the reason.
class GuiCommand : public Command {
public:
    QString name() const override { return QStringLiteral("gui"); }
    QString help() const override
    {
        return QStringLiteral("Open the admin window (the default). Asks for the database unless --database, "
                              "QUANGO_DATABASE_URL or the settings file names one.");
    }
    void addOptions(QCommandLineParser &parser) override;
    bool needsGui() const override { return true; }
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
