// Django's BaseDatabaseSchemaEditor with the sqlite3 and postgresql editors
// folded in: DDL from model metadata, and column changes that keep every row.
#include "db/SchemaEditor.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "db/Logging.h"
#include "orm/Exceptions.h"
#include "orm/ModelMeta.h"
#include "orm/RelatedField.h"
#include "orm/fields/AutoField.h"
#include "orm/sql/SqlCompiler.h"
#include <QCryptographicHash>
#include <QSet>
#include <QSqlQuery>
#include <functional>
#include <optional>

namespace quango {

namespace {

using Vendor = DatabaseOperations::Vendor;
const QString Comma = QStringLiteral(", ");

bool isAutoPk(const Field &field) { return field.isPrimaryKey() && field.isAutoField(); }

const ForeignKey *asForeignKey(const Field &field) { return dynamic_cast<const ForeignKey *>(&field); }

// Django indexes db_index fields and every ForeignKey; a unique column has its
// own index already.
bool needsIndex(const Field &field)
{
    return (field.options().dbIndex || asForeignKey(field)) && !field.isUnique();
}

QString columnTypeOf(const Field &field, const DatabaseOperations &ops)
{
    if (const ForeignKey *fk = asForeignKey(field))
        return ops.relatedColumnType(*fk->targetField());
    return ops.columnType(field);
}

// Django's names_digest: md5 over the parts one after the other, hex, cut.
QString namesDigest(const QStringList &parts, int length)
{
    QCryptographicHash hash(QCryptographicHash::Md5);
    for (const QString &part : parts)
        hash.addData(part.toUtf8());
    return QString::fromLatin1(hash.result().toHex().left(length));
}

// "-field" (descending) -> column names with the '-' kept, and the plain names.
struct IndexColumns {
    QStringList ordered;   // "-col" for descending
    QStringList plain;
};

IndexColumns indexColumns(const ModelMeta &model, const QStringList &fields)
{
    IndexColumns out;
    for (QString name : fields) {
        const bool desc = name.startsWith(QLatin1Char('-'));
        if (desc)
            name.remove(0, 1);
        const QString column = model.fieldOrThrow(name)->column();
        out.ordered << (desc ? QStringLiteral("-") : QString()) + column;
        out.plain << column;
    }
    return out;
}

// Django's Index.set_name_with_model for a Meta index declared without a name.
QString metaIndexName(const ModelMeta &model, const Index &index)
{
    if (!index.name.isEmpty())
        return index.name;
    const IndexColumns columns = indexColumns(model, index.fields);
    const QString table = model.dbTable();
    const QString suffix = QStringLiteral("idx");
    const QString digest = namesDigest(QStringList{table} + columns.ordered + QStringList{suffix}, 6);
    return QStringLiteral("%1_%2_%3_%4").arg(table.left(11), columns.plain.value(0).left(7), digest, suffix);
}

QString createIndexSql(const DatabaseOperations &ops, const QString &table, const QString &name, const QStringList &columns,
                       bool unique, const QString &where = {})
{
    QStringList quoted;
    for (QString column : columns) {
        const bool desc = column.startsWith(QLatin1Char('-'));
        if (desc)
            column.remove(0, 1);
        quoted << ops.quoteName(column) + (desc ? QStringLiteral(" DESC") : QString());
    }
    return QStringLiteral("CREATE %1INDEX %2 ON %3 (%4)%5")
        .arg(unique ? QStringLiteral("UNIQUE ") : QString(), ops.quoteName(name), ops.quoteName(table), quoted.join(Comma),
             where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where);
}

QString quotedColumns(const ModelMeta &model, const QStringList &fields, const DatabaseOperations &ops)
{
    QStringList columns;
    for (const QString &name : fields)
        columns << ops.quoteName(model.fieldOrThrow(name)->column());
    return columns.join(Comma);
}

bool isPartialUnique(const Constraint &constraint)
{
    return constraint.kind == Constraint::Kind::Unique && !constraint.condition.isEmpty();
}

// A Meta constraint as a table constraint (not for partial unique ones, which are indexes).
QString constraintSql(const ModelMeta &model, const Constraint &constraint, const DatabaseOperations &ops)
{
    if (constraint.kind == Constraint::Kind::Check)
        return QStringLiteral("CONSTRAINT %1 CHECK (%2)")
            .arg(ops.quoteName(constraint.name), SqlCompiler::compileCheck(model, constraint.check, ops));
    return QStringLiteral("CONSTRAINT %1 UNIQUE (%2)").arg(ops.quoteName(constraint.name), quotedColumns(model, constraint.fields, ops));
}

QString partialUniqueSql(const ModelMeta &model, const Constraint &constraint, const DatabaseOperations &ops)
{
    QStringList columns;
    for (const QString &name : constraint.fields)
        columns << model.fieldOrThrow(name)->column();
    return createIndexSql(ops, model.dbTable(), constraint.name, columns, true, SqlCompiler::compileCheck(model, constraint.condition, ops));
}

QStringList metaConstraintNames(const ModelMeta &model)
{
    QStringList names;
    for (const Constraint &constraint : model.options().constraints)
        names << constraint.name;
    return names;
}

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

// ---------------------------------------------------------------------------
// DDL text

// The column definition without any DEFAULT (Django applies defaults in code).
QString SchemaEditor::columnSql(const ModelMeta &model, const Field &field) const
{
    Q_UNUSED(model);
    const DatabaseOperations &ops = m_connection.ops();
    if (isAutoPk(field))
        return ops.autoPrimaryKeyDefinition(field);
    QString sql = ops.quoteName(field.column()) + QLatin1Char(' ') + columnTypeOf(field, ops);
    sql += field.isNull() ? QStringLiteral(" NULL") : QStringLiteral(" NOT NULL");
    if (field.isPrimaryKey())
        sql += QStringLiteral(" PRIMARY KEY");
    else if (field.isUnique())
        sql += QStringLiteral(" UNIQUE");
    const QString check = ops.columnCheck(field);
    if (!check.isEmpty())
        sql += QStringLiteral(" CHECK (%1)").arg(check);
    if (const ForeignKey *fk = asForeignKey(field)) {
        const ModelMeta *target = fk->relatedModel();
        sql += QStringLiteral(" REFERENCES %1 (%2)").arg(ops.quoteName(target->dbTable()), ops.quoteName(target->pk()->column()));
        sql += ops.deferrableForeignKeySql();
    }
    return sql;
}

namespace {

// Inserts " DEFAULT x" right after the column's type, where SQL wants it.
QString withDefault(const QString &definition, const QString &columnAndType, const QString &defaultSql)
{
    if (defaultSql.isEmpty())
        return definition;
    QString out = definition;
    out.insert(columnAndType.size(), QStringLiteral(" DEFAULT ") + defaultSql);
    return out;
}

// A column definition without its inline REFERENCES (added later with ALTER TABLE).
QString withoutReferences(const QString &definition)
{
    const qsizetype at = definition.indexOf(QLatin1String(" REFERENCES "));
    return at < 0 ? definition : definition.left(at);
}

} // namespace

QString SchemaEditor::tableSql(const ModelMeta &model) const
{
    const DatabaseOperations &ops = m_connection.ops();
    QStringList parts;
    for (const Field *field : model.concreteFields())
        parts << columnSql(model, *field);
    // Named like Django's deferred _create_unique_sql, so that a later change can drop it by name.
    for (const QStringList &together : model.options().uniqueTogether) {
        QStringList columns;
        for (const QString &name : together)
            columns << model.fieldOrThrow(name)->column();
        parts << QStringLiteral("CONSTRAINT %1 UNIQUE (%2)")
                     .arg(ops.quoteName(indexName(model.dbTable(), columns, QStringLiteral("_uniq"))), quotedColumns(model, together, ops));
    }
    for (const Constraint &constraint : model.options().constraints)
        if (!isPartialUnique(constraint))
            parts << constraintSql(model, constraint, ops);
    return QStringLiteral("CREATE TABLE %1 (%2)").arg(ops.quoteName(model.dbTable()), parts.join(Comma));
}

QString SchemaEditor::indexName(const QString &table, const QStringList &columns, const QString &suffix) const
{
    // Django's _create_index_name: readable parts plus a hash of them that
    // keeps the name unique when the parts are cut to the backend's limit.
    const int maxLength = m_connection.vendor() == Vendor::Postgres ? 63 : 200;
    QString hashSuffix = namesDigest(QStringList{table} + columns, 8) + suffix;
    const QString joined = columns.join(QLatin1Char('_'));
    QString name = QStringLiteral("%1_%2_%3").arg(table, joined, hashSuffix);
    if (name.size() <= maxLength)
        return name;
    if (hashSuffix.size() > maxLength / 3)
        hashSuffix = hashSuffix.left(maxLength / 3);
    const int otherLength = (maxLength - int(hashSuffix.size())) / 3 - 1;
    name = QStringLiteral("%1_%2_%3").arg(table.left(otherLength), joined.left(otherLength), hashSuffix);
    if (name.startsWith(QLatin1Char('_')) || name.at(0).isDigit())
        name = QLatin1Char('D') + name.chopped(1);
    return name;
}

QStringList SchemaEditor::indexStatements(const ModelMeta &model) const
{
    const DatabaseOperations &ops = m_connection.ops();
    const QString table = model.dbTable();
    QStringList statements;
    for (const Field *field : model.concreteFields())
        if (needsIndex(*field))
            statements << createIndexSql(ops, table, indexName(table, {field->column()}, QString()), {field->column()}, false);
    for (const Index &index : model.options().indexes)
        statements << createIndexSql(ops, table, metaIndexName(model, index), indexColumns(model, index.fields).ordered, false);
    for (const Constraint &constraint : model.options().constraints)
        if (isPartialUnique(constraint))
            statements << partialUniqueSql(model, constraint, ops);
    return statements;
}

// ---------------------------------------------------------------------------
// Introspection

QStringList SchemaEditor::tableNames() const
{
    const QString sql = m_connection.vendor() == Vendor::Sqlite
                            ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
                            : QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                                             "AND table_type = 'BASE TABLE' ORDER BY table_name");
    QSqlQuery &query = m_connection.execute(sql);
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    query.finish();
    return names;
}

bool SchemaEditor::tableExists(const QString &table) const { return tableNames().contains(table); }

namespace {

QStringList readNames(Connection &connection, const QString &sql, const QVariantList &params)
{
    QSqlQuery &query = connection.execute(sql, params);
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    query.finish();
    return names;
}

// Names of the plain (non-unique, not constraint-backed) single-column indexes on `column`.
QStringList indexNamesOn(Connection &connection, const QString &table, const QString &column)
{
    if (connection.vendor() == Vendor::Sqlite)
        return readNames(connection,
                         QStringLiteral("SELECT il.name FROM pragma_index_list(?) AS il WHERE il.\"unique\" = 0 AND il.origin = 'c' "
                                        "AND (SELECT count(*) FROM pragma_index_info(il.name)) = 1 "
                                        "AND (SELECT ii.name FROM pragma_index_info(il.name) AS ii) = ?"),
                         {table, column});
    return readNames(connection,
                     QStringLiteral("SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                                    "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                                    "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0] "
                                    "WHERE n.nspname = current_schema() AND t.relname = ? AND a.attname = ? AND x.indnatts = 1 "
                                    "AND NOT x.indisunique AND NOT x.indisprimary ORDER BY i.relname"),
                     {table, column});
}

// PostgreSQL: names of the single-column constraints of a kind ('u', 'f', 'c') on `column`.
QStringList constraintNamesOn(Connection &connection, const QString &table, const QString &column, char kind)
{
    return readNames(connection,
                     QStringLiteral("SELECT c.conname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
                                    "JOIN pg_namespace n ON n.oid = t.relnamespace "
                                    "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = c.conkey[1] "
                                    "WHERE n.nspname = current_schema() AND t.relname = ? AND a.attname = ? "
                                    "AND cardinality(c.conkey) = 1 AND c.contype = '%1' ORDER BY c.conname")
                         .arg(QLatin1Char(kind)),
                     {table, column});
}

} // namespace

// ---------------------------------------------------------------------------
// Tables

void SchemaEditor::createManyToManyTable(const ModelMeta &model, const ManyToManyField &field)
{
    const DatabaseOperations &ops = m_connection.ops();
    const ModelMeta *target = field.relatedModel();
    if (!target)
        throw ImproperlyConfigured(
            QStringLiteral("%1.%2 points to '%3', which is not installed.").arg(model.label(), field.name(), field.to()));
    const QString table = field.throughTable();
    auto reference = [&](const QString &column, const ModelMeta &to) {
        return QStringLiteral("%1 %2 NOT NULL REFERENCES %3 (%4)%5")
            .arg(ops.quoteName(column), ops.relatedColumnType(*to.pk()), ops.quoteName(to.dbTable()),
                 ops.quoteName(to.pk()->column()), ops.deferrableForeignKeySql());
    };
    // The through table's own pk is an AutoField, like the models' implicit "id".
    const AutoField id(QStringLiteral("id"), FieldOptions{.primaryKey = true});
    execute(QStringLiteral("CREATE TABLE %1 (%2, %3, %4, UNIQUE (%5, %6))")
                .arg(ops.quoteName(table), ops.autoPrimaryKeyDefinition(id), reference(field.sourceColumn(), model),
                     reference(field.targetColumn(), *target), ops.quoteName(field.sourceColumn()), ops.quoteName(field.targetColumn())));
    for (const QString &column : {field.sourceColumn(), field.targetColumn()})
        execute(createIndexSql(ops, table, indexName(table, {column}, QString()), {column}, false));
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
    // Foreign-key targets first: PostgreSQL checks REFERENCES at CREATE TABLE.
    QList<const ModelMeta *> ordered;
    QSet<const ModelMeta *> placed;
    std::function<void(const ModelMeta *)> place = [&](const ModelMeta *model) {
        if (placed.contains(model))
            return;
        placed.insert(model);
        for (const Field *field : model->concreteFields())
            if (const ForeignKey *fk = asForeignKey(*field))
                if (fk->relatedModel() && models.contains(fk->relatedModel()))
                    place(fk->relatedModel());
        ordered.append(model);
    };
    for (const ModelMeta *model : models)
        place(model);

    const DatabaseOperations &ops = m_connection.ops();
    const bool postgres = m_connection.vendor() == Vendor::Postgres;
    const QStringList existingList = m_collectOnly ? QStringList() : tableNames();
    QSet<QString> existing(existingList.cbegin(), existingList.cend());
    QStringList created;
    QStringList deferred; // PostgreSQL: REFERENCES into a cycle, added once every table exists
    for (const ModelMeta *model : std::as_const(ordered)) {
        if (existing.contains(model->dbTable()))
            continue;
        QString sql = tableSql(*model);
        if (postgres) {
            for (const Field *field : model->concreteFields()) {
                const ForeignKey *fk = asForeignKey(*field);
                if (!fk || fk->relatedModel() == model || existing.contains(fk->relatedModel()->dbTable()))
                    continue;
                const QString definition = columnSql(*model, *field);
                sql.replace(definition, withoutReferences(definition));
                const ModelMeta *target = fk->relatedModel();
                deferred << QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 FOREIGN KEY (%3) REFERENCES %4 (%5)%6")
                                .arg(ops.quoteName(model->dbTable()),
                                     ops.quoteName(indexName(model->dbTable(), {field->column()},
                                                             QStringLiteral("_fk_%1_%2").arg(target->dbTable(), target->pk()->column()))),
                                     ops.quoteName(field->column()), ops.quoteName(target->dbTable()),
                                     ops.quoteName(target->pk()->column()), ops.deferrableForeignKeySql());
            }
        }
        execute(sql);
        for (const QString &statement : indexStatements(*model))
            execute(statement);
        existing.insert(model->dbTable());
        created << model->dbTable();
    }
    for (const QString &statement : std::as_const(deferred))
        execute(statement);
    for (const ModelMeta *model : std::as_const(ordered)) {
        for (const ManyToManyField *m2m : model->manyToManyFields()) {
            if (existing.contains(m2m->throughTable()))
                continue;
            createManyToManyTable(*model, *m2m);
            existing.insert(m2m->throughTable());
            created << m2m->throughTable();
        }
    }
    m_connection.clearStatementCache();
    return created;
}

void SchemaEditor::deleteModel(const ModelMeta &model)
{
    const DatabaseOperations &ops = m_connection.ops();
    const QString cascade = m_connection.vendor() == Vendor::Postgres ? QStringLiteral(" CASCADE") : QString();
    m_connection.clearStatementCache(); // SQLite: an open read cursor would lock the table
    for (const ManyToManyField *m2m : model.manyToManyFields())
        execute(QStringLiteral("DROP TABLE %1%2").arg(ops.quoteName(m2m->throughTable()), cascade));
    execute(QStringLiteral("DROP TABLE %1%2").arg(ops.quoteName(model.dbTable()), cascade));
    m_connection.clearStatementCache();
}

void SchemaEditor::alterDbTable(const ModelMeta &model, const QString &oldTable, const QString &newTable)
{
    Q_UNUSED(model);
    if (oldTable == newTable)
        return;
    const DatabaseOperations &ops = m_connection.ops();
    m_connection.clearStatementCache();
    execute(QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(ops.quoteName(oldTable), ops.quoteName(newTable)));
    m_connection.clearStatementCache();
}

// ---------------------------------------------------------------------------
// SQLite's table remake
//
// Django builds "new__<table>", copies, drops the old table and renames the
// new one, with foreign-key enforcement switched off (which SQLite only allows
// outside a transaction). Here it runs inside the caller's transaction with
// enforcement on, so the order differs: dropping a table whose rows other rows
// point to (a ForeignKey from another table, a self-reference, an M2M table)
// counts each of those as a deferred violation, and only inserting the parent
// rows again *into the table of that name* settles them. So the rows wait in a
// temporary table while the old table is dropped and the new one created under
// the real name:
//   CREATE TEMP TABLE "quango_remake__t" AS SELECT <mapping> FROM "t";
//   DROP TABLE "t"; CREATE TABLE "t" (<new definition>);
//   INSERT INTO "t" (...) SELECT ... FROM temp."quango_remake__t"; DROP TABLE temp.*;
//   the indexes again, and the AUTOINCREMENT counter as it was.
//
// `model` is the table as it must be afterwards; `mapping` gives, for each of
// its columns that takes data from the old table, an SQL expression over the
// old table's columns ("\"name\"", "coalesce(\"qty\", 0)", "'default'"). A
// column missing from the mapping starts empty (NULL), so a new NOT NULL
// column needs an entry. The migration operations build the mapping from the
// old and new field lists; identityMapping() covers "same columns".
void SchemaEditor::remakeTable(const ModelMeta &model, const QHash<QString, QString> &mapping)
{
    const DatabaseOperations &ops = m_connection.ops();
    const QString table = model.dbTable();
    const QString holding = QStringLiteral("quango_remake__") + table;
    m_connection.clearStatementCache(); // no read cursor may hold the table

    std::optional<Atomic> transaction;
    if (!m_collectOnly && !m_connection.inAtomicBlock())
        transaction.emplace(m_connection.alias());

    // The AUTOINCREMENT counter dies with the table: keep it, or deleted ids come back.
    qint64 sequence = -1;
    if (!m_collectOnly) {
        const bool hasSequence = !readNames(m_connection, QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'"), {}).isEmpty();
        if (hasSequence) {
            QSqlQuery &query = m_connection.execute(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = ?"), {table});
            if (query.next())
                sequence = query.value(0).toLongLong();
            query.finish();
        }
    }

    QStringList columns, selected;
    for (const Field *field : model.concreteFields()) {
        const auto it = mapping.constFind(field->column());
        if (it == mapping.constEnd())
            continue;
        columns << ops.quoteName(field->column());
        selected << QStringLiteral("%1 AS %2").arg(*it, ops.quoteName(field->column()));
    }
    if (!columns.isEmpty())
        execute(QStringLiteral("CREATE TEMP TABLE %1 AS SELECT %2 FROM %3").arg(ops.quoteName(holding), selected.join(Comma), ops.quoteName(table)));
    execute(QStringLiteral("DROP TABLE %1").arg(ops.quoteName(table)));
    execute(tableSql(model));
    if (!columns.isEmpty()) {
        execute(QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM temp.%3").arg(ops.quoteName(table), columns.join(Comma), ops.quoteName(holding)));
        execute(QStringLiteral("DROP TABLE temp.%1").arg(ops.quoteName(holding)));
    }
    if (sequence >= 0) {
        execute(QStringLiteral("DELETE FROM sqlite_sequence WHERE name = %1").arg(ops.quoteValue(table)));
        execute(QStringLiteral("INSERT INTO sqlite_sequence (name, seq) VALUES (%1, %2)").arg(ops.quoteValue(table)).arg(sequence));
    }
    for (const QString &statement : indexStatements(model))
        execute(statement);
    m_connection.clearStatementCache();
    if (transaction)
        transaction->commit();
}

QHash<QString, QString> SchemaEditor::identityMapping(const ModelMeta &model, const QString &skipColumn) const
{
    QHash<QString, QString> mapping;
    for (const Field *field : model.concreteFields())
        if (field->column() != skipColumn)
            mapping.insert(field->column(), m_connection.ops().quoteName(field->column()));
    return mapping;
}

// ---------------------------------------------------------------------------
// Fields

namespace {

// Django's effective_default as an SQL literal, or an empty string for none:
// the value existing rows get when a column is added or made NOT NULL.
QString effectiveDefaultSql(const Field &field, const DatabaseOperations &ops)
{
    QVariant value;
    if (field.hasDefault())
        value = field.toDatabase(field.clean(field.defaultValue()), ops);
    else if (field.options().autoNow || field.options().autoNowAdd)
        value = field.toDatabase(field.preSave(QVariant(), true), ops);
    else if (!field.isNull() && field.emptyStringsAllowed())
        return QStringLiteral("''"); // text columns take "" rather than failing on NULL
    if (!value.isValid() || value.isNull())
        return {};
    return ops.quoteValue(value);
}

} // namespace

void SchemaEditor::addField(const ModelMeta &model, const Field &field)
{
    const DatabaseOperations &ops = m_connection.ops();
    if (auto *m2m = dynamic_cast<const ManyToManyField *>(&field)) {
        createManyToManyTable(model, *m2m);
        m_connection.clearStatementCache();
        return;
    }
    const QString table = model.dbTable();
    const QString defaultSql = effectiveDefaultSql(field, ops);
    const QString definition = columnSql(model, field);
    const QString columnAndType = isAutoPk(field) ? QString() : ops.quoteName(field.column()) + QLatin1Char(' ') + columnTypeOf(field, ops);
    if (m_connection.vendor() == Vendor::Postgres) {
        // Existing rows get the default; the column keeps none, as in Django.
        execute(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2")
                    .arg(ops.quoteName(table), columnAndType.isEmpty() ? definition : withDefault(definition, columnAndType, defaultSql)));
        if (!defaultSql.isEmpty() && !columnAndType.isEmpty())
            execute(QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT").arg(ops.quoteName(table), ops.quoteName(field.column())));
    } else {
        // SQLite's ADD COLUMN takes no PRIMARY KEY or UNIQUE, a NOT NULL column
        // needs a default, and one with REFERENCES must default to NULL.
        const bool simple = !field.isPrimaryKey() && !field.isUnique() && (field.isNull() || !defaultSql.isEmpty())
                            && !(asForeignKey(field) && !defaultSql.isEmpty());
        if (!simple) {
            QHash<QString, QString> mapping = identityMapping(model, field.column());
            if (!defaultSql.isEmpty())
                mapping.insert(field.column(), defaultSql);
            remakeTable(model, mapping); // recreates the indexes too
            return;
        }
        m_connection.clearStatementCache();
        execute(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2").arg(ops.quoteName(table), withDefault(definition, columnAndType, defaultSql)));
    }
    if (needsIndex(field))
        execute(createIndexSql(ops, table, indexName(table, {field.column()}, QString()), {field.column()}, false));
    m_connection.clearStatementCache();
}

void SchemaEditor::removeField(const ModelMeta &model, const Field &field)
{
    const DatabaseOperations &ops = m_connection.ops();
    const bool postgres = m_connection.vendor() == Vendor::Postgres;
    m_connection.clearStatementCache();
    if (auto *m2m = dynamic_cast<const ManyToManyField *>(&field)) {
        execute(QStringLiteral("DROP TABLE %1%2").arg(ops.quoteName(m2m->throughTable()), postgres ? QStringLiteral(" CASCADE") : QString()));
        m_connection.clearStatementCache();
        return;
    }
    if (postgres) {
        execute(QStringLiteral("ALTER TABLE %1 DROP COLUMN %2 CASCADE").arg(ops.quoteName(model.dbTable()), ops.quoteName(field.column())));
    } else if (!field.isPrimaryKey() && !field.isUnique() && !needsIndex(field) && !asForeignKey(field)) {
        // SQLite drops a column nothing else in the schema refers to in place.
        execute(QStringLiteral("ALTER TABLE %1 DROP COLUMN %2").arg(ops.quoteName(model.dbTable()), ops.quoteName(field.column())));
    } else {
        remakeTable(model, identityMapping(model, QString())); // `model` no longer has the field
    }
    m_connection.clearStatementCache();
}

void SchemaEditor::alterField(const ModelMeta &model, const Field &oldField, const Field &newField)
{
    const DatabaseOperations &ops = m_connection.ops();
    const QString table = model.dbTable();
    auto *oldM2m = dynamic_cast<const ManyToManyField *>(&oldField);
    auto *newM2m = dynamic_cast<const ManyToManyField *>(&newField);
    if (oldM2m || newM2m) {
        if (!oldM2m || !newM2m)
            throw FieldError(QStringLiteral("Cannot alter field %1.%2 into %3: they are not compatible types (a many-to-many "
                                            "relation has no column). Remove the field and add the new one instead.")
                                 .arg(model.label(), oldField.name(), newField.internalType()));
        alterDbTable(model, oldM2m->throughTable(), newM2m->throughTable());
        return;
    }

    const QString oldColumn = oldField.column();
    const QString newColumn = newField.column();
    QString oldDefinition = columnSql(model, oldField);
    const QString newDefinition = columnSql(model, newField);
    if (oldColumn != newColumn)
        oldDefinition.replace(ops.quoteName(oldColumn), ops.quoteName(newColumn));
    const bool definitionChanged = oldDefinition != newDefinition;
    const bool oldIndexed = needsIndex(oldField);
    const bool newIndexed = needsIndex(newField);
    if (!definitionChanged && oldColumn == newColumn && oldIndexed == newIndexed)
        return; // only Python-side attributes (blank, choices, verbose name, default)
    m_connection.clearStatementCache();

    if (m_connection.vendor() == Vendor::Sqlite) {
        if (definitionChanged) {
            QHash<QString, QString> mapping = identityMapping(model, newColumn);
            QString source = ops.quoteName(oldColumn);
            if (oldField.isNull() && !newField.isNull()) {
                const QString defaultSql = effectiveDefaultSql(newField, ops);
                if (!defaultSql.isEmpty())
                    source = QStringLiteral("coalesce(%1, %2)").arg(source, defaultSql);
            }
            mapping.insert(newColumn, source);
            remakeTable(model, mapping); // recreates the indexes too
            return;
        }
        if (oldColumn != newColumn)
            execute(QStringLiteral("ALTER TABLE %1 RENAME COLUMN %2 TO %3").arg(ops.quoteName(table), ops.quoteName(oldColumn), ops.quoteName(newColumn)));
        if (oldIndexed && !newIndexed)
            for (const QString &name : indexNamesOn(m_connection, table, newColumn))
                execute(QStringLiteral("DROP INDEX %1").arg(ops.quoteName(name)));
        if (newIndexed && !oldIndexed)
            execute(createIndexSql(ops, table, indexName(table, {newColumn}, QString()), {newColumn}, false));
        m_connection.clearStatementCache();
        return;
    }

    // PostgreSQL, in Django's order: drop what the change invalidates, rename,
    // retype, change NULL, then add the new constraints and indexes.
    const QString quotedTable = ops.quoteName(table);
    const QStringList metaNames = metaConstraintNames(model);
    const ForeignKey *oldFk = asForeignKey(oldField);
    const ForeignKey *newFk = asForeignKey(newField);
    const QString oldType = columnTypeOf(oldField, ops);
    const QString newType = columnTypeOf(newField, ops);
    const bool typeChanged = oldType != newType;
    auto fkTarget = [](const ForeignKey *fk) {
        return fk ? fk->relatedModel()->dbTable() + QLatin1Char('.') + fk->relatedModel()->pk()->column() : QString();
    };
    const bool dropFk = oldFk && (!newFk || typeChanged || fkTarget(oldFk) != fkTarget(newFk));
    const bool addFk = newFk && (!oldFk || dropFk);
    auto dropConstraints = [&](char kind) {
        for (const QString &name : constraintNamesOn(m_connection, table, oldColumn, kind))
            if (!metaNames.contains(name))
                execute(QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(quotedTable, ops.quoteName(name)));
    };
    if (dropFk)
        dropConstraints('f');
    if (oldField.isUnique() && !newField.isUnique() && !oldField.isPrimaryKey())
        dropConstraints('u');
    if (oldIndexed && !newIndexed)
        for (const QString &name : indexNamesOn(m_connection, table, oldColumn))
            execute(QStringLiteral("DROP INDEX %1").arg(ops.quoteName(name)));
    QString oldCheck = ops.columnCheck(oldField);
    const QString newCheck = ops.columnCheck(newField);
    oldCheck.replace(ops.quoteName(oldColumn), ops.quoteName(newColumn));
    const bool checkChanged = oldCheck != newCheck;
    if (checkChanged && !oldCheck.isEmpty())
        dropConstraints('c');

    if (oldColumn != newColumn)
        execute(QStringLiteral("ALTER TABLE %1 RENAME COLUMN %2 TO %3").arg(quotedTable, ops.quoteName(oldColumn), ops.quoteName(newColumn)));
    const QString column = ops.quoteName(newColumn);
    if (typeChanged && !isAutoPk(newField))
        execute(QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 TYPE %3 USING %2::%3").arg(quotedTable, column, newType));
    if (oldField.isNull() != newField.isNull()) {
        if (!newField.isNull()) {
            const QString defaultSql = effectiveDefaultSql(newField, ops);
            if (!defaultSql.isEmpty())
                execute(QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %2 IS NULL").arg(quotedTable, column, defaultSql));
        }
        execute(QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 %3")
                    .arg(quotedTable, column, newField.isNull() ? QStringLiteral("DROP NOT NULL") : QStringLiteral("SET NOT NULL")));
    }
    if (newField.isUnique() && !oldField.isUnique() && !newField.isPrimaryKey())
        execute(QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 UNIQUE (%3)")
                    .arg(quotedTable, ops.quoteName(indexName(table, {newColumn}, QStringLiteral("_uniq"))), column));
    if (newIndexed && !oldIndexed)
        execute(createIndexSql(ops, table, indexName(table, {newColumn}, QString()), {newColumn}, false));
    if (checkChanged && !newCheck.isEmpty())
        execute(QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 CHECK (%3)")
                    .arg(quotedTable, ops.quoteName(indexName(table, {newColumn}, QStringLiteral("_check"))), newCheck));
    if (addFk) {
        const ModelMeta *target = newFk->relatedModel();
        execute(QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 FOREIGN KEY (%3) REFERENCES %4 (%5)%6")
                    .arg(quotedTable,
                         ops.quoteName(indexName(table, {newColumn}, QStringLiteral("_fk_%1_%2").arg(target->dbTable(), target->pk()->column()))),
                         column, ops.quoteName(target->dbTable()), ops.quoteName(target->pk()->column()), ops.deferrableForeignKeySql()));
    }
    m_connection.clearStatementCache();
}

// ---------------------------------------------------------------------------
// Meta indexes and constraints

void SchemaEditor::addIndex(const ModelMeta &model, const Index &index)
{
    execute(createIndexSql(m_connection.ops(), model.dbTable(), metaIndexName(model, index), indexColumns(model, index.fields).ordered, false));
    m_connection.clearStatementCache();
}

void SchemaEditor::removeIndex(const ModelMeta &model, const Index &index)
{
    m_connection.clearStatementCache();
    execute(QStringLiteral("DROP INDEX %1").arg(m_connection.ops().quoteName(metaIndexName(model, index))));
    m_connection.clearStatementCache();
}

void SchemaEditor::addConstraint(const ModelMeta &model, const Constraint &constraint)
{
    const DatabaseOperations &ops = m_connection.ops();
    m_connection.clearStatementCache();
    if (isPartialUnique(constraint))
        execute(partialUniqueSql(model, constraint, ops));
    else if (m_connection.vendor() == Vendor::Sqlite)
        remakeTable(model, identityMapping(model, QString())); // `model` already has the constraint
    else
        execute(QStringLiteral("ALTER TABLE %1 ADD %2").arg(ops.quoteName(model.dbTable()), constraintSql(model, constraint, ops)));
    m_connection.clearStatementCache();
}

void SchemaEditor::removeConstraint(const ModelMeta &model, const Constraint &constraint)
{
    const DatabaseOperations &ops = m_connection.ops();
    m_connection.clearStatementCache();
    if (isPartialUnique(constraint))
        execute(QStringLiteral("DROP INDEX %1").arg(ops.quoteName(constraint.name)));
    else if (m_connection.vendor() == Vendor::Sqlite)
        remakeTable(model, identityMapping(model, QString())); // `model` no longer has it
    else
        execute(QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(ops.quoteName(model.dbTable()), ops.quoteName(constraint.name)));
    m_connection.clearStatementCache();
}

} // namespace quango
