#include "orm/sql/Query.h"

namespace quango {

bool Query::hasAggregateAnnotation() const
{
    for (const Annotation &annotation : annotations)
        if (annotation.expression.isAggregate())
            return true;
    return false;
}

// Slicing a sliced query narrows it, as Python slices of slices do.
void Query::setLimits(std::optional<qint64> start, std::optional<qint64> stop)
{
    if (stop) {
        const qint64 newHigh = low + *stop;
        high = high ? std::min(*high, newHigh) : newHigh;
    }
    if (start) {
        low = high ? std::min(*high, low + *start) : low + *start;
    }
}

} // namespace quango
