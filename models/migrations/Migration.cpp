#include "migrations/Migration.h"
#include "migrations/MigrationError.h"
#include "migrations/ProjectState.h"
#include "migrations/operations/OperationFactory.h"
#include <QJsonArray>
#include <QJsonDocument>

namespace quango {

Migration::Migration(QString appLabel, QString name) : m_appLabel(std::move(appLabel)), m_name(std::move(name)) {}

void Migration::addDependency(const MigrationKey &key)
{
    if (!m_dependencies.contains(key))
        m_dependencies.append(key);
}

void Migration::mutateState(ProjectState &state) const
{
    for (const OperationPtr &operation : m_operations)
        operation->stateForwards(m_appLabel, state);
}

void Migration::apply(ProjectState &state, SchemaEditor &editor) const
{
    for (const OperationPtr &operation : m_operations) {
        ProjectState before = state;
        operation->stateForwards(m_appLabel, state);
        operation->databaseForwards(m_appLabel, editor, before, state);
    }
}

void Migration::unapply(const ProjectState &state, SchemaEditor &editor, const ProjectState *knownAfter) const
{
    QList<QPair<ProjectState, ProjectState>> steps; // (before, after) per operation
    ProjectState current = state;
    for (const OperationPtr &operation : m_operations) {
        if (!operation->isReversible())
            throw IrreversibleError(QStringLiteral("Operation %1 in %2 is not reversible.").arg(operation->describe(), label()));
        ProjectState after = current;
        operation->stateForwards(m_appLabel, after);
        steps.append({current, after});
        current = after;
    }
    if (knownAfter && !steps.isEmpty())
        steps.last().second = *knownAfter;
    for (qsizetype i = m_operations.size() - 1; i >= 0; --i)
        m_operations.at(i)->databaseBackwards(m_appLabel, editor, steps.at(i).second, steps.at(i).first);
}

QJsonObject Migration::toJson() const
{
    QJsonArray dependencies;
    for (const MigrationKey &key : m_dependencies)
        dependencies.append(QJsonArray{key.first, key.second});
    QJsonArray operations;
    for (const OperationPtr &operation : m_operations)
        operations.append(operation->toJson());
    QJsonObject json;
    if (m_initial)
        json.insert(QStringLiteral("initial"), true);
    json.insert(QStringLiteral("dependencies"), dependencies);
    json.insert(QStringLiteral("operations"), operations);
    return json;
}

MigrationPtr Migration::fromJson(const QByteArray &data, const QString &appLabel, const QString &name, const QString &filePath)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError)
        throw MigrationError(QStringLiteral("%1: invalid JSON at offset %2: %3").arg(filePath).arg(error.offset).arg(error.errorString()));
    if (!document.isObject())
        throw MigrationError(QStringLiteral("%1: a migration file must hold a JSON object.").arg(filePath));
    const QJsonObject json = document.object();
    auto migration = std::make_shared<Migration>(appLabel, name);
    migration->setFilePath(filePath);
    migration->setInitial(json.value(QStringLiteral("initial")).toBool());
    for (const QJsonValue &dependency : json.value(QStringLiteral("dependencies")).toArray()) {
        const QJsonArray pair = dependency.toArray();
        if (pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString())
            throw MigrationError(QStringLiteral("%1: every dependency must be [\"app_label\", \"migration_name\"].").arg(filePath));
        migration->addDependency({pair.at(0).toString(), pair.at(1).toString()});
    }
    if (!json.value(QStringLiteral("operations")).isArray())
        throw MigrationError(QStringLiteral("%1: \"operations\" must be a list.").arg(filePath));
    int index = 0;
    for (const QJsonValue &operation : json.value(QStringLiteral("operations")).toArray()) {
        try {
            if (!operation.isObject())
                throw FieldError(QStringLiteral("an operation must be an object"));
            migration->addOperation(OperationFactory::fromJson(operation.toObject()));
        } catch (const Error &e) {
            throw MigrationError(QStringLiteral("%1: operation %2: %3").arg(filePath).arg(index).arg(e.message()));
        }
        ++index;
    }
    return migration;
}

} // namespace quango
