#pragma once
#include "migrations/MigrationProgress.h"
#include <QObject>

namespace quango {

// The executor's MigrationProgress as Qt signals, so a progress dialog (or a
// test) can follow a migrate step by step. Emitted synchronously from inside
// the executor, on the thread that runs it.
class MigrationProgressRelay : public QObject, public MigrationProgress {
    Q_OBJECT

public:
    explicit MigrationProgressRelay(QObject *parent = nullptr) : QObject(parent) {}

    void planStart(int steps) override;
    void applyStart(const Migration &migration, bool fake) override;
    void applySuccess(const Migration &migration, bool fake, qint64 elapsedMs) override;
    void unapplyStart(const Migration &migration, bool fake) override;
    void unapplySuccess(const Migration &migration, bool fake, qint64 elapsedMs) override;
    void failure(const Migration &migration, const QString &error) override;

Q_SIGNALS:
    void planStarted(int steps);
    // index counts from 0 within the plan announced by planStarted().
    void stepStarted(const QString &label, bool backwards, int index, int steps);
    void stepFinished(const QString &label, bool backwards, qint64 elapsedMs);
    // The step was rolled back whole; nothing of it is in the database.
    void stepFailed(const QString &label, const QString &error);

private:
    int m_steps = 0;
    int m_index = -1;
};

} // namespace quango
