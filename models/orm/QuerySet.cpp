#include "orm/QuerySet.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "db/SqliteOperations.h"
#include "orm/Collector.h"
#include "orm/Exceptions.h"
#include "orm/Prefetch.h"
#include "orm/RelatedField.h"
#include "orm/sql/RowReader.h"
#include "orm/sql/SqlCompiler.h"

namespace quango {

// Django's MAX_GET_RESULTS: get() reads at most this many rows to report how many matched.
static constexpr int MaxGetResults = 21;

// ---- QuerySetBase -----------------------------------------------------------

QuerySetBase::QuerySetBase(const ModelMeta *model, const QString &alias) : m_alias(alias)
{
    if (!model)
        throw FieldError(QStringLiteral("A QuerySet needs a model (got a null ModelMeta)."));
    m_query = new Query(model);
}

QuerySetBase::QuerySetBase(QExplicitlySharedDataPointer<Query> query, const QString &alias)
    : m_query(std::move(query)), m_alias(alias)
{
}

QExplicitlySharedDataPointer<Query> QuerySetBase::cloneQuery() const
{
    return QExplicitlySharedDataPointer<Query>(new Query(*m_query));
}

Connection &QuerySetBase::connection() const { return Connection::get(m_alias); }

void QuerySetBase::validate() const
{
    static const SqliteOperations ops;
    SqlCompiler(*m_query, ops).select();
}

void QuerySetBase::checkNotSliced(const char *operation) const
{
    if (m_query->isSliced())
        throw FieldError(QStringLiteral("Cannot use 'limit' or 'offset' with %1().").arg(QLatin1String(operation)));
}

QString QuerySetBase::sql() const
{
    const DatabaseOperations &ops = connection().ops();
    const CompiledQuery compiled = SqlCompiler(*m_query, ops).select();
    QString out;
    int param = 0;
    for (const QChar c : compiled.sql) {
        if (c == QLatin1Char('?') && param < compiled.params.size())
            out += ops.quoteValue(compiled.params.at(param++));
        else
            out += c;
    }
    return out;
}

qint64 QuerySetBase::count() const
{
    Connection &conn = connection();
    const CompiledQuery compiled = SqlCompiler(*m_query, conn.ops()).count();
    QSqlQuery &query = conn.execute(compiled.sql, compiled.params);
    const qint64 n = query.next() ? query.value(0).toLongLong() : 0;
    query.finish();
    return n;
}

bool QuerySetBase::exists() const
{
    Connection &conn = connection();
    const CompiledQuery compiled = SqlCompiler(*m_query, conn.ops()).exists();
    QSqlQuery &query = conn.execute(compiled.sql, compiled.params);
    const bool found = query.next();
    query.finish();
    return found;
}

QVariantMap QuerySetBase::aggregate(const NamedExpressions &aggregates) const
{
    Connection &conn = connection();
    QList<Query::Annotation> list;
    for (const auto &[name, expression] : aggregates) {
        if (!expression.isAggregate())
            throw FieldError(QStringLiteral("aggregate() needs aggregate expressions (Count, Sum, Avg, Min, Max); '%1' is not one.").arg(name));
        list.append({name, expression});
    }
    const CompiledQuery compiled = SqlCompiler(*m_query, conn.ops()).aggregate(list);
    QSqlQuery &query = conn.execute(compiled.sql, compiled.params);
    QVariantMap out;
    if (query.next()) {
        for (int i = 0; i < list.size(); ++i) {
            QVariant value = query.value(i);
            if (value.isNull())
                value = QVariant(); // SQL NULL, whatever type the driver tagged it with
            const ExpressionNode *node = list.at(i).expression.node();
            // Min/Max of a plain field come back in the column's database form.
            const bool minMax = node->function == ExpressionNode::Function::Min || node->function == ExpressionNode::Function::Max;
            if (minMax && node->lhs && node->lhs->kind == ExpressionNode::Kind::FieldRef && !value.isNull())
                if (const Field *field = model()->field(node->lhs->name))
                    value = field->fromDatabase(value, conn.ops());
            if (node->function == ExpressionNode::Function::Count && value.isNull())
                value = 0;
            out.insert(list.at(i).name, value);
        }
    }
    query.finish();
    return out;
}

int QuerySetBase::update(const Assignments &values) const
{
    checkNotSliced("update");
    QList<QPair<const Field *, Arg>> resolved;
    for (const auto &[name, arg] : values) {
        const Field *field = model()->fieldOrThrow(name);
        if (!field->isConcrete())
            throw FieldError(QStringLiteral("Cannot update %1.%2: many-to-many fields are changed with manyRelated().").arg(model()->label(), name));
        resolved.append({field, arg});
    }
    if (resolved.isEmpty())
        return 0;
    Connection &conn = connection();
    const CompiledQuery compiled = SqlCompiler(*m_query, conn.ops()).update(resolved);
    QSqlQuery &query = conn.execute(compiled.sql, compiled.params);
    return query.numRowsAffected();
}

DeleteResult QuerySetBase::deleteRows() const
{
    checkNotSliced("delete");
    if (m_query->distinct)
        throw FieldError(QStringLiteral("Cannot call delete() after distinct()."));
    Query plain(*m_query);
    plain.selectRelated.clear();
    plain.prefetchRelated.clear();
    plain.ordering.clear();
    plain.defaultOrdering = false;
    plain.resultKind = Query::ResultKind::Models;
    const QList<Model> objects = QuerySet(QExplicitlySharedDataPointer<Query>(new Query(plain)), m_alias).list();
    Collector collector(m_alias);
    collector.collect(objects);
    return collector.deleteAll();
}

QList<Model> QuerySetBase::fetchModels() const
{
    Connection &conn = connection();
    const CompiledQuery compiled = SqlCompiler(*m_query, conn.ops()).select();
    QSqlQuery &query = conn.execute(compiled.sql, compiled.params);
    const RowReader reader(compiled, conn.ops(), conn.alias());
    QList<Model> rows;
    while (query.next())
        rows.append(reader.model(query));
    query.finish();
    if (!m_query->prefetchRelated.isEmpty())
        prefetchRelatedObjects(rows, m_query->prefetchRelated, m_alias);
    return rows;
}

QList<QVariantMap> QuerySetBase::fetchMaps() const
{
    Connection &conn = connection();
    const CompiledQuery compiled = SqlCompiler(*m_query, conn.ops()).select();
    QSqlQuery &query = conn.execute(compiled.sql, compiled.params);
    const RowReader reader(compiled, conn.ops(), conn.alias());
    QList<QVariantMap> rows;
    while (query.next())
        rows.append(reader.map(query));
    query.finish();
    return rows;
}

QList<QVariantList> QuerySetBase::fetchLists() const
{
    Connection &conn = connection();
    const CompiledQuery compiled = SqlCompiler(*m_query, conn.ops()).select();
    QSqlQuery &query = conn.execute(compiled.sql, compiled.params);
    const RowReader reader(compiled, conn.ops(), conn.alias());
    QList<QVariantList> rows;
    while (query.next())
        rows.append(reader.list(query));
    query.finish();
    return rows;
}

QVariantList QuerySetBase::fetchFlat() const
{
    Connection &conn = connection();
    const CompiledQuery compiled = SqlCompiler(*m_query, conn.ops()).select();
    QSqlQuery &query = conn.execute(compiled.sql, compiled.params);
    const RowReader reader(compiled, conn.ops(), conn.alias());
    QVariantList rows;
    while (query.next())
        rows.append(reader.flat(query));
    query.finish();
    return rows;
}

void QuerySetBase::streamModels(int chunkSize, const std::function<void(QList<Model> &)> &chunk) const
{
    if (chunkSize <= 0)
        throw FieldError(QStringLiteral("iterator(chunk_size) needs a positive chunk size, got %1.").arg(chunkSize));
    Connection &conn = connection();
    const CompiledQuery compiled = SqlCompiler(*m_query, conn.ops()).select();
    std::unique_ptr<QSqlQuery> query = conn.executeUncached(compiled.sql, compiled.params);
    const RowReader reader(compiled, conn.ops(), conn.alias());
    QList<Model> rows;
    rows.reserve(chunkSize);
    auto flush = [&] {
        if (rows.isEmpty())
            return;
        if (!m_query->prefetchRelated.isEmpty())
            prefetchRelatedObjects(rows, m_query->prefetchRelated, m_alias);
        chunk(rows);
        rows.clear();
    };
    while (query->next()) {
        rows.append(reader.model(*query));
        if (rows.size() >= chunkSize)
            flush();
    }
    flush();
}

void QuerySetBase::streamValues(int chunkSize, const std::function<void(const QVariantList &, const CompiledQuery &)> &row) const
{
    if (chunkSize <= 0)
        throw FieldError(QStringLiteral("iterator(chunk_size) needs a positive chunk size, got %1.").arg(chunkSize));
    Connection &conn = connection();
    const CompiledQuery compiled = SqlCompiler(*m_query, conn.ops()).select();
    std::unique_ptr<QSqlQuery> query = conn.executeUncached(compiled.sql, compiled.params);
    const RowReader reader(compiled, conn.ops(), conn.alias());
    while (query->next())
        row(reader.list(*query), compiled);
}

// ---- BasicQuerySet<Row> -------------------------------------------------------

template <typename Row>
template <typename Fn>
BasicQuerySet<Row> BasicQuerySet<Row>::changed(Fn &&change) const
{
    BasicQuerySet<Row> out(cloneQuery(), m_alias);
    change(*out.m_query);
    return out;
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::none() const
{
    return changed([](Query &q) { q.empty = true; });
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::filter(const Q &q) const
{
    if (m_query->isSliced())
        throw FieldError(QStringLiteral("Cannot filter a query once a slice has been taken."));
    auto out = changed([&](Query &query) { query.filters.append({q, false}); });
    out.validate();
    return out;
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::exclude(const Q &q) const
{
    if (m_query->isSliced())
        throw FieldError(QStringLiteral("Cannot filter a query once a slice has been taken."));
    auto out = changed([&](Query &query) { query.filters.append({q, true}); });
    out.validate();
    return out;
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::orderBy(const QStringList &fields) const
{
    if (m_query->isSliced())
        throw FieldError(QStringLiteral("Cannot reorder a query once a slice has been taken."));
    auto out = changed([&](Query &query) {
        query.ordering = fields;
        query.defaultOrdering = false; // order_by() with no fields clears Meta.ordering too
        query.reversed = false;
    });
    out.validate();
    return out;
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::reverse() const
{
    if (m_query->isSliced())
        throw FieldError(QStringLiteral("Cannot reverse a query once a slice has been taken."));
    return changed([](Query &q) { q.reversed = !q.reversed; });
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::distinct() const
{
    return changed([](Query &q) { q.distinct = true; });
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::slice(std::optional<qint64> start, std::optional<qint64> stop) const
{
    if ((start && *start < 0) || (stop && *stop < 0))
        throw FieldError(QStringLiteral("Negative indexing is not supported."));
    auto out = changed([&](Query &q) { q.setLimits(start, stop); });
    if (isEvaluated()) {
        // Slicing an evaluated QuerySet slices its cache, as Python lists do.
        const QList<Row> &rows = **m_cache;
        const qint64 from = std::min<qint64>(start.value_or(0), rows.size());
        const qint64 to = std::max(from, std::min<qint64>(stop.value_or(rows.size()), rows.size()));
        *out.m_cache = rows.mid(from, to - from);
    }
    return out;
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::selectRelated(const QStringList &paths) const
{
    auto out = changed([&](Query &q) {
        if (paths.isEmpty())
            q.selectRelated = {QStringLiteral("*")};
        else
            q.selectRelated << paths;
    });
    out.validate();
    return out;
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::prefetchRelated(const QStringList &accessors) const
{
    for (const QString &path : accessors) {
        const QString first = path.section(QStringLiteral("__"), 0, 0);
        if (!model()->field(first) && !model()->reverseRelation(first))
            throw FieldError(QStringLiteral("Cannot find '%1' on %2, '%3' is an invalid parameter to prefetch_related(). Relations: %4")
                                 .arg(first, model()->label(), path, model()->fieldNames().join(QStringLiteral(", "))));
    }
    return changed([&](Query &q) { q.prefetchRelated << accessors; });
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::annotate(const NamedExpressions &annotations) const
{
    auto out = changed([&](Query &q) {
        for (const auto &[name, expression] : annotations) {
            if (model()->field(name))
                throw FieldError(QStringLiteral("The annotation '%1' conflicts with a field on the model %2.").arg(name, model()->label()));
            q.annotations.append({name, expression});
            if (q.resultKind != Query::ResultKind::Models && !q.valueFields.isEmpty())
                q.valueFields << name;
        }
    });
    out.validate();
    return out;
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::defer(const QStringList &fields) const
{
    for (const QString &name : fields)
        model()->fieldOrThrow(name);
    return changed([&](Query &q) { q.deferred << fields; });
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::only(const QStringList &fields) const
{
    for (const QString &name : fields)
        model()->fieldOrThrow(name);
    return changed([&](Query &q) { q.only = fields; });
}

template <typename Row>
BasicQuerySet<Row> BasicQuerySet<Row>::using_(const QString &alias) const
{
    BasicQuerySet<Row> out(cloneQuery(), alias);
    return out;
}

template <typename Row>
BasicQuerySet<QVariantMap> BasicQuerySet<Row>::values(const QStringList &fields) const
{
    auto query = cloneQuery();
    query->resultKind = Query::ResultKind::Values;
    query->valueFields = fields;
    BasicQuerySet<QVariantMap> out(query, m_alias);
    out.validate();
    return out;
}

template <typename Row>
BasicQuerySet<QVariantList> BasicQuerySet<Row>::valuesList(const QStringList &fields) const
{
    auto query = cloneQuery();
    query->resultKind = Query::ResultKind::ValuesList;
    query->valueFields = fields;
    BasicQuerySet<QVariantList> out(query, m_alias);
    out.validate();
    return out;
}

template <typename Row>
BasicQuerySet<QVariant> BasicQuerySet<Row>::valuesListFlat(const QString &field) const
{
    auto query = cloneQuery();
    query->resultKind = Query::ResultKind::Flat;
    query->valueFields = {field};
    BasicQuerySet<QVariant> out(query, m_alias);
    out.validate();
    return out;
}

template <typename Row>
QList<Row> BasicQuerySet<Row>::fetch() const
{
    if constexpr (std::is_same_v<Row, Model>)
        return fetchModels();
    else if constexpr (std::is_same_v<Row, QVariantMap>)
        return fetchMaps();
    else if constexpr (std::is_same_v<Row, QVariantList>)
        return fetchLists();
    else
        return fetchFlat();
}

template <typename Row>
const QList<Row> &BasicQuerySet<Row>::list() const
{
    if (!m_cache->has_value())
        *m_cache = fetch();
    return **m_cache;
}

template <typename Row>
bool BasicQuerySet<Row>::isEmpty() const
{
    return isEvaluated() ? (*m_cache)->isEmpty() : !exists();
}

template <typename Row>
qint64 BasicQuerySet<Row>::size() const
{
    return list().size();
}

template <typename Row>
Row BasicQuerySet<Row>::at(qint64 index) const
{
    if (index < 0)
        throw FieldError(QStringLiteral("Negative indexing is not supported."));
    if (isEvaluated()) {
        if (index >= (*m_cache)->size())
            throw DoesNotExist(QStringLiteral("%1 index %2 is out of range (%3 rows).").arg(model()->objectName()).arg(index).arg((*m_cache)->size()));
        return (*m_cache)->at(index);
    }
    const QList<Row> rows = slice(index, index + 1).fetch();
    if (rows.isEmpty())
        throw DoesNotExist(QStringLiteral("%1 index %2 is out of range.").arg(model()->objectName()).arg(index));
    return rows.first();
}

template <typename Row>
Row BasicQuerySet<Row>::get(const Q &q) const
{
    BasicQuerySet<Row> qs = q.isEmpty() ? all() : filter(q);
    if (!qs.m_query->isSliced())
        qs = qs.changed([](Query &query) {
            query.high = query.low + MaxGetResults;
            query.ordering.clear();
            query.defaultOrdering = false;
        });
    const QList<Row> rows = qs.fetch();
    if (rows.isEmpty())
        throw DoesNotExist(QStringLiteral("%1 matching query does not exist.%2")
                               .arg(model()->objectName(), q.isEmpty() ? QString() : QStringLiteral(" Lookup: ") + q.toString()));
    if (rows.size() > 1)
        throw MultipleObjectsReturned(QStringLiteral("get() returned more than one %1 -- it returned %2!")
                                          .arg(model()->objectName(), rows.size() >= MaxGetResults ? QStringLiteral("more than 20") : QString::number(rows.size())));
    return rows.first();
}

template <typename Row>
std::optional<Row> BasicQuerySet<Row>::first() const
{
    if (isEvaluated())
        return (*m_cache)->isEmpty() ? std::nullopt : std::optional<Row>((*m_cache)->first());
    BasicQuerySet<Row> qs = *this;
    const bool ordered = !m_query->ordering.isEmpty() || (m_query->defaultOrdering && !model()->ordering().isEmpty());
    if (!ordered)
        qs = qs.changed([](Query &q) { q.ordering = {QStringLiteral("pk")}; });
    const QList<Row> rows = qs.slice(0, 1).fetch();
    return rows.isEmpty() ? std::nullopt : std::optional<Row>(rows.first());
}

template <typename Row>
std::optional<Row> BasicQuerySet<Row>::last() const
{
    if (isEvaluated())
        return (*m_cache)->isEmpty() ? std::nullopt : std::optional<Row>((*m_cache)->last());
    if (m_query->isSliced())
        throw FieldError(QStringLiteral("Cannot reverse a query once a slice has been taken."));
    BasicQuerySet<Row> qs = *this;
    const bool ordered = !m_query->ordering.isEmpty() || (m_query->defaultOrdering && !model()->ordering().isEmpty());
    if (!ordered)
        qs = qs.changed([](Query &q) { q.ordering = {QStringLiteral("pk")}; });
    const QList<Row> rows = qs.reverse().slice(0, 1).fetch();
    return rows.isEmpty() ? std::nullopt : std::optional<Row>(rows.first());
}

template <typename Row>
std::optional<Row> BasicQuerySet<Row>::latest(const QString &field) const
{
    const QString name = field.isEmpty() ? model()->options().getLatestBy : field;
    if (name.isEmpty())
        throw FieldError(QStringLiteral("latest() and earliest() require either fields as positional arguments or 'get_latest_by' in the model's Meta (%1).").arg(model()->label()));
    return orderBy({name.startsWith(QLatin1Char('-')) ? name.mid(1) : QLatin1Char('-') + name}).first();
}

template <typename Row>
std::optional<Row> BasicQuerySet<Row>::earliest(const QString &field) const
{
    const QString name = field.isEmpty() ? model()->options().getLatestBy : field;
    if (name.isEmpty())
        throw FieldError(QStringLiteral("latest() and earliest() require either fields as positional arguments or 'get_latest_by' in the model's Meta (%1).").arg(model()->label()));
    return orderBy({name}).first();
}

template <typename Row>
void BasicQuerySet<Row>::iterator(int chunkSize, const std::function<void(const Row &)> &visit) const
{
    if constexpr (std::is_same_v<Row, Model>) {
        streamModels(chunkSize, [&](QList<Model> &rows) {
            for (const Model &row : std::as_const(rows))
                visit(row);
        });
    } else {
        streamValues(chunkSize, [&](const QVariantList &values, const CompiledQuery &compiled) {
            if constexpr (std::is_same_v<Row, QVariantList>) {
                visit(values);
            } else if constexpr (std::is_same_v<Row, QVariantMap>) {
                QVariantMap map;
                for (int i = 0; i < compiled.valueNames.size(); ++i)
                    map.insert(compiled.valueNames.at(i), values.at(i));
                visit(map);
            } else {
                visit(values.value(0));
            }
        });
    }
}

// ---- model-only operations ----------------------------------------------------

template <typename Row>
Model BasicQuerySet<Row>::create(const Assignments &values) const requires std::is_same_v<Row, Model>
{
    Model instance(model());
    for (const auto &[name, arg] : values) {
        if (arg.isExpression())
            throw FieldError(QStringLiteral("create() takes values, not expressions ('%1').").arg(name));
        instance.setValue(name, arg.value());
    }
    instance.save({.updateFields = {}, .forceInsert = true, .using_ = m_alias});
    return instance;
}

// The plain field=value pairs of a lookup, which get_or_create copies into the new object.
static void exactValues(const Q::Node *node, Assignments &out)
{
    if (!node || node->negated)
        return;
    if (node->isLeaf()) {
        QString name = node->lookup;
        if (name.endsWith(QLatin1String("__exact")))
            name.chop(6);
        if (!name.contains(QLatin1String("__")))
            out.append({name, node->value});
        return;
    }
    if (node->connector == Q::Connector::And)
        for (const auto &child : node->children)
            exactValues(child.get(), out);
}

template <typename Row>
QPair<Model, bool> BasicQuerySet<Row>::getOrCreate(const Q &lookup, const Assignments &defaults) const requires std::is_same_v<Row, Model>
{
    try {
        return {get(lookup), false};
    } catch (const DoesNotExist &) {
    }
    Assignments values;
    exactValues(lookup.root(), values);
    for (const auto &entry : defaults) {
        values.removeIf([&](const QPair<QString, Arg> &v) { return v.first == entry.first; });
        values.append(entry);
    }
    try {
        Atomic block(m_alias);
        Model created = create(values);
        block.commit();
        return {created, true};
    } catch (const IntegrityError &) {
        // Someone else created it meanwhile: return theirs, as Django does.
        try {
            return {get(lookup), false};
        } catch (const DoesNotExist &) {
        }
        throw;
    }
}

template <typename Row>
QPair<Model, bool> BasicQuerySet<Row>::updateOrCreate(const Q &lookup, const Assignments &defaults) const requires std::is_same_v<Row, Model>
{
    Atomic block(m_alias);
    std::optional<Model> existing;
    try {
        existing = get(lookup);
    } catch (const DoesNotExist &) {
    }
    if (!existing) {
        auto result = getOrCreate(lookup, defaults);
        block.commit();
        return result;
    }
    Model instance = *existing;
    for (const auto &[name, arg] : defaults)
        instance.setValue(name, arg.value());
    instance.save({.using_ = m_alias});
    block.commit();
    return {instance, false};
}

template <typename Row>
QList<Model> BasicQuerySet<Row>::bulkCreate(QList<Model> objects, int batchSize) const requires std::is_same_v<Row, Model>
{
    if (objects.isEmpty())
        return objects;
    if (batchSize < 0)
        throw FieldError(QStringLiteral("bulk_create() batch_size must be positive, got %1.").arg(batchSize));
    const ModelMeta *meta = model();
    Connection &conn = connection();
    const DatabaseOperations &ops = conn.ops();
    const QList<const Field *> &fields = meta->concreteFields();
    const int pkIndex = meta->pkIndex();
    for (const Model &object : std::as_const(objects))
        if (object.meta() != meta)
            throw FieldError(QStringLiteral("bulk_create() on %1 got a %2 instance.").arg(meta->label(), object.meta() ? object.meta()->label() : QStringLiteral("invalid")));

    // Rows with and without a pk need different column lists, as in Django.
    auto insertGroup = [&](const QList<int> &rows, bool withPk) {
        if (rows.isEmpty())
            return;
        QList<int> columns;
        for (int i = 0; i < fields.size(); ++i)
            if (withPk || i != pkIndex || !fields.at(i)->isAutoField())
                columns << i;
        QStringList names, marks;
        for (int i : std::as_const(columns)) {
            names << ops.quoteName(fields.at(i)->column());
            marks << QStringLiteral("?");
        }
        const QString head = QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(ops.quoteName(meta->dbTable()), names.join(QStringLiteral(", ")));
        const QString tuple = QLatin1Char('(') + marks.join(QStringLiteral(", ")) + QLatin1Char(')');
        auto rowParams = [&](Model &object, QVariantList &params) {
            for (int i = 0; i < fields.size(); ++i) {
                const QVariant value = fields.at(i)->preSave(object.value(i), true);
                if (value != object.value(i))
                    object.setValue(i, value);
            }
            for (int i : std::as_const(columns))
                params << fields.at(i)->toDatabase(fields.at(i)->clean(object.value(i)), ops);
        };
        if (ops.supportsReturning()) {
            // PostgreSQL: multi-row INSERT ... RETURNING, batchSize rows per statement.
            const int maxRows = std::max(1, std::min(batchSize > 0 ? batchSize : 1000, 65535 / int(std::max<qsizetype>(1, columns.size()))));
            for (qsizetype start = 0; start < rows.size(); start += maxRows) {
                const qsizetype n = std::min<qsizetype>(maxRows, rows.size() - start);
                QVariantList params;
                params.reserve(n * columns.size());
                for (qsizetype r = start; r < start + n; ++r)
                    rowParams(objects[rows.at(r)], params);
                QStringList tuples(n, tuple);
                QSqlQuery &query = conn.execute(head + tuples.join(QStringLiteral(", ")) + QStringLiteral(" RETURNING ")
                                                    + ops.quoteName(meta->pk()->column()),
                                                params);
                for (qsizetype r = start; r < start + n && query.next(); ++r)
                    objects[rows.at(r)].setValue(pkIndex, meta->pk()->fromDatabase(query.value(0), ops));
                query.finish();
            }
        } else {
            // SQLite: one prepared single-row INSERT reused for every row is
            // the fastest way through QSqlQuery (many-placeholder statements are not).
            const QString sql = head + tuple;
            QVariantList params;
            for (int r : rows) {
                params.clear();
                rowParams(objects[r], params);
                QSqlQuery &query = conn.execute(sql, params);
                if (!withPk)
                    objects[r].setValue(pkIndex, meta->pk()->fromDatabase(query.lastInsertId(), ops));
            }
        }
    };

    Atomic block(m_alias);
    QList<int> withPk, withoutPk;
    for (int r = 0; r < objects.size(); ++r)
        (objects.at(r).pk().isNull() ? withoutPk : withPk) << r;
    insertGroup(withPk, true);
    insertGroup(withoutPk, false);
    block.commit();
    for (Model &object : objects) {
        object.markPersisted();
        object.setDb(m_alias);
    }
    return objects;
}

template <typename Row>
int BasicQuerySet<Row>::bulkUpdate(const QList<Model> &objects, const QStringList &fieldNames, int batchSize) const requires std::is_same_v<Row, Model>
{
    Q_UNUSED(batchSize); // one prepared UPDATE per row inside one transaction: batching adds nothing
    if (fieldNames.isEmpty())
        throw FieldError(QStringLiteral("Field names must be given to bulk_update()."));
    const ModelMeta *meta = model();
    QList<int> indexes;
    for (const QString &name : fieldNames) {
        const Field *field = meta->fieldOrThrow(name);
        if (!field->isConcrete() || field->isPrimaryKey())
            throw FieldError(QStringLiteral("bulk_update() can only be used with concrete fields that are not the primary key ('%1').").arg(name));
        indexes << meta->concreteIndex(field);
    }
    Connection &conn = connection();
    const DatabaseOperations &ops = conn.ops();
    const QList<const Field *> &fields = meta->concreteFields();
    QStringList sets;
    for (int i : std::as_const(indexes))
        sets << ops.quoteName(fields.at(i)->column()) + QStringLiteral(" = ?");
    const QString sql = QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?")
                            .arg(ops.quoteName(meta->dbTable()), sets.join(QStringLiteral(", ")), ops.quoteName(meta->pk()->column()));
    Atomic block(m_alias);
    int updated = 0;
    QVariantList params;
    for (const Model &object : objects) {
        if (object.pk().isNull())
            throw FieldError(QStringLiteral("All bulk_update() objects must have a primary key set."));
        params.clear();
        for (int i : std::as_const(indexes))
            params << fields.at(i)->toDatabase(fields.at(i)->clean(object.value(i)), ops);
        params << meta->pk()->toDatabase(object.pk(), ops);
        updated += conn.execute(sql, params).numRowsAffected();
    }
    block.commit();
    return updated;
}

template <typename Row>
QHash<QString, Model> BasicQuerySet<Row>::inBulk(const QVariantList &ids, const QString &fieldName) const requires std::is_same_v<Row, Model>
{
    const Field *field = model()->fieldOrThrow(fieldName);
    if (!field->isUnique())
        throw FieldError(QStringLiteral("in_bulk()'s field_name must be a unique field but '%1' isn't.").arg(fieldName));
    QHash<QString, Model> out;
    auto collect = [&](const BasicQuerySet<Model> &qs) {
        for (const Model &m : qs.list())
            out.insert(m.value(field->name()).toString(), m);
    };
    if (ids.isEmpty() && !m_query->isSliced()) {
        collect(*this);
        return out;
    }
    for (qsizetype i = 0; i < ids.size(); i += 500)
        collect(filter(Q(fieldName + QStringLiteral("__in"), ids.mid(i, 500))));
    return out;
}

template class BasicQuerySet<Model>;
template class BasicQuerySet<QVariantMap>;
template class BasicQuerySet<QVariantList>;
template class BasicQuerySet<QVariant>;

} // namespace quango
