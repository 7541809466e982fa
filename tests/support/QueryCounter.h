#pragma once
#include <QString>
#include <QtGlobal>

namespace quango {

class Connection;

// Counts the statements this thread's connection runs from construction on,
// so a test can assert that N related rows never cost N queries:
//   QueryCounter counter; ...; QCOMPARE(counter.count(), 2);
class QueryCounter {
public:
    explicit QueryCounter(const QString &alias = QStringLiteral("default"));
    qint64 count() const;
    // Start counting again from now.
    void reset();

private:
    Connection &m_connection;
    qint64 m_start;
};

} // namespace quango
