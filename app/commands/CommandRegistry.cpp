#include "app/commands/CommandRegistry.h"
#include "orm/Exceptions.h"
#include <algorithm>

namespace quango {

CommandRegistry &CommandRegistry::instance()
{
    static CommandRegistry registry;
    return registry;
}

void CommandRegistry::add(std::shared_ptr<Command> command)
{
    if (find(command->name()))
        throw ImproperlyConfigured(QStringLiteral("Two commands are named '%1'.").arg(command->name()));
    m_commands.append(std::move(command));
}

Command *CommandRegistry::find(const QString &name) const
{
    for (const auto &command : m_commands)
        if (command->name() == name)
            return command.get();
    return nullptr;
}

QList<Command *> CommandRegistry::commands() const
{
    QList<Command *> out;
    for (const auto &command : m_commands)
        out << command.get();
    std::sort(out.begin(), out.end(), [](Command *a, Command *b) { return a->name() < b->name(); });
    return out;
}

} // namespace quango
