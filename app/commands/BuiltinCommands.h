#pragma once

namespace quango {

class CommandRegistry;

// Adds the commands every Quango project has (help, check, gui, and the ones
// later parts add). Safe to call more than once.
void registerBuiltinCommands(CommandRegistry &registry);

} // namespace quango
