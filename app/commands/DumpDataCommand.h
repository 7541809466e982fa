#pragma once
#include "app/commands/Command.h"

namespace quango {

// Django's `dumpdata [app_label[.ModelName] ...]`: the rows of the named apps
// or models (all installed apps when none) as a JSON fixture that loaddata,
// and Django's own loaddata, read back. --indent N pretty-prints, -o writes a
// file instead of stdout, -e leaves apps or models out (repeatable), --pks
// limits one model to some primary keys. Unmanaged models are not dumped.
class DumpDataCommand : public Command {
public:
    QString name() const override { return QStringLiteral("dumpdata"); }
    QString help() const override
    {
        return QStringLiteral("Output the contents of the database as a fixture of the given format (using each model's default manager "
                              "unless --all is specified).");
    }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser, CommandContext &context) override;
};

} // namespace quango
