#pragma once
#include <QList>
#include <QString>
#include <QVariantList>

namespace quango {

// Every statement a connection ran, when switched on (Django's
// connection.queries with DEBUG): SQL, bound values and time. The count runs
// always, so tests can assert how many queries a piece of code costs.
class QueryLog {
public:
    struct Entry {
        QString sql;
        QVariantList params;
        double milliseconds = 0;
    };

    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    void record(const QString &sql, const QVariantList &params, double milliseconds);
    const QList<Entry> &entries() const { return m_entries; }
    qint64 count() const { return m_count; }
    void clear() { m_entries.clear(); m_count = 0; }

private:
    bool m_enabled = false;
    qint64 m_count = 0;
    QList<Entry> m_entries;
};

} // namespace quango
