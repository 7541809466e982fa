#pragma once
#include <QString>
#include <QTextStream>
#include <optional>

namespace quango {

// Interactive input for commands (Django's input() and getpass.getpass()):
// a line from standard input, or from a stream a test installs. nullopt at
// end of input, which commands treat as "Operation cancelled."
class Prompt {
public:
    // nullptr: standard input again.
    static void setInput(QTextStream *input);
    static std::optional<QString> readLine(QTextStream &out, const QString &prompt);
    // Like readLine, with the terminal's echo off (termios) when standard input
    // is a terminal, and a newline written after the hidden input.
    static std::optional<QString> readPassword(QTextStream &out, const QString &prompt);
};

} // namespace quango
