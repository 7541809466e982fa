// Tests of quango::Signal (django.dispatch semantics, thread safety).
#include "models/signals/Signal.h"

#include <QObject>
#include <QRegularExpression>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <vector>

using namespace quango;

class TestSignal : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void connectAndSendInOrder();
    void argumentsByReference();
    void senderFilter();
    void dispatchUidDeduplicates();
    void disconnectByUid();
    void disconnectByKey();
    void disconnectAll();
    void emptyReceiverIsRejected();
    void sendStopsAtException();
    void sendRobustCollectsAndContinues();
    void connectDuringSend();
    void disconnectDuringSend();
    void contextDeletionDisconnects();
    void contextDeletedOnAnotherThread();
    void contextOutlivesSignal();
    void concurrentSendWhileConnecting();
    void hasListeners();
};

void TestSignal::connectAndSendInOrder()
{
    Signal<int, const QString &> signal("test");
    QCOMPARE(signal.name(), QStringLiteral("test"));
    QStringList calls;
    for (int i = 1; i <= 3; ++i) {
        signal.connect([&calls, i](const void *, int n, const QString &s) {
            calls << QStringLiteral("%1:%2:%3").arg(i).arg(n).arg(s);
        });
    }
    QCOMPARE(signal.receiverCount(), 3);
    signal.send(nullptr, 7, QStringLiteral("x"));
    QCOMPARE(calls, (QStringList{"1:7:x", "2:7:x", "3:7:x"}));
}

void TestSignal::argumentsByReference()
{
    Signal<int &> signal;
    signal.connect([](const void *, int &n) { n += 1; });
    signal.connect([](const void *, int &n) { n *= 10; });
    int value = 1;
    signal.send(nullptr, value);
    QCOMPARE(value, 20);

    // The sender pointer reaches the receiver unchanged.
    const void *seen = nullptr;
    Signal<> bare;
    bare.connect([&seen](const void *sender) { seen = sender; });
    bare.send(&value);
    QCOMPARE(seen, static_cast<const void *>(&value));
}

void TestSignal::senderFilter()
{
    Signal<> signal;
    int a = 0, b = 0;
    QStringList calls;
    signal.connect([&calls](const void *) { calls << "onlyA"; }, &a);
    signal.connect([&calls](const void *) { calls << "any"; });

    signal.send(&a);
    QCOMPARE(calls, (QStringList{"onlyA", "any"}));
    calls.clear();
    signal.send(&b);
    QCOMPARE(calls, QStringList{"any"});
    calls.clear();
    signal.send(nullptr);
    QCOMPARE(calls, QStringList{"any"});
}

void TestSignal::dispatchUidDeduplicates()
{
    Signal<> signal;
    int a = 0;
    QStringList calls;
    const QString k1 = signal.connect([&calls](const void *) { calls << "first"; }, nullptr, "uid");
    const QString k2 = signal.connect([&calls](const void *) { calls << "second"; }, nullptr, "uid");
    QCOMPARE(k1, QStringLiteral("uid")); // uid + any sender: the key is the uid
    QCOMPARE(k2, k1);
    QCOMPARE(signal.receiverCount(), 1);

    // Same uid, another sender: a different receiver.
    const QString k3 = signal.connect([&calls](const void *) { calls << "forA"; }, &a, "uid");
    QVERIFY(k3 != k1);
    QCOMPARE(signal.connect([&calls](const void *) { calls << "forA2"; }, &a, "uid"), k3);
    QCOMPARE(signal.receiverCount(), 2);

    signal.send(&a);
    QCOMPARE(calls, (QStringList{"first", "forA"}));

    // The ignored duplicate did not hook its context either.
    auto *context = new QObject;
    signal.connect([](const void *) {}, nullptr, "uid", context);
    QCOMPARE(signal.receiverCount(), 2);
    delete context;
    QCOMPARE(signal.receiverCount(), 2);
}

void TestSignal::disconnectByUid()
{
    Signal<> signal;
    int a = 0;
    QStringList calls;
    signal.connect([&calls](const void *) { calls << "any"; }, nullptr, "uid");
    signal.connect([&calls](const void *) { calls << "forA"; }, &a, "uid");
    signal.connect([&calls](const void *) { calls << "anon"; });

    QVERIFY(!signal.disconnect("other", nullptr));
    QVERIFY(!signal.disconnect(QString(), nullptr));
    QVERIFY(signal.disconnect("uid", &a));
    QVERIFY(!signal.disconnect("uid", &a));
    QCOMPARE(signal.receiverCount(), 2);
    signal.send(&a);
    QCOMPARE(calls, (QStringList{"any", "anon"}));

    QVERIFY(signal.disconnect("uid", nullptr));
    QCOMPARE(signal.receiverCount(), 1);
    // Reconnecting after a disconnect works (the uid is free again).
    signal.connect([&calls](const void *) { calls << "again"; }, nullptr, "uid");
    QCOMPARE(signal.receiverCount(), 2);
}

void TestSignal::disconnectByKey()
{
    Signal<> signal;
    int a = 0;
    int calls = 0;
    const QString k1 = signal.connect([&calls](const void *) { ++calls; });
    const QString k2 = signal.connect([&calls](const void *) { ++calls; });
    const QString k3 = signal.connect([&calls](const void *) { ++calls; }, &a, "uid");
    signal.connect([&calls](const void *) { ++calls; }, nullptr, "plain");
    QVERIFY(!k1.isEmpty());
    QVERIFY(k1 != k2);
    QCOMPARE(signal.receiverCount(), 4);

    QVERIFY(signal.disconnect(k1));
    QVERIFY(!signal.disconnect(k1));
    QVERIFY(!signal.disconnect(QString()));
    QVERIFY(signal.disconnect(k3));
    QVERIFY(signal.disconnect("plain")); // key == uid for an any-sender uid receiver
    QCOMPARE(signal.receiverCount(), 1);
    signal.send(&a);
    QCOMPARE(calls, 1);
    QVERIFY(signal.disconnect(k2));
    QCOMPARE(signal.receiverCount(), 0);
    signal.send(&a);
    QCOMPARE(calls, 1);
}

void TestSignal::disconnectAll()
{
    Signal<> signal;
    auto *context = new QObject;
    signal.connect([](const void *) {});
    signal.connect([](const void *) {}, nullptr, "uid", context);
    QCOMPARE(signal.disconnectAll(), 2);
    QCOMPARE(signal.receiverCount(), 0);
    QVERIFY(!signal.hasListeners());
    delete context;
    QCOMPARE(signal.disconnectAll(), 0);
}

void TestSignal::emptyReceiverIsRejected()
{
    Signal<int> signal;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("empty receiver"));
    QCOMPARE(signal.connect(Signal<int>::Receiver()), QString());
    QCOMPARE(signal.receiverCount(), 0);
}

void TestSignal::sendStopsAtException()
{
    Signal<int> signal;
    QStringList calls;
    signal.connect([&calls](const void *, int) { calls << "first"; });
    signal.connect([&calls](const void *, int) {
        calls << "thrower";
        throw std::runtime_error("boom");
    });
    signal.connect([&calls](const void *, int) { calls << "last"; });

    QVERIFY_THROWS_EXCEPTION(std::runtime_error, signal.send(nullptr, 1));
    QCOMPARE(calls, (QStringList{"first", "thrower"}));
}

void TestSignal::sendRobustCollectsAndContinues()
{
    Signal<int> signal("robust");
    QStringList calls;
    const QString k1 = signal.connect([&calls](const void *, int) {
        calls << "a";
        throw std::runtime_error("first failure");
    });
    signal.connect([&calls](const void *, int) { calls << "b"; });
    const QString k3 = signal.connect([&calls](const void *, int) {
        calls << "c";
        throw 42;
    });
    signal.connect([&calls](const void *, int) { calls << "d"; });

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("robust.*receiver.*raised: first failure"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("robust.*receiver.*raised: .*not derived"));
    const QList<SignalFailure> failures = signal.sendRobust(nullptr, 1);
    QCOMPARE(calls, (QStringList{"a", "b", "c", "d"}));
    QCOMPARE(failures.size(), 2);
    QCOMPARE(failures[0].first, k1);
    QCOMPARE(failures[1].first, k3);
    QVERIFY(failures[0].second);
    QVERIFY(failures[1].second);
    try {
        std::rethrow_exception(failures[0].second);
    } catch (const std::runtime_error &e) {
        QCOMPARE(QByteArray(e.what()), QByteArray("first failure"));
    }
    try {
        std::rethrow_exception(failures[1].second);
    } catch (int n) {
        QCOMPARE(n, 42);
    }

    // Nothing thrown: an empty list; no receivers: an empty list.
    Signal<int> quiet;
    quiet.connect([](const void *, int) {});
    QVERIFY(quiet.sendRobust(nullptr, 1).isEmpty());
    QVERIFY(Signal<int>().sendRobust(nullptr, 1).isEmpty());
}

void TestSignal::connectDuringSend()
{
    Signal<> signal;
    QStringList calls;
    bool connected = false;
    signal.connect([&](const void *) {
        calls << "outer";
        if (!connected) {
            connected = true;
            signal.connect([&calls](const void *) { calls << "inner"; });
        }
    });
    signal.send(nullptr);
    QCOMPARE(calls, QStringList{"outer"}); // connected during the send: from the next one on
    QCOMPARE(signal.receiverCount(), 2);
    calls.clear();
    signal.send(nullptr);
    QCOMPARE(calls, (QStringList{"outer", "inner"}));
}

void TestSignal::disconnectDuringSend()
{
    Signal<> signal;
    QStringList calls;
    QString selfKey;
    QString laterKey;
    selfKey = signal.connect([&](const void *) {
        calls << "self";
        QVERIFY(signal.disconnect(selfKey));  // itself
        QVERIFY(signal.disconnect(laterKey)); // a receiver not yet called in this send
    });
    signal.connect([&calls](const void *) { calls << "middle"; });
    laterKey = signal.connect([&calls](const void *) { calls << "later"; });

    signal.send(nullptr);
    QCOMPARE(calls, (QStringList{"self", "middle"}));
    QCOMPARE(signal.receiverCount(), 1);
    calls.clear();
    signal.send(nullptr);
    QCOMPARE(calls, QStringList{"middle"});
}

void TestSignal::contextDeletionDisconnects()
{
    Signal<> signal;
    int calls = 0;
    auto *context = new QObject;
    auto *other = new QObject;
    signal.connect([&calls](const void *) { ++calls; }, nullptr, {}, context);
    signal.connect([&calls](const void *) { ++calls; }, nullptr, "uid", context);
    const QString key = signal.connect([&calls](const void *) { ++calls; }, nullptr, {}, other);
    signal.connect([&calls](const void *) { ++calls; });
    signal.send(nullptr);
    QCOMPARE(calls, 4);

    delete context;
    QCOMPARE(signal.receiverCount(), 2);
    calls = 0;
    signal.send(nullptr);
    QCOMPARE(calls, 2);

    // Disconnected by hand first: destroying the context later is harmless.
    QVERIFY(signal.disconnect(key));
    delete other;
    QCOMPARE(signal.receiverCount(), 1);

    // A receiver may delete its own context during a send.
    auto *self = new QObject;
    signal.connect([&self](const void *) { delete self; self = nullptr; }, nullptr, {}, self);
    QCOMPARE(signal.receiverCount(), 2);
    signal.send(nullptr);
    QVERIFY(!self);
    QCOMPARE(signal.receiverCount(), 1);
}

void TestSignal::contextDeletedOnAnotherThread()
{
    Signal<> signal;
    std::atomic<int> calls{0};
    std::unique_ptr<QThread> thread(QThread::create([&] {
        for (int i = 0; i < 200; ++i) {
            auto *context = new QObject; // lives in this worker thread
            signal.connect([&calls](const void *) { ++calls; }, nullptr, {}, context);
            signal.send(nullptr);
            delete context;
        }
    }));
    thread->start();
    // Meanwhile, send from this thread.
    while (!thread->isFinished())
        signal.send(nullptr);
    QVERIFY(thread->wait(30000));
    QCOMPARE(signal.receiverCount(), 0);
    QVERIFY(calls.load() >= 200);
}

void TestSignal::contextOutlivesSignal()
{
    auto *context = new QObject;
    {
        Signal<> signal;
        signal.connect([](const void *) {}, nullptr, {}, context);
        signal.connect([](const void *) {}, nullptr, "uid", context);
    }
    delete context; // the signal is gone; must not touch it
    QVERIFY(true);
}

void TestSignal::concurrentSendWhileConnecting()
{
    Signal<int> signal;
    std::atomic<long long> permanentSum{0};
    std::atomic<int> permanentCalls{0};
    std::atomic<int> transientCalls{0};
    signal.connect([&](const void *, int n) {
        permanentSum += n;
        ++permanentCalls;
    });

    constexpr int Threads = 4;
    constexpr int Sends = 20000;
    std::atomic<int> ready{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back(QThread::create([&] {
            ++ready;
            for (int i = 1; i <= Sends; ++i)
                signal.send(nullptr, i);
        }));
    }
    for (auto &thread : threads)
        thread->start();

    // Connect and disconnect while the threads send.
    int connects = 0;
    int sender = 0;
    auto running = [&] {
        for (auto &thread : threads) {
            if (!thread->isFinished())
                return true;
        }
        return false;
    };
    while (ready.load() < Threads)
        QThread::yieldCurrentThread();
    while (running() || connects < 100) {
        QStringList keys;
        for (int i = 0; i < 10; ++i) {
            keys << signal.connect([&transientCalls](const void *, int) { ++transientCalls; });
            keys << signal.connect([&transientCalls](const void *, int) { ++transientCalls; }, &sender,
                                   QStringLiteral("uid%1").arg(i));
            QVERIFY(signal.hasListeners(&sender));
            ++connects;
        }
        for (const QString &key : std::as_const(keys))
            QVERIFY(signal.disconnect(key));
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(60000));

    QCOMPARE(permanentCalls.load(), Threads * Sends);
    QCOMPARE(permanentSum.load(), Threads * (long long)Sends * (Sends + 1) / 2);
    QCOMPARE(signal.receiverCount(), 1);
    qDebug() << "transient receiver calls:" << transientCalls.load() << "connect rounds:" << connects;
}

void TestSignal::hasListeners()
{
    Signal<> signal;
    int a = 0, b = 0;
    QVERIFY(!signal.hasListeners());
    QVERIFY(!signal.hasListeners(&a));

    const QString key = signal.connect([](const void *) {}, &a);
    QVERIFY(signal.hasListeners());
    QVERIFY(signal.hasListeners(&a));
    QVERIFY(!signal.hasListeners(&b));

    const QString any = signal.connect([](const void *) {});
    QVERIFY(signal.hasListeners(&b));
    QVERIFY(signal.disconnect(any));
    QVERIFY(!signal.hasListeners(&b));
    QVERIFY(signal.disconnect(key));
    QVERIFY(!signal.hasListeners());
    QVERIFY(!signal.hasListeners(&a));
}

QTEST_GUILESS_MAIN(TestSignal)
#include "tst_signal.moc"
