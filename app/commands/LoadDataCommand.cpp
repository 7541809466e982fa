#include "app/commands/LoadDataCommand.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "serializers/FixtureLoader.h"
#include <QSet>

namespace quango {

void LoadDataCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("fixture"), QStringLiteral("Fixture files (a name without extension finds NAME.json)."),
                                 QStringLiteral("fixture [fixture ...]"));
    parser.addOption({{QStringLiteral("i"), QStringLiteral("ignorenonexistent")},
                      QStringLiteral("Ignores entries in the serialized data for fields that do not currently exist on the model.")});
    parser.addOption({{QStringLiteral("e"), QStringLiteral("exclude")},
                      QStringLiteral("An app_label or app_label.ModelName to exclude. Can be used multiple times."), QStringLiteral("EXCLUDE")});
}

int LoadDataCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    const QStringList fixtures = parser.positionalArguments();
    if (fixtures.isEmpty()) {
        context.err << "the following arguments are required: fixture\n\n" << usage();
        return 2;
    }
    const Registry &registry = Registry::instance();
    QSet<const ModelMeta *> excluded;
    for (const QString &label : parser.values(QStringLiteral("exclude"))) {
        if (label.contains(u'.')) {
            const ModelMeta *model = registry.model(label);
            if (!model)
                throw Error(QStringLiteral("Unknown model: %1").arg(label));
            excluded.insert(model);
        } else {
            const AppConfig *app = registry.app(label);
            if (!app)
                throw Error(QStringLiteral("No installed app with label '%1'.").arg(label));
            for (const ModelMeta *model : app->models())
                excluded.insert(model);
        }
    }

    FixtureLoader loader;
    loader.setIgnoreNonexistent(parser.isSet(QStringLiteral("ignorenonexistent")));
    loader.setExcludedModels(excluded);
    const FixtureLoadResult result = loader.loadFiles(fixtures);
    for (const QString &empty : result.emptyFixtures)
        context.err << QStringLiteral("No fixture data found for '%1'. (File format may be invalid.)\n").arg(empty);
    if (context.verbosity >= 1) {
        if (result.objectCount == result.loadedCount)
            context.out << QStringLiteral("Installed %1 object(s) from %2 fixture(s)\n").arg(result.loadedCount).arg(result.fixtureCount);
        else
            context.out << QStringLiteral("Installed %1 object(s) (of %2) from %3 fixture(s)\n").arg(result.loadedCount).arg(result.objectCount).arg(result.fixtureCount);
    }
    return 0;
}

} // namespace quango
