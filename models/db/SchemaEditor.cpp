#include "db/SchemaEditor.h"
#include "db/Connection.h"
#include "db/Logging.h"
#include "orm/Exceptions.h"
#include "orm/ModelMeta.h"
#include "orm/RelatedField.h"
#include "orm/sql/SqlCompiler.h"
#include <QCryptographicHash>
#include <QSet>
#include <functional>
#include <QSqlQuery>

namespace quango {

namespace {
bool isAutoPk(const Field &field) { return field.isPrimaryKey() && field.isAutoField(); }
} // namespace

SchemaEditor::SchemaEditor(Connection &connection, bool collectOnly) : m_connection(connection), m_collectOnly(collectOnly) {}

void SchemaEditor::execute(const QString &sql)
{
    if (m_collectOnly) {
        m_collected << sql + QLatin1Char(';');
        return;
    }
    qCDebug(lcDb) << "DDL" << sql;
    m_connection.executeScript({sql});
}

QString SchemaEditor::columnSql(const ModelMeta &model, const Field &field) const
{
    Q_UNUSED(model);
    const DatabaseOperations &ops = m_connection.ops();
    if (isAutoPk(field))
        return ops.autoPrimaryKeyDefinition(field);
    QString sql = ops.quoteName(field.column()) + QLatin1Char(' ');
    auto *fk = dynamic_cast<const ForeignKey *>(&field);
    sql += fk ? ops.relatedColumnType(*fk->targetField()) : ops.columnType(field);
    sql += field.isNull() ? QStringLiteral(" NULL") : QStringLiteral(" NOT NULL");
    if (field.isPrimaryKey())
        sql += QStringLiteral(" PRIMARY KEY");
    else if (field.isUnique())
        sql += QStringLiteral(" UNIQUE");
    const QString check = ops.columnCheck(field);
    if (!check.isEmpty())
        sql += QStringLiteral(" CHECK (%1)").arg(check);
    if (fk) {
        const ModelMeta *target = fk->relatedModel();
        sql += QStringLiteral(" REFERENCES %1 (%2)").arg(ops.quoteName(target->dbTable()), ops.quoteName(target->pk()->column()));
        sql += ops.deferrableForeignKeySql();
    }
    return sql;
}

static QString constraintSql(const ModelMeta &model, const Constraint &constraint, const DatabaseOperations &ops)
{
    if (constraint.kind == Constraint::Kind::Check)
        return QStringLiteral("CONSTRAINT %1 CHECK (%2)").arg(ops.quoteName(constraint.name), SqlCompiler::compileCheck(model, constraint.check, ops));
    QStringList columns;
    for (const QString &name : constraint.fields)
        columns << ops.quoteName(model.fieldOrThrow(name)->column());
    return QStringLiteral("CONSTRAINT %1 UNIQUE (%2)").arg(ops.quoteName(constraint.name), columns.join(QStringLiteral(", ")));
}

QString SchemaEditor::tableSql(const ModelMeta &model) const
{
    const DatabaseOperations &ops = m_connection.ops();
    QStringList parts;
    for (const Field *field : model.concreteFields())
        parts << columnSql(model, *field);
    for (const QStringList &together : model.options().uniqueTogether) {
        QStringList columns;
        for (const QString &name : together)
            columns << ops.quoteName(model.fieldOrThrow(name)->column());
        parts << QStringLiteral("UNIQUE (%1)").arg(columns.join(QStringLiteral(", ")));
    }
    for (const Constraint &constraint : model.options().constraints)
        if (constraint.kind == Constraint::Kind::Check || constraint.condition.isEmpty())
            parts << constraintSql(model, constraint, ops);
    return QStringLiteral("CREATE TABLE %1 (%2)").arg(ops.quoteName(model.dbTable()), parts.join(QStringLiteral(", ")));
}

QString SchemaEditor::indexName(const QString &table, const QStringList &columns, const QString &suffix) const
{
    // Django's _create_index_name: readable parts plus a hash that keeps names unique when cut.
    const QByteArray digest = QCryptographicHash::hash((table + columns.join(QLatin1Char('_'))).toUtf8(), QCryptographicHash::Md5).toHex().left(8);
    QString name = table + QLatin1Char('_') + columns.join(QLatin1Char('_')) + QLatin1Char('_') + QString::fromLatin1(digest) + suffix;
    if (name.size() > 63) {
        const QString tail = QLatin1Char('_') + QString::fromLatin1(digest) + suffix;
        name = (table + QLatin1Char('_') + columns.join(QLatin1Char('_'))).left(63 - tail.size()) + tail;
    }
    return name;
}

static QString indexStatement(const SchemaEditor &editor, const DatabaseOperations &ops, const QString &table,
                              const QString &name, const QStringList &columns, bool unique, const QString &where = {})
{
    Q_UNUSED(editor);
    QStringList quoted;
    for (QString column : columns) {
        const bool desc = column.startsWith(QLatin1Char('-'));
        if (desc)
            column.remove(0, 1);
        quoted << ops.quoteName(column) + (desc ? QStringLiteral(" DESC") : QString());
    }
    return QStringLiteral("CREATE %1INDEX %2 ON %3 (%4)%5")
        .arg(unique ? QStringLiteral("UNIQUE ") : QString(), ops.quoteName(name), ops.quoteName(table), quoted.join(QStringLiteral(", ")),
             where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where);
}

QStringList SchemaEditor::indexStatements(const ModelMeta &model) const
{
    const DatabaseOperations &ops = m_connection.ops();
    QStringList statements;
    for (const Field *field : model.concreteFields()) {
        if (!field->options().dbIndex || field->isUnique())
            continue;
        statements << indexStatement(*this, ops, model.dbTable(), indexName(model.dbTable(), {field->column()}, QString()), {field->column()}, false);
    }
    for (const Index &index : model.options().indexes) {
        QStringList columns;
        for (QString name : index.fields) {
            const bool desc = name.startsWith(QLatin1Char('-'));
            if (desc)
                name.remove(0, 1);
            columns << (desc ? QStringLiteral("-") : QString()) + model.fieldOrThrow(name)->column();
        }
        QStringList plain = columns;
        for (QString &c : plain)
            c.remove(QLatin1Char('-'));
        const QString name = index.name.isEmpty() ? indexName(model.dbTable(), plain, QStringLiteral("_idx")) : index.name;
        statements << indexStatement(*this, ops, model.dbTable(), name, columns, false);
    }
    for (const Constraint &constraint : model.options().constraints) {
        if (constraint.kind != Constraint::Kind::Unique || constraint.condition.isEmpty())
            continue;
        QStringList columns;
        for (const QString &name : constraint.fields)
            columns << model.fieldOrThrow(name)->column();
        statements << indexStatement(*this, ops, model.dbTable(), constraint.name, columns, true,
                                     SqlCompiler::compileCheck(model, constraint.condition, ops));
    }
    return statements;
}

void SchemaEditor::createManyToManyTable(const ModelMeta &model, const ManyToManyField &field)
{
    const DatabaseOperations &ops = m_connection.ops();
    const ModelMeta *target = field.relatedModel();
    if (!target)
        throw ImproperlyConfigured(QStringLiteral("%1.%2 points to '%3', which is not installed.").arg(model.label(), field.name(), field.to()));
    const QString table = field.throughTable();
    auto reference = [&](const QString &column, const ModelMeta &to) {
        return QStringLiteral("%1 %2 NOT NULL REFERENCES %3 (%4)%5")
            .arg(ops.quoteName(column), ops.relatedColumnType(*to.pk()), ops.quoteName(to.dbTable()), ops.quoteName(to.pk()->column()),
                 ops.deferrableForeignKeySql());
    };
    QString idColumn = m_connection.vendor() == DatabaseOperations::Vendor::Sqlite
                           ? QStringLiteral("\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT")
                           : QStringLiteral("\"id\" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY");
    execute(QStringLiteral("CREATE TABLE %1 (%2, %3, %4, UNIQUE (%5, %6))")
                .arg(ops.quoteName(table), idColumn, reference(field.sourceColumn(), model), reference(field.targetColumn(), *target),
                     ops.quoteName(field.sourceColumn()), ops.quoteName(field.targetColumn())));
    for (const QString &column : {field.sourceColumn(), field.targetColumn()})
        execute(indexStatement(*this, ops, table, indexName(table, {column}, QString()), {column}, false));
}

void SchemaEditor::createModel(const ModelMeta &model)
{
    execute(tableSql(model));
    for (const QString &statement : indexStatements(model))
        execute(statement);
    for (const ManyToManyField *m2m : model.manyToManyFields())
        createManyToManyTable(model, *m2m);
    m_connection.clearStatementCache();
}

QStringList SchemaEditor::createModels(const QList<const ModelMeta *> &models)
{
    QList<const ModelMeta *> ordered;
    QSet<const ModelMeta *> placed;
    std::function<void(const ModelMeta *)> place = [&](const ModelMeta *model) {
        if (placed.contains(model))
            return;
        placed.insert(model);
        for (const Field *field : model->concreteFields())
            if (auto *fk = dynamic_cast<const ForeignKey *>(field))
                if (fk->relatedModel() && models.contains(fk->relatedModel()))
                    place(fk->relatedModel());
        ordered.append(model);
    };
    for (const ModelMeta *model : models)
        place(model);

    const QStringList existing = m_collectOnly ? QStringList() : tableNames();
    QStringList created;
    for (const ModelMeta *model : std::as_const(ordered)) {
        if (existing.contains(model->dbTable()))
            continue;
        execute(tableSql(*model));
        for (const QString &statement : indexStatements(*model))
            execute(statement);
        created << model->dbTable();
    }
    for (const ModelMeta *model : std::as_const(ordered)) {
        for (const ManyToManyField *m2m : model->manyToManyFields()) {
            if (existing.contains(m2m->throughTable()))
                continue;
            createManyToManyTable(*model, *m2m);
            created << m2m->throughTable();
        }
    }
    m_connection.clearStatementCache();
    return created;
}

void SchemaEditor::deleteModel(const ModelMeta &model)
{
    const DatabaseOperations &ops = m_connection.ops();
    const QString cascade = m_connection.vendor() == DatabaseOperations::Vendor::Postgres ? QStringLiteral(" CASCADE") : QString();
    for (const ManyToManyField *m2m : model.manyToManyFields())
        execute(QStringLiteral("DROP TABLE %1%2").arg(ops.quoteName(m2m->throughTable()), cascade));
    execute(QStringLiteral("DROP TABLE %1%2").arg(ops.quoteName(model.dbTable()), cascade));
    m_connection.clearStatementCache();
}

// SQLite's ALTER TABLE cannot change or drop most columns: Django's remake.
// Builds the table as `model` describes it now, copies the rows over
// (`mapping`: new column -> SQL expression over the old table), and swaps.
void SchemaEditor::remakeTable(const ModelMeta &model, const QHash<QString, QString> &mapping)
{
    const DatabaseOperations &ops = m_connection.ops();
    const QString table = model.dbTable();
    const QString temp = QStringLiteral("new__") + table;
    QString create = tableSql(model);
    create.replace(QStringLiteral("CREATE TABLE %1").arg(ops.quoteName(table)), QStringLiteral("CREATE TABLE %1").arg(ops.quoteName(temp)));
    execute(create);
    QStringList columns, expressions;
    for (const Field *field : model.concreteFields()) {
        const auto it = mapping.constFind(field->column());
        if (it == mapping.constEnd())
            continue;
        columns << ops.quoteName(field->column());
        expressions << *it;
    }
    if (!columns.isEmpty())
        execute(QStringLiteral("INSERT INTO %1 (%2) SELECT %3 FROM %4")
                    .arg(ops.quoteName(temp), columns.join(QStringLiteral(", ")), expressions.join(QStringLiteral(", ")), ops.quoteName(table)));
    execute(QStringLiteral("DROP TABLE %1").arg(ops.quoteName(table)));
    execute(QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(ops.quoteName(temp), ops.quoteName(table)));
    for (const QString &statement : indexStatements(model))
        execute(statement);
    m_connection.clearStatementCache();
}

QHash<QString, QString> SchemaEditor::identityMapping(const ModelMeta &model, const QString &skipColumn) const
{
    QHash<QString, QString> mapping;
    for (const Field *field : model.concreteFields())
        if (field->column() != skipColumn)
            mapping.insert(field->column(), m_connection.ops().quoteName(field->column()));
    return mapping;
}

void SchemaEditor::addField(const ModelMeta &model, const Field &field)
{
    const DatabaseOperations &ops = m_connection.ops();
    if (auto *m2m = dynamic_cast<const ManyToManyField *>(&field)) {
        createManyToManyTable(model, *m2m);
        return;
    }
    const QString defaultSql = field.hasDefault() ? ops.quoteValue(field.toDatabase(field.clean(field.defaultValue()), ops)) : QString();
    if (m_connection.vendor() == DatabaseOperations::Vendor::Postgres) {
        QString sql = QStringLiteral("ALTER TABLE %1 ADD COLUMN %2").arg(ops.quoteName(model.dbTable()), columnSql(model, field));
        if (!defaultSql.isEmpty()) {
            // Existing rows get the default; the column keeps no DEFAULT, as in Django.
            sql.replace(QStringLiteral(" NOT NULL"), QStringLiteral(" DEFAULT %1 NOT NULL").arg(defaultSql));
            execute(sql);
            execute(QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT").arg(ops.quoteName(model.dbTable()), ops.quoteName(field.column())));
        } else {
            execute(sql);
        }
    } else {
        // `model` already contains the field: remake with it filled from the default.
        QHash<QString, QString> mapping = identityMapping(model, field.column());
        if (!defaultSql.isEmpty())
            mapping.insert(field.column(), defaultSql);
        else if (!field.isNull() && field.emptyStringsAllowed())
            mapping.insert(field.column(), QStringLiteral("''"));
        remakeTable(model, mapping);
        return;
    }
    if (field.options().dbIndex && !field.isUnique())
        execute(indexStatement(*this, ops, model.dbTable(), indexName(model.dbTable(), {field.column()}, QString()), {field.column()}, false));
    m_connection.clearStatementCache();
}

void SchemaEditor::removeField(const ModelMeta &model, const Field &field)
{
    const DatabaseOperations &ops = m_connection.ops();
    if (auto *m2m = dynamic_cast<const ManyToManyField *>(&field)) {
        execute(QStringLiteral("DROP TABLE %1").arg(ops.quoteName(m2m->throughTable())));
        return;
    }
    if (m_connection.vendor() == DatabaseOperations::Vendor::Postgres) {
        execute(QStringLiteral("ALTER TABLE %1 DROP COLUMN %2 CASCADE").arg(ops.quoteName(model.dbTable()), ops.quoteName(field.column())));
        m_connection.clearStatementCache();
        return;
    }
    // `model` no longer contains the field.
    remakeTable(model, identityMapping(model, QString()));
}

void SchemaEditor::alterField(const ModelMeta &model, const Field &oldField, const Field &newField)
{
    const DatabaseOperations &ops = m_connection.ops();
    if (m_connection.vendor() == DatabaseOperations::Vendor::Sqlite) {
        QHash<QString, QString> mapping = identityMapping(model, newField.column());
        QString source = ops.quoteName(oldField.column());
        if (!newField.isNull() && oldField.isNull() && newField.hasDefault())
            source = QStringLiteral("coalesce(%1, %2)").arg(source, ops.quoteValue(newField.toDatabase(newField.clean(newField.defaultValue()), ops)));
        mapping.insert(newField.column(), source);
        remakeTable(model, mapping);
        return;
    }
    const QString table = ops.quoteName(model.dbTable());
    if (oldField.column() != newField.column())
        execute(QStringLiteral("ALTER TABLE %1 RENAME COLUMN %2 TO %3").arg(table, ops.quoteName(oldField.column()), ops.quoteName(newField.column())));
    const QString column = ops.quoteName(newField.column());
    auto *fk = dynamic_cast<const ForeignKey *>(&newField);
    const QString newType = fk ? ops.relatedColumnType(*fk->targetField()) : ops.columnType(newField);
    auto *oldFk = dynamic_cast<const ForeignKey *>(&oldField);
    const QString oldType = oldFk ? ops.relatedColumnType(*oldFk->targetField()) : ops.columnType(oldField);
    if (newType != oldType)
        execute(QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE %3 USING %2::%3").arg(table, column, newType));
    if (oldField.isNull() != newField.isNull()) {
        if (!newField.isNull() && newField.hasDefault())
            execute(QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %2 IS NULL")
                        .arg(table, column, ops.quoteValue(newField.toDatabase(newField.clean(newField.defaultValue()), ops))));
        execute(QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 %3").arg(table, column, newField.isNull() ? QStringLiteral("DROP NOT NULL") : QStringLiteral("SET NOT NULL")));
    }
    if (oldField.isUnique() != newField.isUnique()) {
        const QString name = indexName(model.dbTable(), {newField.column()}, QStringLiteral("_uniq"));
        if (newField.isUnique())
            execute(QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 UNIQUE (%3)").arg(table, ops.quoteName(name), column));
        else
            execute(QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT IF EXISTS %2").arg(table, ops.quoteName(name)));
    }
    const bool oldIndex = oldField.options().dbIndex && !oldField.isUnique();
    const bool newIndex = newField.options().dbIndex && !newField.isUnique();
    if (oldIndex && !newIndex)
        execute(QStringLiteral("DROP INDEX IF EXISTS %1").arg(ops.quoteName(indexName(model.dbTable(), {oldField.column()}, QString()))));
    if (newIndex && (!oldIndex || oldField.column() != newField.column()))
        execute(indexStatement(*this, ops, model.dbTable(), indexName(model.dbTable(), {newField.column()}, QString()), {newField.column()}, false));
    m_connection.clearStatementCache();
}

void SchemaEditor::alterDbTable(const ModelMeta &model, const QString &oldTable, const QString &newTable)
{
    Q_UNUSED(model);
    const DatabaseOperations &ops = m_connection.ops();
    if (oldTable == newTable)
        return;
    execute(QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(ops.quoteName(oldTable), ops.quoteName(newTable)));
    m_connection.clearStatementCache();
}

void SchemaEditor::addIndex(const ModelMeta &model, const Index &index)
{
    const DatabaseOperations &ops = m_connection.ops();
    QStringList columns, plain;
    for (QString name : index.fields) {
        const bool desc = name.startsWith(QLatin1Char('-'));
        if (desc)
            name.remove(0, 1);
        const QString column = model.fieldOrThrow(name)->column();
        columns << (desc ? QStringLiteral("-") : QString()) + column;
        plain << column;
    }
    const QString name = index.name.isEmpty() ? indexName(model.dbTable(), plain, QStringLiteral("_idx")) : index.name;
    execute(indexStatement(*this, ops, model.dbTable(), name, columns, false));
}

void SchemaEditor::removeIndex(const ModelMeta &model, const Index &index)
{
    QStringList plain;
    for (QString name : index.fields)
        plain << model.fieldOrThrow(name.remove(QLatin1Char('-')))->column();
    const QString name = index.name.isEmpty() ? indexName(model.dbTable(), plain, QStringLiteral("_idx")) : index.name;
    execute(QStringLiteral("DROP INDEX %1").arg(m_connection.ops().quoteName(name)));
}

void SchemaEditor::addConstraint(const ModelMeta &model, const Constraint &constraint)
{
    const DatabaseOperations &ops = m_connection.ops();
    if (constraint.kind == Constraint::Kind::Unique && !constraint.condition.isEmpty()) {
        QStringList columns;
        for (const QString &name : constraint.fields)
            columns << model.fieldOrThrow(name)->column();
        execute(indexStatement(*this, ops, model.dbTable(), constraint.name, columns, true, SqlCompiler::compileCheck(model, constraint.condition, ops)));
        return;
    }
    if (m_connection.vendor() == DatabaseOperations::Vendor::Sqlite) {
        remakeTable(model, identityMapping(model, QString())); // `model` already has the constraint
        return;
    }
    execute(QStringLiteral("ALTER TABLE %1 ADD %2").arg(ops.quoteName(model.dbTable()), constraintSql(model, constraint, ops)));
}

void SchemaEditor::removeConstraint(const ModelMeta &model, const Constraint &constraint)
{
    const DatabaseOperations &ops = m_connection.ops();
    if (constraint.kind == Constraint::Kind::Unique && !constraint.condition.isEmpty()) {
        execute(QStringLiteral("DROP INDEX %1").arg(ops.quoteName(constraint.name)));
        return;
    }
    if (m_connection.vendor() == DatabaseOperations::Vendor::Sqlite) {
        remakeTable(model, identityMapping(model, QString())); // `model` no longer has it
        return;
    }
    execute(QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(ops.quoteName(model.dbTable()), ops.quoteName(constraint.name)));
}

QStringList SchemaEditor::tableNames() const
{
    const QString sql = m_connection.vendor() == DatabaseOperations::Vendor::Sqlite
                            ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                            : QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name");
    QSqlQuery &query = m_connection.execute(sql);
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    query.finish();
    return names;
}

bool SchemaEditor::tableExists(const QString &table) const { return tableNames().contains(table); }

} // namespace quango
