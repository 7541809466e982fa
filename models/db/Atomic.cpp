#include "db/Atomic.h"
#include "db/Connection.h"
#include <exception>

namespace quango {

Atomic::Atomic(const QString &alias)
    : m_connection(Connection::get(alias)), m_exceptions(std::uncaught_exceptions())
{
    if (m_connection.atomicDepth() == 0) {
        m_connection.begin();
    } else {
        m_savepoint = QStringLiteral("s%1").arg(m_connection.nextSavepointId());
        m_connection.savepoint(m_savepoint);
    }
    m_connection.setAtomicDepth(m_connection.atomicDepth() + 1);
}

Atomic::~Atomic() noexcept(false)
{
    if (m_done)
        return;
    const bool unwinding = std::uncaught_exceptions() > m_exceptions;
    if (unwinding) {
        // Never throw while unwinding: a failed rollback leaves the first error in charge.
        try {
            finish(false);
        } catch (...) {
        }
        return;
    }
    finish(!m_rollback);
}

void Atomic::commit() { finish(!m_rollback); }

void Atomic::rollback() { finish(false); }

void Atomic::finish(bool success)
{
    if (m_done)
        return;
    m_done = true;
    m_connection.setAtomicDepth(m_connection.atomicDepth() - 1);
    if (m_savepoint.isEmpty()) {
        if (success) {
            try {
                m_connection.commit();
            } catch (...) {
                // A deferred constraint failed at COMMIT: the transaction is dead.
                try { m_connection.rollback(); } catch (...) {}
                throw;
            }
        } else {
            m_connection.rollback();
        }
    } else if (success) {
        m_connection.releaseSavepoint(m_savepoint);
    } else {
        m_connection.rollbackToSavepoint(m_savepoint);
        m_connection.releaseSavepoint(m_savepoint);
    }
}

void atomic(const std::function<void()> &body, const QString &alias)
{
    Atomic block(alias);
    body();
}

} // namespace quango
