#pragma once
#include "db/QueryLog.h"
#include <QList>
#include <QString>
#include <QStringList>

namespace quango {

class Connection;

// Django's CaptureQueriesContext: switches the connection's query log on for
// its lifetime and gives the statements run since construction.
//   CaptureQueries queries; ...; QVERIFY(queries.sql().first().contains("JOIN"));
// The log goes back to its previous state when the object is destroyed.
class CaptureQueries {
public:
    explicit CaptureQueries(const QString &alias = QStringLiteral("default"));
    ~CaptureQueries();
    CaptureQueries(const CaptureQueries &) = delete;
    CaptureQueries &operator=(const CaptureQueries &) = delete;

    // Statements (SQL text) captured so far, in order.
    QStringList sql() const;
    // The same with bound values and times.
    QList<QueryLog::Entry> entries() const;
    qsizetype count() const;
    // Forget what was captured so far.
    void reset();

private:
    Connection &m_connection;
    bool m_wasEnabled;
    qsizetype m_start;
};

} // namespace quango
