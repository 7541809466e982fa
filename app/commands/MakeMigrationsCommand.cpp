#include "app/commands/MakeMigrationsCommand.h"
#include "app/commands/InteractiveMigrationQuestioner.h"
#include "apps/Registry.h"
#include "migrations/MigrationAutodetector.h"
#include "migrations/MigrationError.h"
#include "migrations/MigrationLoader.h"
#include "migrations/MigrationQuestioner.h"
#include "migrations/MigrationWriter.h"
#include <QDir>
#include <cstdio>
#include <unistd.h>

namespace quango {

void MakeMigrationsCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("app_label"), QStringLiteral("Only these apps."), QStringLiteral("[app_label...]"));
    parser.addOption({QStringLiteral("check"), QStringLiteral("Exit with status 1 if model changes are missing migrations.")});
    parser.addOption({QStringLiteral("dry-run"), QStringLiteral("Show what migrations would be made; don't write them.")});
    parser.addOption({QStringLiteral("empty"), QStringLiteral("Create an empty migration.")});
    parser.addOption({{QStringLiteral("n"), QStringLiteral("name")}, QStringLiteral("Use this name for the migration file(s)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("migrations-dir"),
                      QStringLiteral("Read and write an app's migrations in DIR/<app_label>/ when that folder exists or the app has no "
                                     "migrations of its own (repeatable: the first DIR with the app's folder wins)."),
                      QStringLiteral("dir")});
    parser.addOption({{QStringLiteral("noinput"), QStringLiteral("no-input")}, QStringLiteral("Tells Quango to NOT prompt the user for input of any kind.")});
    parser.addOption({QStringLiteral("default"), QStringLiteral("One-off default for a new non-null field: app.Model.field=VALUE (JSON or text)."),
                      QStringLiteral("spec")});
    parser.addOption({QStringLiteral("rename"), QStringLiteral("Treat a change as a rename: app.Model.old=new or app.Old=New."), QStringLiteral("spec")});
}

int MakeMigrationsCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    Registry &registry = Registry::instance();
    QStringList labels = parser.positionalArguments();
    for (const QString &label : std::as_const(labels))
        registry.appOrThrow(label);
    MigrationLoader loader(registry);
    loader.setMigrationsRoots(parser.values(QStringLiteral("migrations-dir")));
    loader.load();
    loader.checkConflicts();

    // Prompts only on a terminal, like Django; scripts and CI get the flags' answers.
    const bool interactive = !parser.isSet(QStringLiteral("noinput")) && isatty(STDIN_FILENO);
    QTextStream stdinStream(stdin);
    MigrationQuestioner plain;
    InteractiveMigrationQuestioner prompting(stdinStream, context.out);
    MigrationQuestioner &questioner = interactive ? prompting : plain;
    for (const QString &spec : parser.values(QStringLiteral("default"))) {
        const qsizetype eq = spec.indexOf(QLatin1Char('='));
        if (eq <= 0)
            throw MigrationError(QStringLiteral("--default needs app.Model.field=VALUE, got '%1'.").arg(spec));
        questioner.setDefault(spec.left(eq), InteractiveMigrationQuestioner::parseValue(spec.mid(eq + 1)));
    }
    for (const QString &spec : parser.values(QStringLiteral("rename")))
        questioner.addRename(spec);

    QMap<QString, QList<MigrationPtr>> changes;
    if (parser.isSet(QStringLiteral("empty"))) {
        if (labels.isEmpty())
            throw MigrationError(QStringLiteral("You must supply at least one app label when using --empty."));
        for (const QString &app : std::as_const(labels)) {
            const QList<MigrationKey> leaves = loader.graph().leafNodes(app);
            // Django's names: "initial" for an app's first, "auto_<timestamp>" after.
            const QString name = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name"))
                                                                      : MigrationAutodetector::suggestName({}, leaves.isEmpty());
            auto migration = std::make_shared<Migration>(app, MigrationAutodetector::nextNumber(loader.graph(), app) + QLatin1Char('_') + name);
            migration->setDependencies(leaves);
            migration->setInitial(leaves.isEmpty());
            changes[app] << migration;
        }
    } else {
        MigrationAutodetector detector(loader.projectState(), ProjectState::fromRegistry(registry), questioner);
        changes = detector.changes(loader.graph(), labels, parser.value(QStringLiteral("name")));
    }

    if (changes.isEmpty()) {
        if (context.verbosity >= 1)
            context.out << (labels.size() == 1 ? QStringLiteral("No changes detected in app '%1'\n").arg(labels.first()) : QStringLiteral("No changes detected\n"));
        return 0;
    }
    const bool write = !parser.isSet(QStringLiteral("dry-run")) && !parser.isSet(QStringLiteral("check"));
    if (write)
        MigrationWriter::checkDestinations(changes, loader);
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        context.out << "Migrations for '" << it.key() << "':\n";
        for (const MigrationPtr &migration : it.value()) {
            const QString where = loader.migrationsPath(it.key());
            const MigrationWriter writer(*migration);
            const QString path = write ? writer.write(where) : QDir(where).filePath(writer.fileName());
            context.out << "  " << path << "\n";
            for (const OperationPtr &operation : migration->operations())
                context.out << "    - " << operation->describe() << "\n";
            if (parser.isSet(QStringLiteral("dry-run")) && context.verbosity >= 3)
                context.out << writer.contents();
        }
    }
    return parser.isSet(QStringLiteral("check")) ? 1 : 0;
}

} // namespace quango
