#include "app/commands/Prompt.h"
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace quango {

namespace {
QTextStream *g_input = nullptr;

std::optional<QString> nextLine()
{
    if (g_input) {
        if (g_input->atEnd())
            return std::nullopt;
        return g_input->readLine();
    }
    // Not a QTextStream on stdin: it would read ahead and keep what it buffered.
    QString line;
    char buffer[512];
    bool any = false;
    while (std::fgets(buffer, sizeof(buffer), stdin)) {
        any = true;
        line += QString::fromLocal8Bit(buffer);
        if (line.endsWith(QLatin1Char('\n')))
            break;
    }
    if (!any)
        return std::nullopt;
    while (line.endsWith(QLatin1Char('\n')) || line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}
} // namespace

void Prompt::setInput(QTextStream *input) { g_input = input; }

std::optional<QString> Prompt::readLine(QTextStream &out, const QString &prompt)
{
    out << prompt;
    out.flush();
    return nextLine();
}

std::optional<QString> Prompt::readPassword(QTextStream &out, const QString &prompt)
{
    out << prompt;
    out.flush();
    const bool terminal = !g_input && isatty(STDIN_FILENO);
    termios saved{};
    const bool hidden = terminal && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hidden) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    const std::optional<QString> line = nextLine();
    if (hidden)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (terminal) {
        out << "\n"; // the Enter the user typed was not echoed
        out.flush();
    }
    return line;
}

} // namespace quango
