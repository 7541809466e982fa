#pragma once
#include "app/commands/Command.h"
#include <QList>
#include <functional>
#include <memory>

namespace quango {

// The commands a `quango` binary knows. Adding one is one line:
//   CommandRegistry::instance().add(std::make_shared<MigrateCommand>());
class CommandRegistry {
public:
    static CommandRegistry &instance();
    void add(std::shared_ptr<Command> command);
    Command *find(const QString &name) const;
    QList<Command *> commands() const; // sorted by name

private:
    QList<std::shared_ptr<Command>> m_commands;
};

} // namespace quango
