#pragma once
#include "orm/Expression.h"
#include "orm/Q.h"
#include <QList>
#include <QSharedData>
#include <QStringList>
#include <optional>

namespace quango {

class ModelMeta;

// The query tree behind a QuerySet (Django's sql.Query): what to select, the
// filters, the joins they need (resolved by the compiler from relation paths),
// ordering, limits and aggregates. Plain data: QuerySet copies and changes it,
// SqlCompiler turns it into SQL for one dialect.
class Query : public QSharedData {
public:
    enum class ResultKind { Models, Values, ValuesList, Flat };

    struct Filter {
        Q q;
        bool negated = false;  // exclude()
    };
    struct Annotation {
        QString name;
        Expr expression;
    };

    explicit Query(const ModelMeta *model) : model(model) {}

    const ModelMeta *model = nullptr;
    // One entry per filter()/exclude() call: joins across multi-valued relations
    // are shared inside one call and separate between calls, as in Django.
    QList<Filter> filters;
    QStringList ordering;             // "-field", "author__name", "?"
    bool defaultOrdering = true;      // use Meta.ordering when `ordering` is empty
    bool reversed = false;            // reverse()
    bool distinct = false;
    qint64 low = 0;                   // OFFSET
    std::optional<qint64> high;       // LIMIT = high - low
    bool empty = false;               // none()
    QStringList selectRelated;        // paths "author", "author__profile"
    QStringList prefetchRelated;
    QList<Annotation> annotations;
    ResultKind resultKind = ResultKind::Models;
    QStringList valueFields;          // values()/values_list() paths; empty = all
    QStringList deferred;             // defer()
    QStringList only;                 // only()

    bool isSliced() const { return low != 0 || high.has_value(); }
    bool hasAggregateAnnotation() const;
    void setLimits(std::optional<qint64> start, std::optional<qint64> stop);
};

} // namespace quango
