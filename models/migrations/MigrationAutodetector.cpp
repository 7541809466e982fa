#include "migrations/MigrationAutodetector.h"
#include "migrations/MigrationError.h"
#include "migrations/MigrationGraph.h"
#include "migrations/MigrationQuestioner.h"
#include "migrations/OptionsSerializer.h"
#include "migrations/operations/AddConstraint.h"
#include "migrations/operations/AddField.h"
#include "migrations/operations/AddIndex.h"
#include "migrations/operations/AlterField.h"
#include "migrations/operations/AlterModelOptions.h"
#include "migrations/operations/AlterModelTable.h"
#include "migrations/operations/AlterUniqueTogether.h"
#include "migrations/operations/CreateModel.h"
#include "migrations/operations/DeleteModel.h"
#include "migrations/operations/RemoveConstraint.h"
#include "migrations/operations/RemoveField.h"
#include "migrations/operations/RemoveIndex.h"
#include "migrations/operations/RenameField.h"
#include "migrations/operations/RenameModel.h"
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <functional>

namespace quango {

namespace {
QString fieldName(const QVariantMap &field) { return field.value(QStringLiteral("name")).toString(); }

QVariantMap withoutName(QVariantMap field)
{
    field.remove(QStringLiteral("name"));
    return field;
}

bool sameFieldsIgnoringNames(const ModelState &a, const ModelState &b)
{
    if (a.fields.size() != b.fields.size())
        return false;
    for (qsizetype i = 0; i < a.fields.size(); ++i)
        if (a.fields.at(i) != b.fields.at(i))
            return false;
    return true;
}

// Django's rule: a non-null field that cannot fill existing rows by itself.
bool needsOneOffDefault(const QVariantMap &field)
{
    const QString type = field.value(QStringLiteral("type")).toString();
    static const QStringList textual = {QStringLiteral("CharField"), QStringLiteral("TextField"), QStringLiteral("EmailField"),
                                        QStringLiteral("URLField"), QStringLiteral("SlugField")};
    if (field.value(QStringLiteral("null")).toBool() || field.contains(QStringLiteral("default"))
        || field.value(QStringLiteral("callable_default")).toBool() || type == QLatin1String("ManyToManyField")
        || type.endsWith(QLatin1String("AutoField")) || field.value(QStringLiteral("auto_now")).toBool()
        || field.value(QStringLiteral("auto_now_add")).toBool())
        return false;
    if (field.value(QStringLiteral("blank")).toBool() && textual.contains(type))
        return false;
    return true;
}

QList<QJsonObject> indexJson(const MetaOptions &o)
{
    QList<QJsonObject> out;
    for (const Index &i : o.indexes)
        out << OptionsSerializer::indexToJson(i);
    return out;
}

QList<QJsonObject> constraintJson(const MetaOptions &o)
{
    QList<QJsonObject> out;
    for (const Constraint &c : o.constraints)
        out << OptionsSerializer::constraintToJson(c);
    return out;
}
} // namespace

MigrationAutodetector::MigrationAutodetector(ProjectState from, ProjectState to, MigrationQuestioner &questioner)
    : m_from(std::move(from)), m_to(std::move(to)), m_questioner(questioner)
{
}

void MigrationAutodetector::detectApp(const QString &app, QList<OperationPtr> &out)
{
    QMap<QString, ModelState> oldModels, newModels;
    for (const ModelState &m : m_from.models(app))
        oldModels.insert(m.nameLower(), m);
    for (const ModelState &m : m_to.models(app))
        newModels.insert(m.nameLower(), m);

    QList<OperationPtr> renames, creates, fieldRenames, removeIndexes, addFields, alterFields, uniqueTogether, removeFields, deletes,
        tables, options, addIndexes;

    // Renamed models (only when the questioner agrees).
    QStringList added, removed;
    for (const QString &key : newModels.keys())
        if (!oldModels.contains(key))
            added << key;
    for (const QString &key : oldModels.keys())
        if (!newModels.contains(key))
            removed << key;
    for (const QString &newKey : QStringList(added)) {
        for (const QString &oldKey : QStringList(removed)) {
            ModelState renamed = oldModels.value(oldKey);
            renamed.name = newModels.value(newKey).name;
            if (sameFieldsIgnoringNames(renamed, newModels.value(newKey))
                && m_questioner.askRenameModel(app, oldModels.value(oldKey).name, newModels.value(newKey).name)) {
                renames << std::make_shared<RenameModel>(oldModels.value(oldKey).name, renamed.name);
                added.removeAll(newKey);
                removed.removeAll(oldKey);
                oldModels.remove(oldKey);
                oldModels.insert(newKey, renamed);
                break;
            }
        }
    }

    // New models, same-app relation targets first.
    QStringList ordered;
    QSet<QString> visiting;
    std::function<void(const QString &)> place = [&](const QString &key) {
        if (ordered.contains(key) || !added.contains(key) || visiting.contains(key))
            return;
        visiting.insert(key);
        for (const QString &target : newModels.value(key).relatedModels()) {
            const QString targetApp = target.section(QLatin1Char('.'), 0, 0);
            const QString targetModel = target.section(QLatin1Char('.'), 1).toLower();
            if (targetApp == app && targetModel != key && !ordered.contains(targetModel))
                place(targetModel);
        }
        if (!ordered.contains(key))
            ordered << key;
    };
    for (const QString &key : std::as_const(added))
        place(key);
    for (const QString &key : std::as_const(ordered)) {
        const ModelState &m = newModels.value(key);
        creates << std::make_shared<CreateModel>(m.name, m.fields, m.options);
        m_created.insert(app + QLatin1Char('.') + key);
    }

    // Deleted models: the ones others point to last.
    QStringList deleteOrder;
    std::function<void(const QString &)> placeDelete = [&](const QString &key) {
        if (deleteOrder.contains(key))
            return;
        for (const QString &other : std::as_const(removed))
            if (other != key && !deleteOrder.contains(other))
                for (const QString &target : oldModels.value(other).relatedModels())
                    if (target.compare(app + QLatin1Char('.') + oldModels.value(key).name, Qt::CaseInsensitive) == 0)
                        placeDelete(other);
        if (!deleteOrder.contains(key))
            deleteOrder << key;
    };
    for (const QString &key : std::as_const(removed))
        placeDelete(key);
    for (const QString &key : std::as_const(deleteOrder))
        deletes << std::make_shared<DeleteModel>(oldModels.value(key).name);

    // Kept models: fields and options.
    for (auto it = newModels.cbegin(); it != newModels.cend(); ++it) {
        if (!oldModels.contains(it.key()))
            continue;
        const ModelState &oldModel = oldModels.value(it.key());
        const ModelState &newModel = it.value();
        const QString model = newModel.name;
        QStringList addedFields, removedFields;
        for (const QVariantMap &f : newModel.fields)
            if (oldModel.fieldIndex(fieldName(f)) < 0)
                addedFields << fieldName(f);
        for (const QVariantMap &f : oldModel.fields)
            if (newModel.fieldIndex(fieldName(f)) < 0)
                removedFields << fieldName(f);
        for (const QString &newName : QStringList(addedFields)) {
            for (const QString &oldName : QStringList(removedFields)) {
                if (withoutName(*oldModel.field(oldName)) == withoutName(*newModel.field(newName))
                    && m_questioner.askRenameField(app, model, oldName, newName)) {
                    fieldRenames << std::make_shared<RenameField>(model, oldName, newName);
                    addedFields.removeAll(newName);
                    removedFields.removeAll(oldName);
                    break;
                }
            }
        }
        for (const QString &name : std::as_const(addedFields)) {
            QVariantMap field = *newModel.field(name);
            bool preserveDefault = true;
            if (needsOneOffDefault(field)) {
                const std::optional<QVariant> answer = m_questioner.askNotNullAddition(app, model, name);
                if (!answer)
                    throw MigrationError(QStringLiteral("It is impossible to add a non-nullable field '%1' to %2 without specifying a default: "
                                                        "existing rows need a value. Give a one-off default (makemigrations --default %3.%2.%1=VALUE), "
                                                        "or make the field nullable or give it a default in the model.")
                                             .arg(name, model, app));
                field.insert(QStringLiteral("default"), *answer);
                field = OptionsSerializer::normalizeField(field);
                preserveDefault = false;
            }
            addFields << std::make_shared<AddField>(model, field, preserveDefault);
        }
        for (const QVariantMap &f : newModel.fields) {
            const QString name = fieldName(f);
            const QVariantMap *old = oldModel.field(name);
            if (!old || *old == f)
                continue;
            QVariantMap field = f;
            bool preserveDefault = true;
            if (old->value(QStringLiteral("null")).toBool() && !f.value(QStringLiteral("null")).toBool() && needsOneOffDefault(f)) {
                if (const std::optional<QVariant> answer = m_questioner.askNotNullAlteration(app, model, name)) {
                    field.insert(QStringLiteral("default"), *answer);
                    field = OptionsSerializer::normalizeField(field);
                    preserveDefault = false;
                }
            }
            alterFields << std::make_shared<AlterField>(model, field, preserveDefault);
        }
        for (const QString &name : std::as_const(removedFields))
            removeFields << std::make_shared<RemoveField>(model, name);

        const MetaOptions &o = oldModel.options;
        const MetaOptions &n = newModel.options;
        if (o.dbTable != n.dbTable)
            tables << std::make_shared<AlterModelTable>(model, n.dbTable);
        if (AlterModelOptions::differ(o, n))
            options << std::make_shared<AlterModelOptions>(model, n);
        if (o.uniqueTogether != n.uniqueTogether)
            uniqueTogether << std::make_shared<AlterUniqueTogether>(model, n.uniqueTogether);
        const QList<QJsonObject> oldIndexes = indexJson(o), newIndexes = indexJson(n);
        for (qsizetype i = 0; i < oldIndexes.size(); ++i)
            if (!newIndexes.contains(oldIndexes.at(i)))
                removeIndexes << std::make_shared<RemoveIndex>(model, o.indexes.at(i));
        for (qsizetype i = 0; i < newIndexes.size(); ++i)
            if (!oldIndexes.contains(newIndexes.at(i)))
                addIndexes << std::make_shared<AddIndex>(model, n.indexes.at(i));
        const QList<QJsonObject> oldConstraints = constraintJson(o), newConstraints = constraintJson(n);
        for (qsizetype i = 0; i < oldConstraints.size(); ++i)
            if (!newConstraints.contains(oldConstraints.at(i)))
                removeIndexes << std::make_shared<RemoveConstraint>(model, o.constraints.at(i));
        for (qsizetype i = 0; i < newConstraints.size(); ++i)
            if (!oldConstraints.contains(newConstraints.at(i)))
                addIndexes << std::make_shared<AddConstraint>(model, n.constraints.at(i));
    }
    out << renames << creates << fieldRenames << removeIndexes << addFields << alterFields << uniqueTogether << removeFields << deletes
        << tables << options << addIndexes;
}

QMap<QString, QList<OperationPtr>> MigrationAutodetector::operations(const QStringList &appLabels)
{
    QStringList apps = appLabels;
    if (apps.isEmpty()) {
        apps = m_to.appLabels();
        for (const QString &app : m_from.appLabels())
            if (!apps.contains(app))
                apps << app;
    }
    apps.sort();
    m_created.clear();
    QMap<QString, QList<OperationPtr>> out;
    for (const QString &app : std::as_const(apps)) {
        QList<OperationPtr> operations;
        detectApp(app, operations);
        if (!operations.isEmpty())
            out.insert(app, operations);
    }
    return out;
}

QString MigrationAutodetector::nextNumber(const MigrationGraph &graph, const QString &appLabel)
{
    int highest = 0;
    static const QRegularExpression number(QStringLiteral("^(\\d+)"));
    for (const MigrationKey &key : graph.nodes()) {
        if (key.first != appLabel)
            continue;
        const QRegularExpressionMatch match = number.match(key.second);
        if (match.hasMatch())
            highest = qMax(highest, match.captured(1).toInt());
    }
    return QStringLiteral("%1").arg(highest + 1, 4, 10, QLatin1Char('0'));
}

QString MigrationAutodetector::suggestName(const QList<OperationPtr> &operations, bool initial)
{
    if (initial)
        return QStringLiteral("initial");
    QStringList fragments;
    for (const OperationPtr &operation : operations)
        fragments << operation->nameFragment();
    const QString joined = fragments.join(QLatin1Char('_'));
    if (!operations.isEmpty() && joined.size() <= 52)
        return joined;
    return QStringLiteral("auto_") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd_HHmm"));
}

QMap<QString, QList<MigrationPtr>> MigrationAutodetector::changes(const MigrationGraph &graph, const QStringList &appLabels, const QString &name)
{
    const QMap<QString, QList<OperationPtr>> perApp = operations(appLabels);
    QMap<QString, QList<MigrationPtr>> out;
    // Pass 1: names and same-app dependencies.
    for (auto it = perApp.cbegin(); it != perApp.cend(); ++it) {
        const QString &app = it.key();
        const QList<MigrationKey> leaves = graph.leafNodes(app);
        const bool initial = leaves.isEmpty();
        auto migration = std::make_shared<Migration>(app, nextNumber(graph, app) + QLatin1Char('_')
                                                              + (name.isEmpty() ? suggestName(it.value(), initial) : name));
        migration->setInitial(initial);
        for (const MigrationKey &leaf : leaves)
            migration->addDependency(leaf);
        for (const OperationPtr &operation : it.value())
            migration->addOperation(operation);
        out[app] << migration;
    }
    // Pass 2: relations to other apps depend on the migration that has their model.
    for (auto it = out.begin(); it != out.end(); ++it) {
        const QString &app = it.key();
        MigrationPtr migration = it.value().first();
        QStringList targets;
        for (const OperationPtr &operation : migration->operations()) {
            const QJsonObject json = operation->toJson();
            QJsonArray fields = json.value(QStringLiteral("fields")).toArray();
            if (json.contains(QStringLiteral("field")))
                fields.append(json.value(QStringLiteral("field")));
            for (const QJsonValue &field : std::as_const(fields)) {
                const QString to = field.toObject().value(QStringLiteral("to")).toString();
                if (to.contains(QLatin1Char('.')) && !targets.contains(to))
                    targets << to;
            }
        }
        {
            for (const QString &target : std::as_const(targets)) {
                const QString targetApp = target.section(QLatin1Char('.'), 0, 0);
                if (targetApp == app)
                    continue;
                if (m_created.contains(target.toLower()) && out.contains(targetApp))
                    migration->addDependency(out.value(targetApp).first()->key());
                else if (!graph.leafNodes(targetApp).isEmpty())
                    migration->addDependency(graph.leafNodes(targetApp).first());
            }
        }
    }
    return out;
}

} // namespace quango
