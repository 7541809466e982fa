#pragma once
#include "db/DatabaseUrl.h"
#include <QString>
#include <QStringList>

namespace quango {

class Connection;

// Django's `connections`: database settings per alias, and each thread's
// Connection objects (kept in thread-local storage, closed when the thread ends).
class Connections {
public:
    static void configure(const QString &alias, const DatabaseUrl &url);
    static void configure(const DatabaseUrl &url) { configure(QStringLiteral("default"), url); }
    static bool isConfigured(const QString &alias = QStringLiteral("default"));
    static DatabaseUrl settings(const QString &alias = QStringLiteral("default"));
    static QStringList aliases();
    // This thread's connection; created and opened on first use.
    static Connection &get(const QString &alias = QStringLiteral("default"));
    // Close this thread's connections (they reopen on next use).
    static void closeAll();
};

} // namespace quango
