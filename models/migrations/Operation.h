#pragma once
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <memory>

namespace quango {

class ProjectState;
class SchemaEditor;

// Django's Operation: one declarative step of a migration. It changes the
// project state, applies itself to the database, and reverses itself (or says
// it is irreversible). databaseBackwards gets `from` = the state after this
// operation and `to` = the state before it, as in Django.
class Operation {
public:
    virtual ~Operation();
    virtual QString type() const = 0;            // "CreateModel"
    virtual void stateForwards(const QString &appLabel, ProjectState &state) const = 0;
    virtual void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const = 0;
    virtual void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const = 0;
    virtual QString describe() const = 0;        // "Create model Post"
    virtual bool isReversible() const { return true; }
    // The operation's JSON object in a migration file, "type" included.
    virtual QJsonObject toJson() const = 0;
    // Part of an automatic migration name ("post_tags", "initial" is decided by the writer).
    virtual QString nameFragment() const = 0;

protected:
    // Reading helpers for fromJson(): they throw FieldError naming the key.
    static QString requiredString(const QJsonObject &json, const char *key);
    static QJsonObject requiredObject(const QJsonObject &json, const char *key);
    // The named field description under "field"; an unknown type fails here,
    // at load, naming the field.
    static QVariantMap requiredField(const QJsonObject &json);
};

using OperationPtr = std::shared_ptr<Operation>;

} // namespace quango
