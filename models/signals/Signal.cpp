#include "Signal.h"
#include "Logging.h"

#include <QMutex>
#include <QMutexLocker>
#include <QObject>

namespace quango {

namespace detail {

SignalReceiverBase::~SignalReceiverBase() = default;

// The shared part of a signal. Context hooks hold it weakly, so a context destroyed after its signal
// (static signals at exit) finds nothing to do.
class SignalState {
public:
    QMutex mutex;
    std::shared_ptr<const SignalReceiverList> list; // guarded by mutex; null when empty
    std::atomic<int> total{0};                      // written under mutex, read lock-free
    std::atomic<int> anySender{0};                  // receivers without a sender filter

    // Under mutex.
    bool containsUid(const QString &uid, const void *sender) const
    {
        if (!list)
            return false;
        for (const auto &r : *list) {
            if (r->sender == sender && r->dispatchUid == uid)
                return true;
        }
        return false;
    }

    // Under mutex.
    void publish(std::shared_ptr<SignalReceiverList> next)
    {
        int any = 0;
        for (const auto &r : *next) {
            if (!r->sender)
                ++any;
        }
        anySender.store(any, std::memory_order_release);
        total.store(int(next->size()), std::memory_order_release);
        if (next->empty())
            list.reset();
        else
            list = std::move(next);
    }

    // Removes the receivers matching pred, marks them dead and returns them, so that the caller can
    // release their context hooks outside the lock.
    template <typename Pred>
    SignalReceiverList removeIf(Pred pred)
    {
        SignalReceiverList removed;
        QMutexLocker lock(&mutex);
        if (!list)
            return removed;
        auto next = std::make_shared<SignalReceiverList>();
        next->reserve(list->size());
        for (const auto &r : *list) {
            if (pred(*r))
                removed.push_back(r);
            else
                next->push_back(r);
        }
        if (removed.empty())
            return removed;
        for (const auto &r : removed)
            r->alive.store(false, std::memory_order_release);
        publish(std::move(next));
        return removed;
    }
};

} // namespace detail

namespace {

QString anonymousKey()
{
    static std::atomic<quint64> counter{0};
    return QLatin1Char('#') + QString::number(counter.fetch_add(1, std::memory_order_relaxed) + 1);
}

QString uidKey(const QString &uid, const void *sender)
{
    if (!sender)
        return uid;
    return uid + QLatin1String("@0x") + QString::number(quintptr(sender), 16);
}

void releaseHooks(const detail::SignalReceiverList &removed)
{
    for (const auto &r : removed) {
        if (r->contextHook)
            QObject::disconnect(r->contextHook);
    }
}

} // namespace

SignalBase::SignalBase(QString name)
    : m_name(std::move(name)), d(std::make_shared<detail::SignalState>())
{
}

SignalBase::~SignalBase()
{
    releaseHooks(d->removeIf([](const detail::SignalReceiverBase &) { return true; }));
}

QString SignalBase::connectReceiver(std::shared_ptr<detail::SignalReceiverBase> receiver, QObject *context)
{
    const bool hasUid = !receiver->dispatchUid.isEmpty();
    receiver->key = hasUid ? uidKey(receiver->dispatchUid, receiver->sender) : anonymousKey();

    if (hasUid && context) {
        // Cheap early out, so that a duplicate does not hook the context for nothing.
        QMutexLocker lock(&d->mutex);
        if (d->containsUid(receiver->dispatchUid, receiver->sender)) {
            qCDebug(lcSignals) << "Signal" << m_name << ": duplicate ignored:" << receiver->key;
            return receiver->key;
        }
    }

    if (context) {
        // Hooked before publishing: if the context dies in between, the hook marks the receiver dead
        // and the check after publishing removes it.
        std::weak_ptr<detail::SignalState> weakState = d;
        std::weak_ptr<const detail::SignalReceiverBase> weakReceiver = receiver;
        receiver->contextHook = QObject::connect(context, &QObject::destroyed, [weakState, weakReceiver] {
            const auto r = weakReceiver.lock();
            if (!r)
                return;
            r->alive.store(false, std::memory_order_release);
            if (const auto state = weakState.lock()) {
                state->removeIf([&r](const detail::SignalReceiverBase &x) { return &x == r.get(); });
                qCDebug(lcSignals) << "Context destroyed, disconnected:" << r->key;
            }
        });
    }

    bool duplicate = false;
    {
        QMutexLocker lock(&d->mutex);
        if (hasUid && d->containsUid(receiver->dispatchUid, receiver->sender)) {
            duplicate = true;
        } else {
            auto next = std::make_shared<detail::SignalReceiverList>();
            if (d->list) {
                next->reserve(d->list->size() + 1);
                *next = *d->list;
            }
            next->push_back(receiver);
            d->publish(std::move(next));
        }
    }

    if (duplicate) {
        if (receiver->contextHook)
            QObject::disconnect(receiver->contextHook);
        qCDebug(lcSignals) << "Signal" << m_name << ": duplicate ignored:" << receiver->key;
        return receiver->key;
    }
    if (!receiver->alive.load(std::memory_order_acquire)) {
        // The context was destroyed while we were connecting.
        const detail::SignalReceiverBase *self = receiver.get();
        d->removeIf([self](const detail::SignalReceiverBase &x) { return &x == self; });
    }
    qCDebug(lcSignals) << "Signal" << m_name << ": connected" << receiver->key;
    return receiver->key;
}

QString SignalBase::rejectEmptyReceiver() const
{
    qCWarning(lcSignals) << "Signal" << m_name << ": connect() with an empty receiver ignored";
    return {};
}

bool SignalBase::disconnect(const QString &key)
{
    if (key.isEmpty())
        return false;
    const auto removed = d->removeIf([&key](const detail::SignalReceiverBase &r) { return r.key == key; });
    releaseHooks(removed);
    return !removed.empty();
}

bool SignalBase::disconnect(const QString &dispatchUid, const void *sender)
{
    if (dispatchUid.isEmpty())
        return false;
    const auto removed = d->removeIf([&](const detail::SignalReceiverBase &r) {
        return r.sender == sender && r.dispatchUid == dispatchUid;
    });
    releaseHooks(removed);
    return !removed.empty();
}

int SignalBase::disconnectAll()
{
    const auto removed = d->removeIf([](const detail::SignalReceiverBase &) { return true; });
    releaseHooks(removed);
    return int(removed.size());
}

bool SignalBase::hasListeners(const void *sender) const
{
    if (d->total.load(std::memory_order_acquire) == 0)
        return false;
    if (!sender || d->anySender.load(std::memory_order_acquire) > 0)
        return true;
    const auto list = receivers();
    if (!list)
        return false;
    for (const auto &r : *list) {
        if (r->accepts(sender))
            return true;
    }
    return false;
}

int SignalBase::receiverCount() const
{
    return d->total.load(std::memory_order_acquire);
}

std::shared_ptr<const detail::SignalReceiverList> SignalBase::receivers() const
{
    if (d->total.load(std::memory_order_acquire) == 0)
        return {};
    QMutexLocker lock(&d->mutex);
    return d->list;
}

void SignalBase::logFailure(const QString &key, const std::exception_ptr &error) const
{
    if (!lcSignals().isWarningEnabled())
        return;
    QString what;
    try {
        std::rethrow_exception(error);
    } catch (const std::exception &e) {
        what = QString::fromUtf8(e.what());
    } catch (...) {
        what = QStringLiteral("(an exception not derived from std::exception)");
    }
    qCWarning(lcSignals).noquote() << "Signal" << (m_name.isEmpty() ? QStringLiteral("(unnamed)") : m_name)
                                   << ": receiver" << key << "raised:" << what;
}

} // namespace quango
