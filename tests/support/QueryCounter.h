#pragma once
#include "db/Connection.h"

namespace quango {

// Counts the statements this thread's default connection runs from
// construction on: N related rows must never cost N queries.
class QueryCounter {
public:
    explicit QueryCounter(const QString &alias = QStringLiteral("default"))
        : m_connection(Connection::get(alias)), m_start(m_connection.queryLog().count()) {}
    qint64 count() const { return m_connection.queryLog().count() - m_start; }
    void reset() { m_start = m_connection.queryLog().count(); }

private:
    Connection &m_connection;
    qint64 m_start;
};

} // namespace quango
