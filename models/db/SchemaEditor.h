#pragma once
#include <QHash>
#include <QString>
#include <QStringList>

namespace quango {

class Connection;
class Field;
class ManyToManyField;
class ModelMeta;
struct Index;
struct Constraint;

// Django's BaseDatabaseSchemaEditor: turns model metadata into DDL for one
// connection's dialect. Statements run at once through the connection (inside
// whatever Atomic block is open); collectSql() records them instead, for
// sqlmigrate. SQLite's ALTERs that it cannot do in place use Django's table
// remake (new table, copy rows, drop, rename, recreate indexes).
class SchemaEditor {
public:
    explicit SchemaEditor(Connection &connection, bool collectOnly = false);

    void createModel(const ModelMeta &model);      // table, indexes, M2M tables
    // Several models at once (Django's syncdb): tables in foreign-key order
    // (PostgreSQL checks REFERENCES at CREATE), then the M2M tables. Tables
    // that already exist are left alone. Returns the tables created.
    QStringList createModels(const QList<const ModelMeta *> &models);
    void deleteModel(const ModelMeta &model);      // M2M tables and table
    void addField(const ModelMeta &model, const Field &field);
    void removeField(const ModelMeta &model, const Field &field);
    void alterField(const ModelMeta &model, const Field &oldField, const Field &newField);
    void alterDbTable(const ModelMeta &model, const QString &oldTable, const QString &newTable);
    void addIndex(const ModelMeta &model, const Index &index);
    void removeIndex(const ModelMeta &model, const Index &index);
    void addConstraint(const ModelMeta &model, const Constraint &constraint);
    void removeConstraint(const ModelMeta &model, const Constraint &constraint);
    void execute(const QString &sql);

    // addField/removeField/alterField/addConstraint/removeConstraint take the
    // model as it is AFTER the change (the SQLite remake rebuilds from it).

    // DDL pieces, public for tests and sqlmigrate.
    QString tableSql(const ModelMeta &model) const;           // CREATE TABLE ...
    QString columnSql(const ModelMeta &model, const Field &field) const; // "name" type NOT NULL ...
    QStringList indexStatements(const ModelMeta &model) const; // db_index, FK and Meta indexes
    QString indexName(const QString &table, const QStringList &columns, const QString &suffix) const;
    QStringList collectedSql() const { return m_collected; }

    // Does a table exist (introspection)?
    bool tableExists(const QString &table) const;
    QStringList tableNames() const;

private:
    void createManyToManyTable(const ModelMeta &model, const ManyToManyField &field);
    // SQLite: Django's table remake. `mapping` is new column -> SQL over the old table.
    void remakeTable(const ModelMeta &model, const QHash<QString, QString> &mapping);
    QHash<QString, QString> identityMapping(const ModelMeta &model, const QString &skipColumn) const;
    Connection &m_connection;
    bool m_collectOnly;
    QStringList m_collected;
};

} // namespace quango
