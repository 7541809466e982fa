#include "QueryCounter.h"
#include "db/Connection.h"

namespace quango {

QueryCounter::QueryCounter(const QString &alias) : m_connection(Connection::get(alias)), m_start(m_connection.queryLog().count()) {}

qint64 QueryCounter::count() const { return m_connection.queryLog().count() - m_start; }

void QueryCounter::reset() { m_start = m_connection.queryLog().count(); }

} // namespace quango
