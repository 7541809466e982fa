#pragma once
// The signal dispatcher, as django.dispatch.Signal.
//
//   inline Signal<const ModelMeta &, const Model &, bool /*created*/> postSave{"post_save"};
//
//   postSave.connect([](const void *sender, const ModelMeta &meta, const Model &obj, bool created) { ... },
//                    &bookMeta /*only this sender; nullptr = any*/, "search.index_book" /*dispatch uid*/);
//   if (postSave.hasListeners(&meta))
//       postSave.send(&meta, meta, instance, created);
//
// Semantics (Django's, with the differences a C++ callable forces):
//  - Receivers run in connection order, on the sending thread.
//  - A receiver connected with a dispatch uid is identified by (uid, sender): connecting the same pair
//    again is ignored and returns the existing key. A receiver connected without a uid is always added
//    (std::function has no identity to compare, unlike Django's id(receiver)); keep its key to
//    disconnect it, or give it a uid.
//  - send() lets a receiver's exception propagate, which stops the remaining receivers.
//    sendRobust() calls every receiver and returns the (key, exception) of those that threw; each is
//    also logged on quango.signals at warning level.
//  - Thread-safe. Receivers live in a copy-on-write list: send() takes a snapshot and calls out with
//    no lock held, so receivers may connect and disconnect (even themselves) during a send. A
//    receiver connected during a send is first called by the next send; a receiver disconnected
//    during a send (by another receiver or another thread) is not called once disconnect() returned.
//  - With a context QObject, the receiver is disconnected when the context is destroyed, from
//    whichever thread destroys it. As with Qt's own connections, the context must not be destroyed
//    on one thread while another thread is inside the receiver.
//  - Receivers get the sender's address only to compare or forward it; the signal never dereferences it.
//  - A disconnected receiver's callable (and what it captured) is destroyed when the last snapshot
//    holding it is dropped, possibly on a thread that was sending at the time.
#include <QList>
#include <QMetaObject>
#include <QString>
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

QT_BEGIN_NAMESPACE
class QObject;
QT_END_NAMESPACE

namespace quango {

namespace detail {

class SignalState;

// A connected receiver without its callable (Signal<Args...> adds it). Immutable once published in a
// receiver list, except `alive`, which drops to false for good when the receiver is disconnected.
struct SignalReceiverBase {
    SignalReceiverBase() = default;
    SignalReceiverBase(const SignalReceiverBase &) = delete;
    SignalReceiverBase &operator=(const SignalReceiverBase &) = delete;
    virtual ~SignalReceiverBase();

    QString key;
    QString dispatchUid;
    const void *sender = nullptr;        // nullptr: any sender
    QMetaObject::Connection contextHook; // to the context's QObject::destroyed, if a context was given
    mutable std::atomic<bool> alive{true};

    bool accepts(const void *from) const noexcept
    {
        return (sender == nullptr || sender == from) && alive.load(std::memory_order_acquire);
    }
};

using SignalReceiverList = std::vector<std::shared_ptr<const SignalReceiverBase>>;

} // namespace detail

// A receiver's key and what it threw, as returned by Signal::sendRobust().
using SignalFailure = std::pair<QString, std::exception_ptr>;

// Everything of a signal but the argument types: bookkeeping, disconnection, listener queries.
class SignalBase {
public:
    SignalBase(const SignalBase &) = delete;
    SignalBase &operator=(const SignalBase &) = delete;

    // The name given at construction (e.g. "post_save"), used in log messages.
    const QString &name() const { return m_name; }

    // Disconnects the receiver whose key connect() returned. For a receiver connected with a dispatch
    // uid and no sender filter the key is the uid itself, so disconnect(uid) also works for those.
    bool disconnect(const QString &key);
    // Disconnects the receiver connected with this dispatch uid and sender filter (nullptr = the one
    // connected for any sender). There is no default for sender: the one-argument call is the key form.
    bool disconnect(const QString &dispatchUid, const void *sender);
    // Disconnects every receiver; returns how many there were. Meant for test isolation.
    int disconnectAll();

    // Cheap: without receivers it is one atomic load. With sender == nullptr: whether any receiver is
    // connected at all. With a sender: whether send(sender, ...) would reach a receiver.
    bool hasListeners(const void *sender = nullptr) const;
    int receiverCount() const;

protected:
    explicit SignalBase(QString name);
    ~SignalBase();

    // Assigns the key, applies dispatch-uid deduplication, publishes, hooks the context.
    QString connectReceiver(std::shared_ptr<detail::SignalReceiverBase> receiver, QObject *context);
    QString rejectEmptyReceiver() const;
    // A snapshot of the receivers; null when there are none.
    std::shared_ptr<const detail::SignalReceiverList> receivers() const;
    void logFailure(const QString &key, const std::exception_ptr &error) const;

private:
    const QString m_name;
    const std::shared_ptr<detail::SignalState> d;
};

template <typename... Args>
class Signal : public SignalBase {
    static_assert((!std::is_rvalue_reference_v<Args> && ...),
                  "Signal arguments are passed to several receivers: use values or lvalue references");

public:
    using Receiver = std::function<void(const void *sender, Args...)>;

    Signal() : SignalBase(QString()) {}
    explicit Signal(QString name) : SignalBase(std::move(name)) {}

    // Returns the connection's key (empty if receiver is empty). sender == nullptr: any sender.
    QString connect(Receiver receiver, const void *sender = nullptr, QString dispatchUid = {},
                    QObject *context = nullptr)
    {
        if (!receiver)
            return rejectEmptyReceiver();
        auto slot = std::make_shared<Slot>(std::move(receiver));
        slot->sender = sender;
        slot->dispatchUid = std::move(dispatchUid);
        return connectReceiver(std::move(slot), context);
    }

    // Calls the matching receivers in connection order. A receiver's exception propagates and the
    // remaining receivers are not called.
    void send(const void *sender, Args... args) const
    {
        const auto list = receivers();
        if (!list)
            return;
        for (const auto &receiver : *list) {
            if (receiver->accepts(sender))
                static_cast<const Slot &>(*receiver).fn(sender, args...);
        }
    }

    // Calls every matching receiver, whatever they throw; returns the failures in call order.
    QList<SignalFailure> sendRobust(const void *sender, Args... args) const
    {
        QList<SignalFailure> failures;
        const auto list = receivers();
        if (!list)
            return failures;
        for (const auto &receiver : *list) {
            if (!receiver->accepts(sender))
                continue;
            try {
                static_cast<const Slot &>(*receiver).fn(sender, args...);
            } catch (...) {
                failures.append({receiver->key, std::current_exception()});
                logFailure(receiver->key, failures.constLast().second);
            }
        }
        return failures;
    }

private:
    struct Slot final : detail::SignalReceiverBase {
        explicit Slot(Receiver f) : fn(std::move(f)) {}
        const Receiver fn;
    };
};

} // namespace quango
