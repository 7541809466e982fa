#include "migrations/SchemaDrift.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "db/SchemaEditor.h"
#include "migrations/ProjectState.h"
#include "orm/RelatedField.h"
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace quango {

namespace {

using Vendor = DatabaseOperations::Vendor;

struct Column {
    QString type;
    bool notNull = false;
    bool checked = true; // false: only presence is compared (many-to-many tables)
};

struct Table {
    QList<QPair<QString, Column>> columns;
    QStringList indexes;
};

QList<QPair<QString, Column>> liveColumns(Connection &connection, const QString &table)
{
    // pragma_table_info() and pg_attribute both take the table name as a bound value.
    const QString sql = connection.vendor() == Vendor::Sqlite
                            ? QStringLiteral("SELECT name, type, \"notnull\" FROM pragma_table_info(?) ORDER BY cid")
                            : QStringLiteral("SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull FROM pg_attribute a "
                                             "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                                             "WHERE n.nspname = current_schema() AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped "
                                             "ORDER BY a.attnum");
    std::unique_ptr<QSqlQuery> query = connection.executeUncached(sql, {table});
    QList<QPair<QString, Column>> out;
    while (query->next())
        out.append({query->value(0).toString(), Column{SchemaDrift::normalizeType(query->value(1).toString()), query->value(2).toBool()}});
    return out;
}

QSet<QString> liveIndexes(Connection &connection, const QString &table)
{
    const QString sql = connection.vendor() == Vendor::Sqlite
                            ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?")
                            : QStringLiteral("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?");
    std::unique_ptr<QSqlQuery> query = connection.executeUncached(sql, {table});
    QSet<QString> out;
    while (query->next())
        out.insert(query->value(0).toString());
    return out;
}

// The type and NULL-ness the schema editor writes for a column: its
// definition is `"name" <type> [NOT ]NULL ...`.
Column expectedColumn(const SchemaEditor &editor, const ModelMeta &model, const Field &field)
{
    const QString definition = editor.columnSql(model, field);
    const qsizetype start = definition.indexOf(QLatin1String("\" ")) + 2;
    const qsizetype notNull = definition.indexOf(QLatin1String(" NOT NULL"), start);
    const qsizetype null = definition.indexOf(QLatin1String(" NULL"), start);
    const qsizetype end = notNull >= 0 && (null < 0 || notNull <= null) ? notNull : null;
    return Column{SchemaDrift::normalizeType(definition.mid(start, end < 0 ? -1 : end - start)), notNull >= 0 && notNull == end};
}

QMap<QString, Table> expectedTables(Connection &connection, const ProjectState &state)
{
    static const QRegularExpression indexName(QStringLiteral("INDEX\\s+\"((?:[^\"]|\"\")+)\""));
    const SchemaEditor editor(connection, true);
    QMap<QString, Table> out;
    for (const ModelMeta *model : state.render().models()) {
        if (!model->options().managed)
            continue;
        Table &table = out[model->dbTable()];
        for (const Field *field : model->concreteFields())
            table.columns.append({field->column(), expectedColumn(editor, *model, *field)});
        for (const QString &statement : editor.indexStatements(*model)) {
            const QRegularExpressionMatch match = indexName.match(statement);
            if (match.hasMatch())
                table.indexes << match.captured(1).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        }
        for (const ManyToManyField *field : model->manyToManyFields()) {
            Table &through = out[field->throughTable()];
            if (!through.columns.isEmpty())
                continue;
            for (const QString &name : {QStringLiteral("id"), field->sourceColumn(), field->targetColumn()})
                through.columns.append({name, Column{QString(), true, false}});
        }
    }
    return out;
}

QString nullText(bool notNull) { return notNull ? QStringLiteral("NOT NULL") : QStringLiteral("NULL"); }

} // namespace

QString SchemaDrift::normalizeType(const QString &type)
{
    QString out = type.trimmed().toLower();
    out.replace(QLatin1String("character varying"), QLatin1String("varchar"));
    if (out.startsWith(QLatin1String("character(")))
        out.replace(0, 9, QStringLiteral("char"));
    static const QRegularExpression spaces(QStringLiteral("\\s*([(),])\\s*"));
    out.replace(spaces, QStringLiteral("\\1"));
    return out;
}

QList<SchemaDifference> SchemaDrift::compare(Connection &connection, const ProjectState &expected, const QStringList &ignoredTables)
{
    using Kind = SchemaDifference::Kind;
    const QMap<QString, Table> tables = expectedTables(connection, expected);
    const QStringList live = SchemaEditor(connection).tableNames();
    const QSet<QString> liveSet(live.cbegin(), live.cend());
    QList<SchemaDifference> out;
    for (const QString &name : live)
        if (!tables.contains(name) && !ignoredTables.contains(name))
            out.append({Kind::ExtraTable, name, {}, {}, {}});
    for (auto it = tables.cbegin(); it != tables.cend(); ++it) {
        const QString &name = it.key();
        if (!liveSet.contains(name)) {
            out.append({Kind::MissingTable, name, {}, {}, {}});
            continue;
        }
        const QList<QPair<QString, Column>> actual = liveColumns(connection, name);
        QHash<QString, Column> actualByName;
        for (const auto &[column, info] : actual)
            actualByName.insert(column, info);
        QSet<QString> wanted;
        for (const auto &[column, info] : it->columns) {
            wanted.insert(column);
            const auto found = actualByName.constFind(column);
            if (found == actualByName.cend()) {
                out.append({Kind::MissingColumn, name, column, info.checked ? info.type + QLatin1Char(' ') + nullText(info.notNull) : QString(), {}});
                continue;
            }
            if (!info.checked)
                continue;
            if (found->type != info.type)
                out.append({Kind::TypeMismatch, name, column, info.type, found->type});
            if (found->notNull != info.notNull)
                out.append({Kind::NullMismatch, name, column, nullText(info.notNull), nullText(found->notNull)});
        }
        for (const auto &[column, info] : actual)
            if (!wanted.contains(column))
                out.append({Kind::ExtraColumn, name, column, {}, info.type + QLatin1Char(' ') + nullText(info.notNull)});
        const QSet<QString> indexes = liveIndexes(connection, name);
        for (const QString &index : it->indexes)
            if (!indexes.contains(index))
                out.append({Kind::MissingIndex, name, index, {}, {}});
    }
    std::stable_sort(out.begin(), out.end(), [](const SchemaDifference &a, const SchemaDifference &b) { return a.table < b.table; });
    return out;
}

} // namespace quango
