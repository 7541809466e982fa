#include "db/QueryLog.h"

namespace quango {

void QueryLog::record(const QString &sql, const QVariantList &params, double milliseconds)
{
    ++m_count;
    if (m_enabled)
        m_entries.append({sql, params, milliseconds});
}

} // namespace quango
