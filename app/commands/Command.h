#pragma once
#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace quango {

class Settings;

// What a command gets besides its parsed options: the project settings and
// where to print (so tests can capture both streams).
struct CommandContext {
    Settings &settings;
    QTextStream &out;
    QTextStream &err;
    int verbosity = 1;
};

// Django's BaseCommand: a name, a one-line help, its own options, run().
// Errors are thrown as quango::Error; ManagementUtility prints them as
// "CommandError: ..." with exit code 1.
class Command {
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString help() const = 0;
    virtual void addOptions(QCommandLineParser &parser) { Q_UNUSED(parser); }
    // Whether the command needs the database configured and apps populated.
    virtual bool needsDatabase() const { return true; }
    // Whether the command shows widgets (main creates a QApplication for it).
    virtual bool needsGui() const { return false; }
    virtual int run(const QCommandLineParser &parser, CommandContext &context) = 0;

    // The parser for this command: -h/--help plus addOptions(). One place, so
    // `quango CMD --help` and `quango help CMD` cannot drift apart.
    void setUpParser(QCommandLineParser &parser);
    // "Usage: quango CMD [options] ..." with the description and options.
    QString usage();
    // A parser's help text with the program shown as `invocation`:
    // QCommandLineParser names the executable's full path, and inside a test
    // binary that path is not even quango's.
    static QString helpText(const QCommandLineParser &parser, const QString &invocation);
    // A failed parse's message with unknown options as typed ("--nope"), not
    // as QCommandLineParser names them ("nope").
    static QString errorText(const QCommandLineParser &parser);
};

} // namespace quango
