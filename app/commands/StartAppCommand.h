#pragma once
#include "app/commands/TemplateCommand.h"

namespace quango {

// Django's `startapp NAME [DIRECTORY]`: an app folder (an AppConfig subclass
// for its models, signals and tasks files, an empty migrations folder and a
// CMakeLists.txt) in ./NAME or in DIRECTORY, which must exist.
class StartAppCommand : public TemplateCommand {
public:
    QString name() const override { return QStringLiteral("startapp"); }
    QString help() const override
    {
        return QStringLiteral("Creates a Quango app directory structure for the given app name in the current directory or optionally in the "
                              "given directory.");
    }

protected:
    QString kind() const override { return QStringLiteral("app"); }
};

} // namespace quango
