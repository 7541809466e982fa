#pragma once
#include "migrations/Operation.h"
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace quango {

class ProjectState;
class SchemaEditor;

// (app label, migration name): a node of the migration graph.
using MigrationKey = QPair<QString, QString>;

// One migration file: its app, name ("0002_post_tags"), dependencies (same app
// and other apps) and operations. The JSON form:
//   {"dependencies": [["blog", "0001_initial"]], "operations": [{"type": "AddField", ...}]}
class Migration {
public:
    Migration(QString appLabel, QString name);

    const QString &appLabel() const { return m_appLabel; }
    const QString &name() const { return m_name; }
    MigrationKey key() const { return {m_appLabel, m_name}; }
    QString label() const { return m_appLabel + QLatin1Char('.') + m_name; }
    const QList<MigrationKey> &dependencies() const { return m_dependencies; }
    void setDependencies(QList<MigrationKey> dependencies) { m_dependencies = std::move(dependencies); }
    void addDependency(const MigrationKey &key);
    const QList<OperationPtr> &operations() const { return m_operations; }
    void addOperation(OperationPtr operation) { m_operations.append(std::move(operation)); }
    bool isInitial() const { return m_initial; }
    void setInitial(bool initial) { m_initial = initial; }
    // Where it was loaded from (for error messages); empty when built in code.
    const QString &filePath() const { return m_filePath; }
    void setFilePath(const QString &path) { m_filePath = path; }
    QString displayPath() const { return m_filePath.isEmpty() ? label() : m_filePath; }

    // The state after this migration.
    void mutateState(ProjectState &state) const;
    // Runs the operations forwards; `state` goes from before to after.
    void apply(ProjectState &state, SchemaEditor &editor) const;
    // Runs them backwards; `state` is the state before this migration (unchanged).
    // Throws IrreversibleError, before any DDL, when an operation cannot be reversed.
    // knownAfter: the state after this migration when the caller has it
    // rendered already (the executor's previous step), to save a rendering.
    void unapply(const ProjectState &state, SchemaEditor &editor, const ProjectState *knownAfter = nullptr) const;

    QJsonObject toJson() const;
    // Throws MigrationError naming `filePath` and the problem.
    static std::shared_ptr<Migration> fromJson(const QByteArray &json, const QString &appLabel, const QString &name, const QString &filePath);

private:
    QString m_appLabel, m_name, m_filePath;
    QList<MigrationKey> m_dependencies;
    QList<OperationPtr> m_operations;
    bool m_initial = false;
};

using MigrationPtr = std::shared_ptr<Migration>;

} // namespace quango
