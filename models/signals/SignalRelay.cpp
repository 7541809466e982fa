#include "SignalRelay.h"

#include <QMutex>
#include <QMutexLocker>
#include <QThread>

namespace quango {

// Shared with the receivers connectSignal() puts into signals: they may run on any thread, while the
// relay may be destroyed on its own. The destructor clears relay under the mutex, so a post either
// completes before the relay starts dying (and ~QObject drops the pending event) or sees nullptr.
struct SignalRelay::Link {
    QMutex mutex;
    SignalRelay *relay = nullptr;
};

SignalRelay::SignalRelay(QObject *parent)
    : QObject(parent), m_link(std::make_shared<Link>())
{
    m_link->relay = this;
}

SignalRelay::~SignalRelay()
{
    QMutexLocker lock(&m_link->mutex);
    m_link->relay = nullptr;
}

void SignalRelay::post(std::function<void()> fn, Qt::ConnectionType type)
{
    if (!fn)
        return;
    QMetaObject::invokeMethod(this, std::move(fn), type);
}

void SignalRelay::postThrough(const std::shared_ptr<Link> &link, std::function<void()> fn)
{
    QMutexLocker lock(&link->mutex);
    SignalRelay *relay = link->relay;
    if (!relay)
        return;
    if (relay->thread() == QThread::currentThread()) {
        // Only this thread could destroy the relay now; run outside the lock so fn may do so.
        lock.unlock();
        fn();
        return;
    }
    QMetaObject::invokeMethod(relay, std::move(fn), Qt::QueuedConnection);
}

} // namespace quango
