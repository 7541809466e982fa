#pragma once
#include <QString>
#include <functional>

namespace quango {

class Connection;

// Django's transaction.atomic as an RAII guard: the outermost block is
// BEGIN/COMMIT, inner ones are savepoints. Leaving the scope by an exception,
// or calling setRollback(true), rolls back this block only.
//
//   { Atomic atomic; ...; }            // commits at scope end
//   atomic([&] { ... });               // same, as a function
class Atomic {
public:
    explicit Atomic(const QString &alias = QStringLiteral("default"));
    ~Atomic() noexcept(false);
    Atomic(const Atomic &) = delete;
    Atomic &operator=(const Atomic &) = delete;

    void setRollback(bool rollback) { m_rollback = rollback; }
    // Ends the block now (commit or release the savepoint) instead of at scope end.
    void commit();
    void rollback();

private:
    void finish(bool success);
    Connection &m_connection;
    QString m_savepoint;     // empty for the outermost block
    int m_exceptions;        // std::uncaught_exceptions() at entry
    bool m_rollback = false;
    bool m_done = false;
};

void atomic(const std::function<void()> &body, const QString &alias = QStringLiteral("default"));

} // namespace quango
