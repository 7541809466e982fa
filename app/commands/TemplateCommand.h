#pragma once
#include "app/commands/Command.h"
#include <QHash>

namespace quango {

// Django's TemplateCommand, the base of startapp and startproject: checks the
// name, picks the target folder and writes the files of a template shipped
// in libquango as the Qt resource :/templates/<kind>/ ("app", "project").
// In file contents "{{ app_name }}"-style variables are replaced; in file
// names "AppName" becomes the CamelCase name and a "-tpl" suffix is dropped
// (so the templates' .cpp files are not compiled into libquango).
class TemplateCommand : public Command {
public:
    bool needsDatabase() const override { return false; }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;

    // "my_app" -> "MyApp", as Django's camel_case_app_name.
    static QString camelCase(const QString &name);
    // Throws Error with Django's message when `name` cannot name an app,
    // project or directory (`what`).
    static void validateName(const QString &name, const QString &what);

protected:
    virtual QString kind() const = 0;   // "app" or "project"
    // Variables besides <kind>_name and camel_case_<kind>_name.
    virtual QHash<QString, QString> extraContext(const QString &name, const QString &topDir) const;
};

} // namespace quango
