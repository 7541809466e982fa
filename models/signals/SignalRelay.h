#pragma once
// Runs calls on the thread a QObject lives in — how the GUI receives model signals sent from worker
// threads. Qt Core only.
//
//   auto *relay = new SignalRelay(window);                    // lives in the GUI thread
//   relay->connectSignal(postSave, [model](const void *, const ModelMeta &meta, const Model &obj, bool) {
//       model->refreshRow(obj);                              // runs in the GUI thread, on copies
//   });
//
// Pending calls of a relay that is destroyed are dropped, and connectSignal() receivers disconnect with
// it; sending to a relay that is being destroyed on another thread is safe.
#include "Signal.h"

#include <QObject>
#include <functional>
#include <memory>
#include <type_traits>

namespace quango {

class SignalRelay : public QObject {
    Q_OBJECT

public:
    explicit SignalRelay(QObject *parent = nullptr);
    ~SignalRelay() override;

    // Runs fn on this relay's thread. Qt::AutoConnection: at once when called on that thread, else
    // queued to its event loop. Qt::QueuedConnection: always queued. Thread-safe.
    void post(std::function<void()> fn, Qt::ConnectionType type = Qt::AutoConnection);

    // Connects a receiver to signal that runs on this relay's thread with copies of the arguments
    // (std::decay_t of each). Directly when the signal is sent on the relay's thread, otherwise queued;
    // the sender pointer is passed through as is (an identity, possibly stale by then). Disconnected
    // when the relay is destroyed. Returns the connection key, as Signal::connect does.
    template <typename... Args, typename F>
    QString connectSignal(Signal<Args...> &signal, F receiver, const void *sender = nullptr,
                          QString dispatchUid = {})
    {
        static_assert(std::is_invocable_v<F &, const void *, std::decay_t<Args> &...>,
                      "the receiver must accept (const void *sender, copies of the signal's arguments)");
        return signal.connect(
            [link = m_link, receiver = std::move(receiver)](const void *from, Args... args) {
                postThrough(link, [receiver, from, ... copies = std::decay_t<Args>(args)]() mutable {
                    receiver(from, copies...);
                });
            },
            sender, std::move(dispatchUid), this);
    }

private:
    struct Link;
    // Posts to the relay behind link unless it is gone; never races with its destruction.
    static void postThrough(const std::shared_ptr<Link> &link, std::function<void()> fn);

    const std::shared_ptr<Link> m_link;
};

} // namespace quango
