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

// An app's models keyed by lower-case name, as the comparisons look them up.
QMap<QString, ModelState> modelsByName(const ProjectState &state, const QString &app)
{
    QMap<QString, ModelState> out;
    for (const ModelState &m : state.models(app))
        out.insert(m.nameLower(), m);
    return out;
}

// The keys of `a` that `b` does not have, in key order.
QStringList keysOnlyIn(const QMap<QString, ModelState> &a, const QMap<QString, ModelState> &b)
{
    QStringList out;
    for (auto it = a.cbegin(); it != a.cend(); ++it)
        if (!b.contains(it.key()))
            out << it.key();
    return out;
}
QString fieldName(const QVariantMap &field) { return field.value(QStringLiteral("name")).toString(); }

QVariantMap withoutName(QVariantMap field)
{
    field.remove(QStringLiteral("name"));
    return field;
}

// Django's only_relation_agnostic_fields: a renamed model's relations may
// point at other renamed models (or at itself), so targets are not compared.
bool sameFieldsIgnoringRelations(const ModelState &a, const ModelState &b)
{
    if (a.fields.size() != b.fields.size())
        return false;
    for (qsizetype i = 0; i < a.fields.size(); ++i) {
        QVariantMap x = a.fields.at(i), y = b.fields.at(i);
        x.remove(QStringLiteral("to"));
        y.remove(QStringLiteral("to"));
        if (x != y)
            return false;
    }
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

void MigrationAutodetector::detectModelRenames(const QString &app)
{
    const QMap<QString, ModelState> oldModels = modelsByName(m_from, app), newModels = modelsByName(m_to, app);
    QStringList added = keysOnlyIn(newModels, oldModels), removed = keysOnlyIn(oldModels, newModels);
    for (const QString &newKey : std::as_const(added)) {
        for (const QString &oldKey : QStringList(removed)) {
            const ModelState &oldModel = oldModels.value(oldKey);
            const ModelState &newModel = newModels.value(newKey);
            if (sameFieldsIgnoringRelations(oldModel, newModel) && m_questioner.askRenameModel(app, oldModel.name, newModel.name)) {
                auto rename = std::make_shared<RenameModel>(oldModel.name, newModel.name);
                m_renameOps[app] << rename;
                // Like Django, the rename depends on the other apps whose models
                // point at the model: replayed after them, it repoints their
                // relations too, in every order the graph allows.
                const QString oldLabel = app + QLatin1Char('.') + oldModel.name;
                for (const ModelState &other : m_from.models())
                    if (other.appLabel != app && other.relatedModels().contains(oldLabel, Qt::CaseInsensitive))
                        m_renameDependents[app].insert(other.appLabel);
                // Later comparisons (this app's fields, other apps' relations)
                // see the model under its new name.
                rename->stateForwards(app, m_from);
                removed.removeAll(oldKey);
                break;
            }
        }
    }
}

void MigrationAutodetector::detectApp(const QString &app, QList<OperationPtr> &out)
{
    const QMap<QString, ModelState> oldModels = modelsByName(m_from, app), newModels = modelsByName(m_to, app);

    QList<OperationPtr> renames, creates, fieldRenames, removeIndexes, addFields, alterFields, uniqueTogether, removeFields, deletes,
        tables, options, addIndexes;

    // Model renames were found first (detectModelRenames) and applied to m_from.
    renames = m_renameOps.value(app);
    QStringList added = keysOnlyIn(newModels, oldModels), removed = keysOnlyIn(oldModels, newModels);

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
                    && m_questioner.askRenameField(app, model, oldName, newName,
                                                newModel.field(newName)->value(QStringLiteral("type")).toString())) {
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
    m_renameOps.clear();
    m_renameDependents.clear();
    for (const QString &app : std::as_const(apps))
        detectModelRenames(app);
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

namespace {
// "app.model" (lower case) of every other-app model an operation's fields point to.
QStringList crossAppTargets(const QString &app, const OperationPtr &operation)
{
    const QJsonObject json = operation->toJson();
    QJsonArray fields = json.value(QStringLiteral("fields")).toArray();
    if (json.contains(QStringLiteral("field")))
        fields.append(json.value(QStringLiteral("field")));
    QStringList out;
    for (const QJsonValue &field : std::as_const(fields)) {
        const QString to = field.toObject().value(QStringLiteral("to")).toString().toLower();
        if (to.contains(QLatin1Char('.')) && to.section(QLatin1Char('.'), 0, 0) != app && !out.contains(to))
            out << to;
    }
    return out;
}

QString fieldTargetApp(const QVariantMap &field)
{
    const QString to = field.value(QStringLiteral("to")).toString();
    return to.contains(QLatin1Char('.')) ? to.section(QLatin1Char('.'), 0, 0) : QString();
}
} // namespace

QList<QList<OperationPtr>> MigrationAutodetector::splitForCycle(const QString &app, const QList<OperationPtr> &operations,
                                                                const QSet<QString> &cycleApps)
{
    // Like Django: the models are created without their foreign keys into the
    // cycle, and a second migration adds those fields (and the options that
    // name them) once the other apps' models exist.
    QList<OperationPtr> first, second, secondOptions;
    for (const OperationPtr &operation : operations) {
        const auto create = std::dynamic_pointer_cast<CreateModel>(operation);
        if (!create) {
            bool intoCycle = false;
            for (const QString &target : crossAppTargets(app, operation))
                intoCycle = intoCycle || cycleApps.contains(target.section(QLatin1Char('.'), 0, 0));
            (intoCycle ? second : first) << operation;
            continue;
        }
        QList<QVariantMap> kept;
        QSet<QString> moved;
        for (const QVariantMap &field : create->fields()) {
            if (cycleApps.contains(fieldTargetApp(field).toLower())) {
                second << std::make_shared<AddField>(create->name(), field);
                moved.insert(fieldName(field));
            } else {
                kept << field;
            }
        }
        if (moved.isEmpty()) {
            first << operation;
            continue;
        }
        auto usesMoved = [&](const QStringList &fields) {
            for (QString name : fields)
                if (moved.contains(name.remove(QLatin1Char('-'))))
                    return true;
            return false;
        };
        MetaOptions options = create->options();
        QList<QStringList> together;
        bool togetherMoved = false;
        for (const QStringList &set : create->options().uniqueTogether)
            togetherMoved = togetherMoved || usesMoved(set);
        if (togetherMoved) {
            options.uniqueTogether.clear();
            secondOptions << std::make_shared<AlterUniqueTogether>(create->name(), create->options().uniqueTogether);
        }
        options.indexes.clear();
        for (const Index &index : create->options().indexes) {
            if (usesMoved(index.fields))
                secondOptions << std::make_shared<AddIndex>(create->name(), index);
            else
                options.indexes << index;
        }
        options.constraints.clear();
        for (const Constraint &constraint : create->options().constraints) {
            if (usesMoved(constraint.fields))
                secondOptions << std::make_shared<AddConstraint>(create->name(), constraint);
            else
                options.constraints << constraint;
        }
        first << std::make_shared<CreateModel>(create->name(), kept, options);
    }
    QList<QList<OperationPtr>> out{first};
    if (!second.isEmpty() || !secondOptions.isEmpty())
        out << (second << secondOptions);
    return out;
}

QMap<QString, QList<MigrationPtr>> MigrationAutodetector::changes(const MigrationGraph &graph, const QStringList &appLabels, const QString &name)
{
    const QMap<QString, QList<OperationPtr>> perApp = operations(appLabels);
    QMap<QString, QList<QList<OperationPtr>>> chunks;
    // Which apps' first migrations need which others' (models created in this run).
    QMap<QString, QSet<QString>> needs;
    for (auto it = perApp.cbegin(); it != perApp.cend(); ++it) {
        chunks[it.key()] << it.value();
        for (const OperationPtr &operation : it.value())
            for (const QString &target : crossAppTargets(it.key(), operation)) {
                const QString targetApp = target.section(QLatin1Char('.'), 0, 0);
                if (m_created.contains(target) && perApp.contains(targetApp))
                    needs[it.key()].insert(targetApp);
            }
    }
    // Order the apps; when only cycles remain, split one app that is on a cycle.
    QSet<QString> done;
    while (done.size() < perApp.size()) {
        bool progress = false;
        for (const QString &app : perApp.keys())
            if (!done.contains(app) && (needs.value(app) - done).isEmpty()) {
                done.insert(app);
                progress = true;
            }
        if (progress)
            continue;
        QSet<QString> pending;
        for (const QString &app : perApp.keys())
            if (!done.contains(app))
                pending.insert(app);
        // Apps reachable from `from` through pending ones.
        auto reachable = [&](const QString &from) {
            QSet<QString> seen;
            QStringList stack{from};
            while (!stack.isEmpty())
                for (const QString &next : needs.value(stack.takeLast()))
                    if (pending.contains(next) && !seen.contains(next)) {
                        seen.insert(next);
                        stack << next;
                    }
            return seen;
        };
        QString pick;
        for (const QString &app : perApp.keys())
            if (pending.contains(app) && reachable(app).contains(app)) {
                pick = app;
                break;
            }
        Q_ASSERT(!pick.isEmpty()); // no progress means a cycle among the pending apps
        chunks[pick] = splitForCycle(pick, perApp.value(pick), pending - QSet<QString>{pick});
        done.insert(pick);
    }

    QMap<QString, QList<MigrationPtr>> out;
    // Names and same-app dependencies.
    for (auto it = chunks.cbegin(); it != chunks.cend(); ++it) {
        const QString &app = it.key();
        const QList<MigrationKey> leaves = graph.leafNodes(app);
        const bool initial = leaves.isEmpty();
        int number = nextNumber(graph, app).toInt();
        QList<MigrationKey> previous = leaves;
        for (const QList<OperationPtr> &operations : it.value()) {
            auto migration = std::make_shared<Migration>(app, QStringLiteral("%1").arg(number++, 4, 10, QLatin1Char('0')) + QLatin1Char('_')
                                                                  + (name.isEmpty() ? suggestName(operations, initial) : name));
            migration->setInitial(initial);
            for (const MigrationKey &leaf : std::as_const(previous))
                migration->addDependency(leaf);
            for (const OperationPtr &operation : operations)
                migration->addOperation(operation);
            previous = {migration->key()};
            out[app] << migration;
        }
    }
    // Relations to other apps depend on the migration that creates their model
    // (always an app's first one), or on the app's current leaf.
    for (auto it = out.begin(); it != out.end(); ++it) {
        const QString &app = it.key();
        for (const MigrationPtr &migration : it.value()) {
            QStringList targets;
            for (const OperationPtr &operation : migration->operations())
                for (const QString &target : crossAppTargets(app, operation))
                    if (!targets.contains(target))
                        targets << target;
            for (const QString &target : std::as_const(targets)) {
                const QString targetApp = target.section(QLatin1Char('.'), 0, 0);
                if (m_created.contains(target) && out.contains(targetApp))
                    migration->addDependency(out.value(targetApp).first()->key());
                else if (!graph.leafNodes(targetApp).isEmpty())
                    migration->addDependency(graph.leafNodes(targetApp).first());
            }
        }
        for (const QString &dependent : m_renameDependents.value(app))
            if (!graph.leafNodes(dependent).isEmpty())
                it.value().first()->addDependency(graph.leafNodes(dependent).first());
    }
    return out;
}

} // namespace quango
