#include "app/commands/DumpDataCommand.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "orm/Model.h"
#include "serializers/JsonSerializer.h"
#include <QSaveFile>
#include <QSet>

namespace quango {

void DumpDataCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("app_label[.ModelName]"),
                                 QStringLiteral("Restricts dumped data to the specified app_label or app_label.ModelName."),
                                 QStringLiteral("[app_label[.ModelName] ...]"));
    parser.addOption({QStringLiteral("format"), QStringLiteral("Specifies the output serialization format for fixtures (json)."), QStringLiteral("FORMAT"),
                      QStringLiteral("json")});
    parser.addOption({QStringLiteral("indent"), QStringLiteral("Specifies the indent level to use when pretty-printing output."), QStringLiteral("INDENT")});
    parser.addOption({{QStringLiteral("e"), QStringLiteral("exclude")},
                      QStringLiteral("An app_label or app_label.ModelName to exclude (use multiple --exclude to exclude multiple apps/models)."),
                      QStringLiteral("EXCLUDE")});
    parser.addOption({{QStringLiteral("a"), QStringLiteral("all")},
                      QStringLiteral("Use Django's base manager to dump all models stored in the database, including those that would otherwise be "
                                     "filtered or modified by a custom manager.")});
    parser.addOption({QStringLiteral("pks"),
                      QStringLiteral("Only dump objects with given primary keys. Accepts a comma-separated list of keys. This option only works when "
                                     "you specify one model."),
                      QStringLiteral("PRIMARY_KEYS")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Specifies file to which the output is written."), QStringLiteral("OUTPUT")});
}

int DumpDataCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    int indent = -1;
    if (parser.isSet(QStringLiteral("indent"))) {
        bool ok = false;
        indent = parser.value(QStringLiteral("indent")).toInt(&ok);
        if (!ok || indent < 0) {
            // argparse's type=int failure: usage and exit code 2.
            context.err << QStringLiteral("argument --indent: invalid int value: '%1'\n\n").arg(parser.value(QStringLiteral("indent"))) << usage();
            return 2;
        }
    }
    const QString format = parser.value(QStringLiteral("format"));
    if (format != QLatin1String("json"))
        throw Error(QStringLiteral("Unknown serialization format: %1").arg(format));

    const Registry &registry = Registry::instance();
    auto appOrThrow = [&](const QString &label) -> AppConfig * {
        if (AppConfig *app = registry.app(label))
            return app;
        throw Error(QStringLiteral("No installed app with label '%1'.").arg(label));
    };

    QSet<const AppConfig *> excludedApps;
    QSet<const ModelMeta *> excludedModels;
    for (const QString &label : parser.values(QStringLiteral("exclude"))) {
        if (label.contains(u'.')) {
            const ModelMeta *model = registry.model(label);
            if (!model)
                throw Error(QStringLiteral("Unknown model in excludes: %1").arg(label));
            excludedModels.insert(model);
        } else {
            if (!registry.app(label))
                throw Error(QStringLiteral("No installed app with label '%1' in excludes.").arg(label));
            excludedApps.insert(registry.app(label));
        }
    }

    QStringList primaryKeys;
    if (parser.isSet(QStringLiteral("pks")))
        for (const QString &pk : parser.value(QStringLiteral("pks")).split(u','))
            primaryKeys << pk.trimmed();

    const QStringList labels = parser.positionalArguments();
    QList<const ModelMeta *> models;
    auto addModel = [&](const ModelMeta *model) {
        if (!models.contains(model) && !excludedModels.contains(model) && !excludedApps.contains(model->app()) && model->options().managed)
            models << model;
    };
    if (labels.isEmpty()) {
        if (!primaryKeys.isEmpty())
            throw Error(QStringLiteral("You can only use --pks option with one model"));
        for (AppConfig *app : registry.apps())
            for (const ModelMeta *model : app->models())
                addModel(model);
    } else {
        if (labels.size() > 1 && !primaryKeys.isEmpty())
            throw Error(QStringLiteral("You can only use --pks option with one model"));
        for (const QString &label : labels) {
            if (label.contains(u'.')) {
                const QString appLabel = label.section(u'.', 0, 0), modelLabel = label.section(u'.', 1);
                AppConfig *app = appOrThrow(appLabel);
                const ModelMeta *model = app->model(modelLabel);
                if (!model)
                    throw Error(QStringLiteral("Unknown model: %1.%2").arg(appLabel, modelLabel));
                addModel(model);
            } else {
                if (!primaryKeys.isEmpty())
                    throw Error(QStringLiteral("You can only use --pks option with one model"));
                for (const ModelMeta *model : appOrThrow(label)->models())
                    addModel(model);
            }
        }
    }

    QVariantList pks;
    if (!primaryKeys.isEmpty() && !models.isEmpty()) {
        const Field *pkField = models.first()->pk();
        for (const QString &pk : std::as_const(primaryKeys)) {
            try {
                pks << pkField->clean(pk);
            } catch (const ValidationError &e) {
                throw Error(QStringLiteral("--pks: '%1' is not a valid primary key of %2: %3").arg(pk, models.first()->label(), e.message()));
            }
        }
    }

    const QString output = parser.value(QStringLiteral("output"));
    QSaveFile file(output);
    if (!output.isEmpty() && !file.open(QIODevice::WriteOnly))
        throw Error(QStringLiteral("Cannot write the fixture to '%1': %2").arg(output, file.errorString()));
    // Django's dumpdata writes the serializer's text unchanged: no newline
    // after a one-line fixture.
    JsonSerializer serializer(
        [&](const QString &text) {
            if (output.isEmpty())
                context.out << text;
            else
                file.write(text.toUtf8());
        },
        indent);
    try {
        serializer.startSerialization();
        for (const ModelMeta *model : std::as_const(models))
            serializer.serializeModel(model, pks, parser.isSet(QStringLiteral("all")));
        serializer.endSerialization();
    } catch (const Error &e) {
        throw Error(QStringLiteral("Unable to serialize database: %1").arg(e.message()));
    }
    if (!output.isEmpty() && !file.commit())
        throw Error(QStringLiteral("Cannot write the fixture to '%1': %2").arg(output, file.errorString()));
    context.out.flush();
    return 0;
}

} // namespace quango
