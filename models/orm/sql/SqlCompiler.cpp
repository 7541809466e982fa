#include "orm/sql/SqlCompiler.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include "orm/Model.h"
#include "orm/ModelMeta.h"
#include "orm/RelatedField.h"
#include <QSet>

namespace quango {

namespace {
const QStringList &lookupNames()
{
    static const QStringList names = {
        QStringLiteral("exact"), QStringLiteral("iexact"), QStringLiteral("contains"), QStringLiteral("icontains"),
        QStringLiteral("startswith"), QStringLiteral("istartswith"), QStringLiteral("endswith"), QStringLiteral("iendswith"),
        QStringLiteral("in"), QStringLiteral("gt"), QStringLiteral("gte"), QStringLiteral("lt"), QStringLiteral("lte"),
        QStringLiteral("range"), QStringLiteral("isnull"), QStringLiteral("regex"), QStringLiteral("iregex")};
    return names;
}
const QStringList &transformNames()
{
    static const QStringList names = {QStringLiteral("year"), QStringLiteral("month"), QStringLiteral("day"),
                                      QStringLiteral("week_day"), QStringLiteral("hour"), QStringLiteral("minute"),
                                      QStringLiteral("second"), QStringLiteral("quarter"), QStringLiteral("week"),
                                      QStringLiteral("date")};
    return names;
}
bool isLookupOrTransform(const QString &name) { return lookupNames().contains(name) || transformNames().contains(name); }

QString sqlFunction(ExpressionNode::Function function)
{
    switch (function) {
    case ExpressionNode::Function::Count: return QStringLiteral("COUNT");
    case ExpressionNode::Function::Sum: return QStringLiteral("SUM");
    case ExpressionNode::Function::Avg: return QStringLiteral("AVG");
    case ExpressionNode::Function::Min: return QStringLiteral("MIN");
    case ExpressionNode::Function::Max: return QStringLiteral("MAX");
    }
    return {};
}

QString sqlOperator(ExpressionNode::Op op)
{
    switch (op) {
    case ExpressionNode::Op::Add: return QStringLiteral(" + ");
    case ExpressionNode::Op::Sub: return QStringLiteral(" - ");
    case ExpressionNode::Op::Mul: return QStringLiteral(" * ");
    case ExpressionNode::Op::Div: return QStringLiteral(" / ");
    case ExpressionNode::Op::Mod: return QStringLiteral(" % ");
    }
    return {};
}

// Puts the placeholder into an operator template ("%s" marks the right-hand side).
QString fillOperator(const QString &pattern, const QString &rhs)
{
    QString out = pattern;
    out.replace(QStringLiteral("%s"), rhs);
    return out;
}
} // namespace

SqlCompiler::SqlCompiler(const Query &query, const DatabaseOperations &ops) : m_query(query), m_ops(ops) {}

QString SqlCompiler::baseAlias() const { return m_query.model->dbTable(); }

QString SqlCompiler::fromSql() const
{
    QString sql = m_ops.quoteName(m_query.model->dbTable());
    for (const Join &join : m_joins) {
        sql += join.leftOuter ? QStringLiteral(" LEFT OUTER JOIN ") : QStringLiteral(" INNER JOIN ");
        sql += m_ops.quoteName(join.table);
        if (join.alias != join.table)
            sql += QLatin1Char(' ') + m_ops.quoteName(join.alias);
        sql += QStringLiteral(" ON (%1.%2 = %3.%4)")
                   .arg(m_ops.quoteName(join.parentAlias), m_ops.quoteName(join.parentColumn),
                        m_ops.quoteName(join.alias), m_ops.quoteName(join.column));
    }
    return sql;
}

QString SqlCompiler::join(const QString &parentAlias, const QString &key, const QString &table,
                          const QString &parentColumn, const QString &column, bool outer, int generation)
{
    const QString fullKey = generation == AnyGeneration ? key : key + QStringLiteral("#") + QString::number(generation);
    // A join hanging off a LEFT join must be LEFT too, or it would drop the rows the first one kept.
    bool parentOuter = false;
    for (const Join &j : m_joins)
        if (j.alias == parentAlias)
            parentOuter = j.leftOuter;
    outer = outer || parentOuter;
    for (Join &j : m_joins) {
        const bool sameKey = j.key == fullKey || (generation == AnyGeneration && j.key.section(QLatin1Char('#'), 0, 0) == key);
        if (sameKey) {
            if (outer && !j.leftOuter)
                j.leftOuter = true; // promotion, as Django promotes joins used under OR
            return j.alias;
        }
    }
    Join j;
    j.key = fullKey;
    j.table = table;
    j.alias = QStringLiteral("T%1").arg(++m_aliasCounter);
    j.parentAlias = parentAlias;
    j.parentColumn = parentColumn;
    j.column = column;
    j.leftOuter = outer;
    m_joins.append(j);
    return j.alias;
}

const Query::Annotation *SqlCompiler::annotation(const QString &name) const
{
    for (const Query::Annotation &a : m_query.annotations)
        if (a.name == name)
            return &a;
    return nullptr;
}

SqlCompiler::ResolvedPath SqlCompiler::resolve(const QString &path, bool allowLookup, int generation, bool outer)
{
    const QStringList parts = path.split(QStringLiteral("__"));
    ResolvedPath r;
    r.model = m_query.model;
    r.alias = baseAlias();
    int i = 0;
    if (const Query::Annotation *a = annotation(parts.first())) {
        r.annotation = a;
        i = 1;
    } else {
        for (; i < parts.size(); ++i) {
            const QString &part = parts.at(i);
            const bool last = i + 1 == parts.size();
            const bool nextIsLookup = last || isLookupOrTransform(parts.at(i + 1));
            if (i > 0 && r.field && isLookupOrTransform(part))
                break;
            if (m_noJoins && i > 0)
                throw FieldError(QStringLiteral("Joined field references are not permitted in this query: '%1'.").arg(path));
            const Field *field = r.model->field(part);
            if (field && !field->isRelation()) {
                r.field = field;
                r.nullable = r.nullable || field->isNull();
                ++i;
                break;
            }
            if (auto *fk = dynamic_cast<const ForeignKey *>(field)) {
                const ModelMeta *target = fk->relatedModel();
                if (!target)
                    throw ImproperlyConfigured(QStringLiteral("%1.%2 points to '%3', which is not an installed model.")
                                                   .arg(r.model->label(), fk->name(), fk->to()));
                r.nullable = r.nullable || fk->isNull();
                // author, author_id, author__id and author__pk all read the local column.
                const bool pkNext = !last && (parts.at(i + 1) == QLatin1String("pk") || parts.at(i + 1) == target->pk()->name());
                if (nextIsLookup || pkNext) {
                    r.field = fk;
                    i += pkNext ? 2 : 1;
                    break;
                }
                r.alias = join(r.alias, r.alias + QLatin1Char('|') + part, target->dbTable(), fk->column(),
                               target->pk()->column(), outer || fk->isNull(), AnyGeneration);
                r.model = target;
                continue;
            }
            if (auto *m2m = dynamic_cast<const ManyToManyField *>(field)) {
                const ModelMeta *target = m2m->relatedModel();
                if (!target)
                    throw ImproperlyConfigured(QStringLiteral("%1.%2 points to '%3', which is not an installed model.")
                                                   .arg(r.model->label(), m2m->name(), m2m->to()));
                r.multiValued = true;
                m_hasMultiJoin = true;
                const QString through = join(r.alias, r.alias + QLatin1Char('|') + part, m2m->throughTable(),
                                             r.model->pk()->column(), m2m->sourceColumn(), outer, generation);
                r.nullable = r.nullable || outer;
                if (nextIsLookup) {
                    r.alias = through;
                    r.field = target->pk();
                    r.model = target;
                    r.columnSql = m_ops.quoteName(through) + QLatin1Char('.') + m_ops.quoteName(m2m->targetColumn());
                    ++i;
                    break;
                }
                r.alias = join(through, through + QLatin1Char('|') + part, target->dbTable(), m2m->targetColumn(),
                               target->pk()->column(), outer, generation);
                r.model = target;
                continue;
            }
            if (const ReverseRelation *rel = r.model->reverseRelation(part)) {
                const ModelMeta *source = rel->model;
                r.multiValued = r.multiValued || rel->multiple;
                if (rel->multiple)
                    m_hasMultiJoin = true;
                r.nullable = r.nullable || outer;
                const int gen = rel->multiple ? generation : AnyGeneration;
                if (rel->manyToMany) {
                    auto *m2m = static_cast<const ManyToManyField *>(rel->field);
                    const QString through = join(r.alias, r.alias + QLatin1Char('|') + part, m2m->throughTable(),
                                                 r.model->pk()->column(), m2m->targetColumn(), outer, gen);
                    if (nextIsLookup) {
                        r.alias = through;
                        r.field = source->pk();
                        r.model = source;
                        r.columnSql = m_ops.quoteName(through) + QLatin1Char('.') + m_ops.quoteName(m2m->sourceColumn());
                        ++i;
                        break;
                    }
                    r.alias = join(through, through + QLatin1Char('|') + part, source->dbTable(), m2m->sourceColumn(),
                                   source->pk()->column(), outer, gen);
                } else {
                    r.alias = join(r.alias, r.alias + QLatin1Char('|') + part, source->dbTable(), r.model->pk()->column(),
                                   rel->field->column(), outer, gen);
                }
                r.model = source;
                if (nextIsLookup) {
                    r.field = source->pk();
                    ++i;
                    break;
                }
                continue;
            }
            if (part == QLatin1String("pk")) {
                r.field = r.model->pk();
                ++i;
                break;
            }
            r.model->fieldOrThrow(part); // throws with the choices
        }
        if (!r.field)
            r.field = r.model->pk();
        if (r.columnSql.isEmpty())
            r.columnSql = m_ops.quoteName(r.alias) + QLatin1Char('.') + m_ops.quoteName(r.field->column());
    }
    for (; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (transformNames().contains(part) && r.lookup.isEmpty()) {
            r.transforms << part;
        } else if (lookupNames().contains(part) && r.lookup.isEmpty() && allowLookup) {
            r.lookup = part;
        } else {
            const QString where = r.annotation ? QStringLiteral("annotation '%1'").arg(r.annotation->name)
                                               : QStringLiteral("field %1.%2").arg(r.model->label(), r.field->name());
            throw FieldError(QStringLiteral("Unsupported lookup '%1' for %2 in '%3'. Valid lookups: %4; transforms: %5")
                                 .arg(part, where, path, lookupNames().join(QStringLiteral(", ")),
                                      transformNames().join(QStringLiteral(", "))));
        }
    }
    if (r.lookup.isEmpty())
        r.lookup = QStringLiteral("exact");
    return r;
}

QVariant SqlCompiler::adaptPlain(const QVariant &value) const
{
    switch (value.metaType().id()) {
    case QMetaType::QDateTime: return m_ops.adaptDateTime(value.toDateTime());
    case QMetaType::QDate: return m_ops.adaptDate(value.toDate());
    case QMetaType::Bool: return m_ops.adaptBool(value.toBool());
    case QMetaType::QUuid: return m_ops.adaptUuid(value.toUuid());
    default: break;
    }
    if (value.metaType() == QMetaType::fromType<Model>())
        return value.value<Model>().pk();
    return value;
}

QVariant SqlCompiler::adaptForField(const Field *field, const QVariant &value, const QString &lookupPath) const
{
    if (value.isNull())
        return QVariant();
    QVariant v = value;
    if (v.metaType() == QMetaType::fromType<Model>()) {
        const Model instance = v.value<Model>();
        if (instance.isValid() && instance.isAdding())
            throw FieldError(QStringLiteral("Model instances passed to related filters must be saved ('%1').").arg(lookupPath));
        v = instance.pk();
    }
    try {
        return field->toDatabase(field->clean(v), m_ops);
    } catch (const ValidationError &error) {
        throw FieldError(QStringLiteral("Field '%1' got a value it cannot use in the filter '%2': %3")
                             .arg(field->name(), lookupPath, QStringList(error.errors().value(field->name())).join(u' ').isEmpty()
                                                                 ? error.message()
                                                                 : error.errors().value(field->name()).join(u' ')));
    }
}

bool SqlCompiler::referencesAggregate(const Q::Node &node) const
{
    if (node.isLeaf()) {
        const Query::Annotation *a = annotation(node.lookup.section(QStringLiteral("__"), 0, 0));
        return a && a->expression.isAggregate();
    }
    for (const auto &child : node.children)
        if (referencesAggregate(*child))
            return true;
    return false;
}

QString SqlCompiler::compileLeaf(const Q::Node &leaf, int generation, bool negated, bool outer, QVariantList &params)
{
    const Arg &arg = leaf.value;
    // isnull=True needs the LEFT join that keeps rows without a related row.
    const bool wantsNull = leaf.lookup.endsWith(QLatin1String("__isnull")) && arg.value().toBool();
    ResolvedPath r = resolve(leaf.lookup, true, generation, outer || wantsNull || negated);
    QString lhs = r.annotation ? compileExpression(*r.annotation->expression.node(), generation, params) : r.columnSql;
    const Field *field = r.annotation ? nullptr : r.field;
    for (const QString &transform : r.transforms) {
        lhs = transform == QLatin1String("date") ? m_ops.dateCastSql(lhs) : m_ops.dateExtractSql(transform, lhs);
        field = nullptr; // the value is an integer or a date now
    }
    auto adapt = [&](const QVariant &value) -> QVariant {
        if (!field || r.transforms.contains(QLatin1String("date")))
            return adaptPlain(value);
        return adaptForField(field, value, leaf.lookup);
    };

    QString condition;
    const QString &lookup = r.lookup;
    if (lookup == QLatin1String("isnull")) {
        condition = lhs + (arg.value().toBool() ? QStringLiteral(" IS NULL") : QStringLiteral(" IS NOT NULL"));
    } else if (arg.isExpression()) {
        static const QStringList comparable = {QStringLiteral("exact"), QStringLiteral("gt"), QStringLiteral("gte"),
                                               QStringLiteral("lt"), QStringLiteral("lte")};
        if (!comparable.contains(lookup))
            throw FieldError(QStringLiteral("F() expressions can only be compared with exact, gt, gte, lt, lte; '%1' uses '%2'.")
                                 .arg(leaf.lookup, lookup));
        condition = fillOperator(m_ops.lookupOperator(lookup, lhs), compileExpression(*arg.expression().node(), generation, params));
    } else if (lookup == QLatin1String("in")) {
        const QVariant &value = arg.value();
        if (!value.canConvert<QVariantList>() || value.metaType().id() == QMetaType::QString)
            throw FieldError(QStringLiteral("The value of '%1' must be a list, got '%2'.").arg(leaf.lookup, value.toString()));
        const QVariantList items = value.toList();
        QStringList marks;
        for (const QVariant &item : items) {
            if (item.isNull())
                continue; // NULL never matches IN, as in SQL
            params << adapt(item);
            marks << QStringLiteral("?");
        }
        condition = marks.isEmpty() ? QStringLiteral("0 = 1") : lhs + QStringLiteral(" IN (") + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
    } else if (lookup == QLatin1String("range")) {
        const QVariantList bounds = arg.value().toList();
        if (bounds.size() != 2)
            throw FieldError(QStringLiteral("The value of '%1' must be a list of two values (low, high).").arg(leaf.lookup));
        params << adapt(bounds.at(0)) << adapt(bounds.at(1));
        condition = lhs + QStringLiteral(" BETWEEN ? AND ?");
    } else if (arg.value().isNull() && lookup == QLatin1String("exact")) {
        condition = lhs + QStringLiteral(" IS NULL"); // Django: exact=None means isnull=True
    } else if (arg.value().isNull()) {
        throw FieldError(QStringLiteral("Cannot use None as a query value for '%1': use __isnull.").arg(leaf.lookup));
    } else {
        static const QStringList textual = {QStringLiteral("iexact"), QStringLiteral("contains"), QStringLiteral("icontains"),
                                            QStringLiteral("startswith"), QStringLiteral("istartswith"), QStringLiteral("endswith"),
                                            QStringLiteral("iendswith"), QStringLiteral("regex"), QStringLiteral("iregex")};
        QVariant value;
        if (textual.contains(lookup)) {
            const QVariant plain = arg.value().metaType() == QMetaType::fromType<Model>() ? arg.value().value<Model>().pk() : arg.value();
            value = m_ops.patternValue(lookup, plain.toString());
        } else {
            value = adapt(arg.value());
        }
        params << value;
        condition = fillOperator(m_ops.lookupOperator(lookup, lhs), QStringLiteral("?"));
    }
    // exclude(field=x) must keep rows where the field is NULL (SQL's NOT of NULL is NULL).
    if (negated && r.nullable && lookup != QLatin1String("isnull"))
        condition = QStringLiteral("(%1 AND %2 IS NOT NULL)").arg(condition, lhs);
    return condition;
}

QString SqlCompiler::compileNode(const Q::Node &node, int generation, bool negated, bool outer, QVariantList &params)
{
    if (node.isLeaf())
        return compileLeaf(node, generation, negated, outer, params);
    const bool childNegated = negated != node.negated;
    const bool childOuter = outer || node.connector == Q::Connector::Or || node.negated;
    QStringList parts;
    for (const auto &child : node.children) {
        const QString sql = compileNode(*child, generation, childNegated, childOuter, params);
        if (!sql.isEmpty())
            parts << sql;
    }
    if (parts.isEmpty())
        return {};
    QString sql = parts.size() == 1 ? parts.first()
                                    : QLatin1Char('(') + parts.join(node.connector == Q::Connector::And ? QStringLiteral(" AND ")
                                                                                                         : QStringLiteral(" OR ")) + QLatin1Char(')');
    if (node.negated)
        sql = QStringLiteral("NOT (%1)").arg(sql);
    return sql;
}

QString SqlCompiler::compileFilters(bool having)
{
    QStringList parts;
    QVariantList &params = having ? m_havingParams : m_whereParams;
    for (int i = 0; i < m_query.filters.size(); ++i) {
        const Query::Filter &filter = m_query.filters.at(i);
        if (filter.q.isEmpty() || referencesAggregate(*filter.q.root()) != having)
            continue;
        const int generation = i + 1;
        if (filter.negated && !having) {
            // exclude() across a multi-valued relation means "no related row matches":
            // a subquery, as Django builds it, instead of NOT over a join.
            Query probe(m_query.model);
            probe.filters.append({filter.q, false});
            probe.annotations = m_query.annotations;
            SqlCompiler sub(probe, m_ops);
            CompiledQuery pks = sub.selectPks();
            if (sub.m_hasMultiJoin) {
                const QString pk = m_ops.quoteName(baseAlias()) + QLatin1Char('.') + m_ops.quoteName(m_query.model->pk()->column());
                parts << QStringLiteral("NOT (%1 IN (%2))").arg(pk, pks.sql);
                params << pks.params;
                continue;
            }
        }
        QString sql = compileNode(*filter.q.root(), generation, filter.negated, false, params);
        if (sql.isEmpty())
            continue;
        if (filter.negated)
            sql = QStringLiteral("NOT (%1)").arg(sql);
        parts << sql;
    }
    return parts.join(QStringLiteral(" AND "));
}

QString SqlCompiler::compileExpression(const ExpressionNode &node, int generation, QVariantList &params, bool allowJoins)
{
    Q_UNUSED(allowJoins);
    switch (node.kind) {
    case ExpressionNode::Kind::FieldRef: {
        if (const Query::Annotation *a = annotation(node.name))
            return compileExpression(*a->expression.node(), generation, params);
        const ResolvedPath r = resolve(node.name, false, AnyGeneration, true);
        return r.columnSql;
    }
    case ExpressionNode::Kind::Value:
        params << adaptPlain(node.value);
        return QStringLiteral("?");
    case ExpressionNode::Kind::Combined:
        return QLatin1Char('(') + compileExpression(*node.lhs, generation, params) + sqlOperator(node.op)
               + compileExpression(*node.rhs, generation, params) + QLatin1Char(')');
    case ExpressionNode::Kind::Aggregate: {
        const QString argument = node.lhs ? compileExpression(*node.lhs, generation, params) : QStringLiteral("*");
        QString sql = sqlFunction(node.function) + QLatin1Char('(') + (node.distinct ? QStringLiteral("DISTINCT ") : QString()) + argument + QLatin1Char(')');
        // SUM/AVG over no rows is NULL in SQL; COUNT is 0 already.
        return sql;
    }
    case ExpressionNode::Kind::Random:
        return m_ops.randomFunctionSql();
    }
    return {};
}

QString SqlCompiler::compileOrderBy()
{
    QStringList ordering = m_query.ordering;
    if (ordering.isEmpty() && m_query.defaultOrdering)
        ordering = m_query.model->ordering();
    if (ordering.isEmpty() && m_query.reversed)
        ordering = {QStringLiteral("pk")};
    QStringList parts;
    for (const QString &entry : std::as_const(ordering)) {
        if (entry == QLatin1String("?")) {
            parts << m_ops.randomFunctionSql();
            continue;
        }
        bool descending = entry.startsWith(QLatin1Char('-'));
        const QString path = descending ? entry.mid(1) : entry;
        if (m_query.reversed)
            descending = !descending;
        QString sql;
        if (const Query::Annotation *a = annotation(path)) {
            sql = compileExpression(*a->expression.node(), AnyGeneration, m_orderParams);
        } else {
            const ResolvedPath r = resolve(path, false, AnyGeneration, true);
            sql = r.columnSql;
            for (const QString &transform : r.transforms)
                sql = transform == QLatin1String("date") ? m_ops.dateCastSql(sql) : m_ops.dateExtractSql(transform, sql);
        }
        parts << sql + (descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC"));
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" ORDER BY ") + parts.join(QStringLiteral(", "));
}

void SqlCompiler::selectModel(CompiledQuery &out, QStringList &columns, const ModelMeta *model, const QString &alias,
                              const QString &path, int parent, const QString &fieldName, bool applyDefer)
{
    CompiledQuery::ModelColumns mc;
    mc.model = model;
    mc.path = path;
    mc.parent = parent;
    mc.fieldName = fieldName;
    mc.firstColumn = int(columns.size());
    const QList<const Field *> &fields = model->concreteFields();
    for (int i = 0; i < fields.size(); ++i) {
        const Field *field = fields.at(i);
        if (applyDefer && !field->isPrimaryKey()) {
            if (!m_query.only.isEmpty() && !m_query.only.contains(field->name()) && !m_query.only.contains(field->attname()))
                continue;
            if (m_query.deferred.contains(field->name()) || m_query.deferred.contains(field->attname()))
                continue;
        }
        mc.fieldIndexes << i;
        columns << m_ops.quoteName(alias) + QLatin1Char('.') + m_ops.quoteName(field->column());
    }
    out.models.append(mc);
}

void SqlCompiler::selectRelatedAll(CompiledQuery &out, QStringList &columns, const ModelMeta *model, const QString &alias,
                                   const QString &prefix, int parent, int depth)
{
    if (depth > 5)
        return;
    for (const Field *field : model->concreteFields()) {
        auto *fk = dynamic_cast<const ForeignKey *>(field);
        if (!fk || fk->isNull() || !fk->relatedModel())
            continue;
        const QString path = prefix.isEmpty() ? fk->name() : prefix + QStringLiteral("__") + fk->name();
        const QString childAlias = join(alias, alias + QLatin1Char('|') + fk->name(), fk->relatedModel()->dbTable(),
                                        fk->column(), fk->relatedModel()->pk()->column(), false, AnyGeneration);
        selectModel(out, columns, fk->relatedModel(), childAlias, path, parent, fk->name(), false);
        selectRelatedAll(out, columns, fk->relatedModel(), childAlias, path, int(out.models.size()) - 1, depth + 1);
    }
}

QString SqlCompiler::selectClause(CompiledQuery &out, QStringList *groupBy)
{
    QStringList columns;
    QStringList plainColumns; // non-aggregate columns: GROUP BY when aggregating
    const bool grouping = m_query.hasAggregateAnnotation();
    if (m_query.resultKind == Query::ResultKind::Models) {
        selectModel(out, columns, m_query.model, baseAlias(), QString(), -1, QString(), true);
        if (!m_query.selectRelated.isEmpty()) {
            if (m_query.selectRelated == QStringList{QStringLiteral("*")}) {
                selectRelatedAll(out, columns, m_query.model, baseAlias(), QString(), 0, 1);
            } else {
                QSet<QString> done;
                for (const QString &fullPath : m_query.selectRelated) {
                    const QStringList parts = fullPath.split(QStringLiteral("__"));
                    const ModelMeta *model = m_query.model;
                    QString alias = baseAlias();
                    int parent = 0;
                    bool outer = false;
                    QString path;
                    for (const QString &part : parts) {
                        path = path.isEmpty() ? part : path + QStringLiteral("__") + part;
                        auto *fk = dynamic_cast<const ForeignKey *>(model->field(part));
                        if (!fk) {
                            QStringList choices;
                            for (const Field *f : model->concreteFields())
                                if (dynamic_cast<const ForeignKey *>(f))
                                    choices << f->name();
                            throw FieldError(QStringLiteral("Invalid field name(s) given in select_related: '%1'. Choices are: %2")
                                                 .arg(part, choices.isEmpty() ? QStringLiteral("(none)") : choices.join(QStringLiteral(", "))));
                        }
                        outer = outer || fk->isNull();
                        alias = join(alias, alias + QLatin1Char('|') + part, fk->relatedModel()->dbTable(), fk->column(),
                                     fk->relatedModel()->pk()->column(), outer, AnyGeneration);
                        if (!done.contains(path)) {
                            done.insert(path);
                            selectModel(out, columns, fk->relatedModel(), alias, path, parent, part, false);
                            parent = int(out.models.size()) - 1;
                        } else {
                            for (int i = 0; i < out.models.size(); ++i)
                                if (out.models.at(i).path == path)
                                    parent = i;
                        }
                        model = fk->relatedModel();
                    }
                }
            }
        }
        plainColumns = columns;
        out.firstAnnotationColumn = int(columns.size());
        for (const Query::Annotation &a : m_query.annotations) {
            columns << compileExpression(*a.expression.node(), AnyGeneration, m_selectParams) + QStringLiteral(" AS ") + m_ops.quoteName(a.name);
            out.annotationNames << a.name;
        }
    } else {
        QStringList names = m_query.valueFields;
        if (names.isEmpty()) {
            for (const Field *field : m_query.model->concreteFields())
                names << field->attname();
            for (const Query::Annotation &a : m_query.annotations)
                names << a.name;
        }
        for (const QString &name : std::as_const(names)) {
            if (const Query::Annotation *a = annotation(name)) {
                const QString sql = compileExpression(*a->expression.node(), AnyGeneration, m_selectParams);
                columns << sql + QStringLiteral(" AS ") + m_ops.quoteName(name);
                if (!a->expression.isAggregate())
                    plainColumns << sql;
                out.valueFields << nullptr;
            } else {
                const ResolvedPath r = resolve(name, false, AnyGeneration, true);
                QString sql = r.columnSql;
                const Field *field = r.field;
                for (const QString &transform : r.transforms) {
                    sql = transform == QLatin1String("date") ? m_ops.dateCastSql(sql) : m_ops.dateExtractSql(transform, sql);
                    field = nullptr;
                }
                columns << sql;
                plainColumns << sql;
                out.valueFields << field;
            }
            out.valueNames << name;
        }
    }
    if (grouping && groupBy)
        *groupBy = plainColumns;
    return (m_query.distinct ? QStringLiteral("SELECT DISTINCT ") : QStringLiteral("SELECT ")) + columns.join(QStringLiteral(", "));
}

QString SqlCompiler::wherePrefix() const { return m_where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + m_where; }

QString SqlCompiler::assemble(const QString &select, const QStringList &groupBy, bool withOrder, bool withLimits)
{
    QString order = withOrder ? compileOrderBy() : QString();
    QString sql = select + QStringLiteral(" FROM ") + fromSql() + wherePrefix();
    if (!groupBy.isEmpty())
        sql += QStringLiteral(" GROUP BY ") + groupBy.join(QStringLiteral(", "));
    if (!m_having.isEmpty())
        sql += QStringLiteral(" HAVING ") + m_having;
    sql += order;
    if (withLimits && m_query.isSliced())
        sql += m_ops.limitOffsetSql(m_query.high ? *m_query.high - m_query.low : -1, m_query.low);
    return sql;
}

CompiledQuery SqlCompiler::select()
{
    CompiledQuery out;
    m_where = compileFilters(false);
    m_having = compileFilters(true);
    QStringList groupBy;
    const QString selectSql = selectClause(out, &groupBy);
    if (m_query.empty) {
        m_where = QStringLiteral("0 = 1");
        m_whereParams.clear();
        m_havingParams.clear();
        m_having.clear();
    }
    out.sql = assemble(selectSql, groupBy, true, true);
    out.params = m_selectParams + m_whereParams + m_havingParams + m_orderParams;
    return out;
}

CompiledQuery SqlCompiler::wrapCount(const CompiledQuery &inner) const
{
    CompiledQuery out;
    out.sql = QStringLiteral("SELECT COUNT(*) FROM (") + inner.sql + QStringLiteral(") subquery");
    out.params = inner.params;
    return out;
}

CompiledQuery SqlCompiler::count()
{
    if (m_query.distinct || m_query.isSliced() || m_query.hasAggregateAnnotation() || m_query.empty) {
        Query unordered = m_query;
        if (!m_query.isSliced()) { // a slice depends on its ordering
            unordered.ordering.clear();
            unordered.defaultOrdering = false;
        }
        SqlCompiler inner(unordered, m_ops);
        return wrapCount(inner.select());
    }
    CompiledQuery out;
    m_where = compileFilters(false);
    out.sql = QStringLiteral("SELECT COUNT(*) FROM ") + fromSql() + wherePrefix();
    out.params = m_whereParams;
    return out;
}

CompiledQuery SqlCompiler::exists()
{
    CompiledQuery out;
    if (m_query.empty) {
        out.sql = QStringLiteral("SELECT 1 WHERE 0 = 1");
        return out;
    }
    if (m_query.isSliced() || m_query.hasAggregateAnnotation() || m_query.distinct) {
        Query copy = m_query;
        SqlCompiler inner(copy, m_ops);
        CompiledQuery sub = inner.select();
        out.sql = QStringLiteral("SELECT 1 FROM (") + sub.sql + QStringLiteral(") subquery LIMIT 1");
        out.params = sub.params;
        return out;
    }
    m_where = compileFilters(false);
    out.sql = QStringLiteral("SELECT 1 AS ") + m_ops.quoteName(QStringLiteral("a")) + QStringLiteral(" FROM ") + fromSql() + wherePrefix() + QStringLiteral(" LIMIT 1");
    out.params = m_whereParams;
    return out;
}

CompiledQuery SqlCompiler::aggregate(const QList<Query::Annotation> &aggregates)
{
    CompiledQuery out;
    if (m_query.distinct || m_query.isSliced() || !m_query.annotations.isEmpty() || m_query.empty) {
        // Aggregate over the rows the QuerySet would return.
        Query inner = m_query;
        if (!m_query.isSliced()) {
            inner.ordering.clear();
            inner.defaultOrdering = false;
        }
        SqlCompiler sub(inner, m_ops);
        CompiledQuery subSql = sub.select();
        // Re-express each aggregate over the subquery's columns by name.
        QStringList columns;
        for (const Query::Annotation &a : aggregates) {
            const ExpressionNode *node = a.expression.node();
            if (node->kind != ExpressionNode::Kind::Aggregate)
                throw FieldError(QStringLiteral("'%1' is not an aggregate expression.").arg(a.name));
            QString argument = QStringLiteral("*");
            if (node->lhs) {
                if (node->lhs->kind != ExpressionNode::Kind::FieldRef)
                    throw FieldError(QStringLiteral("Cannot aggregate an expression over a sliced or annotated QuerySet ('%1').").arg(a.name));
                const QString name = node->lhs->name;
                if (const Query::Annotation *ann = annotation(name)) {
                    argument = m_ops.quoteName(ann->name);
                } else {
                    const Field *field = m_query.model->fieldOrThrow(name);
                    if (!field->isConcrete() || name.contains(QStringLiteral("__")))
                        throw FieldError(QStringLiteral("Cannot aggregate across relations over a sliced QuerySet ('%1').").arg(name));
                    argument = m_ops.quoteName(field->column());
                }
            }
            columns << sqlFunction(node->function) + QLatin1Char('(') + (node->distinct ? QStringLiteral("DISTINCT ") : QString())
                           + argument + QStringLiteral(") AS ") + m_ops.quoteName(a.name);
            out.valueNames << a.name;
        }
        out.sql = QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) + QStringLiteral(" FROM (") + subSql.sql + QStringLiteral(") subquery");
        out.params = subSql.params;
        return out;
    }
    m_where = compileFilters(false);
    QStringList columns;
    for (const Query::Annotation &a : aggregates) {
        if (!a.expression.isAggregate())
            throw FieldError(QStringLiteral("'%1' is not an aggregate expression.").arg(a.name));
        columns << compileExpression(*a.expression.node(), AnyGeneration, m_selectParams) + QStringLiteral(" AS ") + m_ops.quoteName(a.name);
        out.valueNames << a.name;
    }
    out.sql = QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") + fromSql() + wherePrefix();
    out.params = m_selectParams + m_whereParams;
    return out;
}

CompiledQuery SqlCompiler::selectPks()
{
    CompiledQuery out;
    m_where = compileFilters(false);
    m_having = compileFilters(true);
    const QString pk = m_ops.quoteName(baseAlias()) + QLatin1Char('.') + m_ops.quoteName(m_query.model->pk()->column());
    QStringList groupBy;
    if (!m_having.isEmpty()) {
        // HAVING on an annotation: the annotation must be computed per row group.
        for (const Query::Annotation &a : m_query.annotations)
            compileExpression(*a.expression.node(), AnyGeneration, m_selectParams);
        groupBy << pk;
    }
    const bool ordered = m_query.isSliced();
    out.sql = assemble(QStringLiteral("SELECT ") + pk, groupBy, ordered, true);
    if (m_query.empty)
        out.sql = QStringLiteral("SELECT ") + pk + QStringLiteral(" FROM ") + m_ops.quoteName(m_query.model->dbTable()) + QStringLiteral(" WHERE 0 = 1");
    else
        out.params = m_whereParams + m_havingParams + (ordered ? m_orderParams : QVariantList());
    m_selectParams.clear();
    return out;
}

CompiledQuery SqlCompiler::update(const QList<QPair<const Field *, Arg>> &values)
{
    CompiledQuery out;
    const QString table = m_ops.quoteName(m_query.model->dbTable());
    // SET expressions may only read the row's own columns.
    m_noJoins = true;
    QStringList sets;
    QVariantList setParams;
    for (const auto &[field, arg] : values) {
        QString rhs;
        if (arg.isExpression()) {
            rhs = compileExpression(*arg.expression().node(), AnyGeneration, setParams);
        } else {
            setParams << adaptForField(field, arg.value(), field->name());
            rhs = QStringLiteral("?");
        }
        sets << m_ops.quoteName(field->column()) + QStringLiteral(" = ") + rhs;
    }
    m_noJoins = false;
    out.sql = QStringLiteral("UPDATE ") + table + QStringLiteral(" SET ") + sets.join(QStringLiteral(", "));
    out.params = setParams;
    out.sql += wherePrefixForWrite(out.params);
    return out;
}

CompiledQuery SqlCompiler::deleteRows()
{
    CompiledQuery out;
    out.sql = QStringLiteral("DELETE FROM ") + m_ops.quoteName(m_query.model->dbTable());
    out.sql += wherePrefixForWrite(out.params);
    return out;
}

QString SqlCompiler::wherePrefixForWrite(QVariantList &params)
{
    if (m_query.empty)
        return QStringLiteral(" WHERE 0 = 1");
    // A plain filter on the table's own columns goes straight into the WHERE;
    // anything with joins, slices or HAVING goes through "pk IN (subquery)".
    SqlCompiler probe(m_query, m_ops);
    const QString where = probe.compileFilters(false);
    const bool simple = probe.m_joins.isEmpty() && !m_query.isSliced() && !m_query.hasAggregateAnnotation()
                        && !probe.m_hasMultiJoin;
    if (simple) {
        params << probe.m_whereParams;
        return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where;
    }
    SqlCompiler sub(m_query, m_ops);
    CompiledQuery pks = sub.selectPks();
    params << pks.params;
    // SQLite and PostgreSQL both refuse a subquery on the table being changed
    // only in MySQL; here a plain IN works on both.
    return QStringLiteral(" WHERE ") + m_ops.quoteName(m_query.model->pk()->column()) + QStringLiteral(" IN (") + pks.sql + QLatin1Char(')');
}

QString SqlCompiler::compileCheck(const ModelMeta &model, const Q &q, const DatabaseOperations &ops)
{
    Query query(&model);
    query.filters.append({q, false});
    SqlCompiler compiler(query, ops);
    compiler.m_noJoins = true;
    QString sql = compiler.compileFilters(false);
    // DDL cannot bind values: inline them as literals, in order.
    const QString prefix = ops.quoteName(model.dbTable()) + QLatin1Char('.');
    sql.replace(prefix, QString());
    QString out;
    int param = 0;
    for (const QChar c : std::as_const(sql)) {
        if (c == QLatin1Char('?') && param < compiler.m_whereParams.size())
            out += ops.quoteValue(compiler.m_whereParams.at(param++));
        else
            out += c;
    }
    return out;
}

} // namespace quango
