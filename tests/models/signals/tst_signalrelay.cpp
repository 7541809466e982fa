// Tests of quango::SignalRelay: calls and signals brought to the relay's thread.
#include "models/signals/SignalRelay.h"

#include <QCoreApplication>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace quango;

class TestSignalRelay : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void postOnOwnThread();
    void postFromWorkerRunsOnRelayThread();
    void connectSignalFromWorker();
    void connectSignalOnOwnThreadIsDirect();
    void connectSignalWithSenderAndUid();
    void destroyedRelayDropsAndDisconnects();
    void destroyWhileWorkerSends();
};

void TestSignalRelay::postOnOwnThread()
{
    SignalRelay relay;
    int runs = 0;
    relay.post([&runs] { ++runs; });
    QCOMPARE(runs, 1); // AutoConnection on the relay's thread: at once

    relay.post([&runs] { ++runs; }, Qt::QueuedConnection);
    QCOMPARE(runs, 1);
    QTRY_COMPARE(runs, 2);

    relay.post({}); // an empty function is ignored
}

void TestSignalRelay::postFromWorkerRunsOnRelayThread()
{
    SignalRelay relay;
    QThread *mainThread = QThread::currentThread();
    QThread *ranOn = nullptr;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        relay.post([&ranOn] { ranOn = QThread::currentThread(); });
    }));
    worker->start();
    QVERIFY(worker->wait(10000));
    QCOMPARE(ranOn, nullptr); // queued: needs this thread's event loop
    QTRY_COMPARE(ranOn, mainThread);
}

void TestSignalRelay::connectSignalFromWorker()
{
    Signal<const QString &, int> signal("relayed");
    SignalRelay relay;
    QStringList got;
    QList<QThread *> threads;
    relay.connectSignal(signal, [&](const void *, const QString &s, int n) {
        got << QStringLiteral("%1=%2").arg(s).arg(n);
        threads << QThread::currentThread();
    });
    QCOMPARE(signal.receiverCount(), 1);

    std::unique_ptr<QThread> worker(QThread::create([&signal] {
        QString temporary = QStringLiteral("a");
        signal.send(nullptr, temporary, 1);
        temporary = QStringLiteral("changed"); // the relay holds its own copy
        signal.send(nullptr, QStringLiteral("b"), 2);
    }));
    worker->start();
    QVERIFY(worker->wait(10000));
    QTRY_COMPARE(got.size(), 2);
    QCOMPARE(got, (QStringList{"a=1", "b=2"}));
    QCOMPARE(threads, (QList<QThread *>{QThread::currentThread(), QThread::currentThread()}));
}

void TestSignalRelay::connectSignalOnOwnThreadIsDirect()
{
    Signal<int> signal;
    SignalRelay relay;
    int total = 0;
    relay.connectSignal(signal, [&total](const void *, int n) { total += n; });
    signal.send(nullptr, 5);
    QCOMPARE(total, 5);
}

void TestSignalRelay::connectSignalWithSenderAndUid()
{
    Signal<int> signal;
    SignalRelay relay;
    int a = 0, b = 0;
    int total = 0;
    const QString key = relay.connectSignal(signal, [&total](const void *, int n) { total += n; }, &a, "uid");
    QCOMPARE(relay.connectSignal(signal, [&total](const void *, int n) { total += 1000 * n; }, &a, "uid"), key);
    QCOMPARE(signal.receiverCount(), 1);
    signal.send(&b, 1);
    signal.send(&a, 2);
    QCOMPARE(total, 2);
    QVERIFY(signal.disconnect(key));
}

void TestSignalRelay::destroyedRelayDropsAndDisconnects()
{
    Signal<int> signal;
    auto *relay = new SignalRelay;
    int runs = 0;
    relay->connectSignal(signal, [&runs](const void *, int) { ++runs; });
    relay->post([&runs] { ++runs; }, Qt::QueuedConnection);
    std::unique_ptr<QThread> worker(QThread::create([&signal] { signal.send(nullptr, 1); }));
    worker->start();
    QVERIFY(worker->wait(10000));
    QCOMPARE(runs, 0); // both calls queued

    delete relay;
    QCOMPARE(signal.receiverCount(), 0);
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    QCOMPARE(runs, 0);
    signal.send(nullptr, 1);
    QCOMPARE(runs, 0);
}

void TestSignalRelay::destroyWhileWorkerSends()
{
    Signal<int> signal;
    std::atomic<bool> stop{false};
    std::atomic<int> runs{0};
    std::unique_ptr<QThread> worker(QThread::create([&] {
        int i = 0;
        while (!stop.load())
            signal.send(nullptr, ++i);
    }));
    worker->start();
    for (int round = 0; round < 200; ++round) {
        auto *relay = new SignalRelay;
        relay->connectSignal(signal, [&runs](const void *, int) { ++runs; });
        if (round % 2)
            QCoreApplication::processEvents();
        delete relay;
    }
    stop = true;
    QVERIFY(worker->wait(10000));
    QCOMPARE(signal.receiverCount(), 0);
    QCoreApplication::processEvents();
    qDebug() << "relayed calls run:" << runs.load();
}

QTEST_GUILESS_MAIN(TestSignalRelay)
#include "tst_signalrelay.moc"
