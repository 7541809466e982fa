#include "CaptureQueries.h"
#include "db/Connection.h"

namespace quango {

CaptureQueries::CaptureQueries(const QString &alias)
    : m_connection(Connection::get(alias)), m_wasEnabled(m_connection.queryLog().isEnabled()),
      m_start(m_connection.queryLog().entries().size())
{
    m_connection.queryLog().setEnabled(true);
}

CaptureQueries::~CaptureQueries() { m_connection.queryLog().setEnabled(m_wasEnabled); }

QList<QueryLog::Entry> CaptureQueries::entries() const
{
    const QList<QueryLog::Entry> &all = m_connection.queryLog().entries();
    // Someone may have cleared the log meanwhile: then everything left is ours.
    return all.mid(m_start <= all.size() ? m_start : 0);
}

QStringList CaptureQueries::sql() const
{
    QStringList out;
    for (const QueryLog::Entry &entry : entries())
        out << entry.sql;
    return out;
}

qsizetype CaptureQueries::count() const { return entries().size(); }

void CaptureQueries::reset() { m_start = m_connection.queryLog().entries().size(); }

} // namespace quango
