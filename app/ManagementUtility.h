#pragma once
#include <QStringList>
#include <QTextStream>

namespace quango {

// Django's ManagementUtility: `quango [global options] <command> [options]`.
// Global options come before the command: --database URL, --settings FILE,
// -v/--verbosity N, --version, -h/--help. `quango` alone runs `gui`.
// Every quango::Error is caught here and printed as "CommandError: ...".
class ManagementUtility {
public:
    ManagementUtility(QStringList arguments, QTextStream &out, QTextStream &err);
    int execute();
    // The command the arguments name ("gui" when none): main() uses it to pick
    // QApplication or QCoreApplication before anything else runs.
    static QString commandName(const QStringList &arguments);
    // The global usage, options and the list of commands (`quango help`).
    static QString usage();

private:
    struct Parsed {
        QString database, settings, command;
        int verbosity = 1;
        bool help = false, version = false;
        bool commandGiven = false; // false: `gui` by default
        QStringList rest; // the command's own arguments
        QString error;
    };
    static Parsed parse(const QStringList &arguments);
    QStringList m_arguments;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace quango
