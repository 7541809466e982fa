#pragma once
#include "app/commands/TemplateCommand.h"

namespace quango {

// Django's `startproject NAME [DIRECTORY]`: a CMake project that finds the
// installed Quango (find_package(Quango)), a main.cpp running every command
// with the project's apps installed, and quango.ini with a SQLite database
// in the project folder and a new SECRET_KEY.
class StartProjectCommand : public TemplateCommand {
public:
    QString name() const override { return QStringLiteral("startproject"); }
    QString help() const override
    {
        return QStringLiteral("Creates a Quango project directory structure for the given project name in the current directory or optionally "
                              "in the given directory.");
    }

protected:
    QString kind() const override { return QStringLiteral("project"); }
    QHash<QString, QString> extraContext(const QString &name, const QString &topDir) const override;
};

} // namespace quango
