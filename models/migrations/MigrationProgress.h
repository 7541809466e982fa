#pragma once
#include <QString>

namespace quango {

class Migration;

// What the executor reports step by step. The CLI prints
// "  Applying blog.0001_initial... OK"; the window shows a progress dialog.
class MigrationProgress {
public:
    virtual ~MigrationProgress() = default;
    virtual void planStart(int steps) { Q_UNUSED(steps); }
    virtual void applyStart(const Migration &migration, bool fake) { Q_UNUSED(migration); Q_UNUSED(fake); }
    virtual void applySuccess(const Migration &migration, bool fake, qint64 elapsedMs) { Q_UNUSED(migration); Q_UNUSED(fake); Q_UNUSED(elapsedMs); }
    virtual void unapplyStart(const Migration &migration, bool fake) { Q_UNUSED(migration); Q_UNUSED(fake); }
    virtual void unapplySuccess(const Migration &migration, bool fake, qint64 elapsedMs) { Q_UNUSED(migration); Q_UNUSED(fake); Q_UNUSED(elapsedMs); }
    // The migration was rolled back whole; the executor rethrows after this.
    virtual void failure(const Migration &migration, const QString &error) { Q_UNUSED(migration); Q_UNUSED(error); }
};

} // namespace quango
