#pragma once
#include "orm/sql/CompiledQuery.h"
#include "orm/sql/Query.h"
#include <QHash>
#include <QString>
#include <QVariantList>

namespace quango {

class DatabaseOperations;
class Field;
class ModelMeta;
struct ReverseRelation;

// Turns a Query into SQL for one dialect (Django's SQLCompiler). One compiler
// for every database; what differs lives in DatabaseOperations. Every value is
// a bound parameter and every identifier quoted.
class SqlCompiler {
public:
    SqlCompiler(const Query &query, const DatabaseOperations &ops);

    CompiledQuery select();
    CompiledQuery count();                 // SELECT COUNT(*) (over a subquery when sliced/distinct)
    CompiledQuery exists();
    CompiledQuery aggregate(const QList<Query::Annotation> &aggregates);
    // UPDATE ... SET col = value/expression WHERE pk IN (...) when joins are needed.
    CompiledQuery update(const QList<QPair<const Field *, Arg>> &values);
    CompiledQuery deleteRows();
    // SELECT pk for subqueries (delete/update through joins, exclude on multi-valued).
    CompiledQuery selectPks();

    // A single condition with no joins, e.g. a Meta check constraint, compiled
    // against the bare table (used by the schema editor). Values inlined as literals.
    static QString compileCheck(const ModelMeta &model, const Q &q, const DatabaseOperations &ops);

private:
    struct Join {
        QString key, table, alias, parentAlias, parentColumn, column;
        bool leftOuter = false;
    };
    struct ResolvedPath {
        QString alias;                 // table alias holding the final column
        const Field *field = nullptr;  // final concrete field whose column is compared
        const ModelMeta *model = nullptr;
        QString columnSql;             // "T1"."name"
        QStringList transforms;        // year, month, day, date, ...
        QString lookup;                // exact, icontains, ...
        bool multiValued = false;      // crossed a reverse FK or M2M
        bool nullable = false;         // column or any LEFT join may give NULL
        const Query::Annotation *annotation = nullptr; // path names an annotation
    };
    enum : int { AnyGeneration = -1 };

    QString baseAlias() const;
    QString fromSql() const;           // FROM table with joins
    ResolvedPath resolve(const QString &path, bool allowLookup, int generation, bool outer);
    QString join(const QString &parentAlias, const QString &key, const QString &table, const QString &parentColumn,
                 const QString &column, bool outer, int generation);
    QString compileFilters(bool having);
    QString compileNode(const Q::Node &node, int generation, bool negated, bool outer, QVariantList &params);
    QString compileLeaf(const Q::Node &leaf, int generation, bool negated, bool outer, QVariantList &params);
    QString compileExpression(const ExpressionNode &node, int generation, QVariantList &params, bool allowJoins = true);
    QString compileOrderBy();
    QVariant adaptForField(const Field *field, const QVariant &value, const QString &lookupPath) const;
    QVariant adaptPlain(const QVariant &value) const;
    bool referencesAggregate(const Q::Node &node) const;
    const Query::Annotation *annotation(const QString &name) const;
    void selectModel(CompiledQuery &out, QStringList &columns, const ModelMeta *model, const QString &alias,
                     const QString &path, int parent, const QString &fieldName, bool applyDefer);
    void selectRelatedAll(CompiledQuery &out, QStringList &columns, const ModelMeta *model, const QString &alias,
                          const QString &prefix, int parent, int depth);
    QString selectClause(CompiledQuery &out, QStringList *groupBy);
    QString assemble(const QString &select, const QStringList &groupBy, bool withOrder, bool withLimits);
    CompiledQuery wrapCount(const CompiledQuery &inner) const;
    QString wherePrefix() const;
    QString wherePrefixForWrite(QVariantList &params);

    const Query &m_query;
    const DatabaseOperations &m_ops;
    QVariantList m_selectParams, m_whereParams, m_havingParams, m_orderParams;
    QString m_where, m_having;
    bool m_filtersCompiled = false;
    QList<Join> m_joins;
    int m_aliasCounter = 0;
    bool m_hasMultiJoin = false;
    bool m_noJoins = false;            // UPDATE SET: references must stay on the base table
};

} // namespace quango
