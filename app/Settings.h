#pragma once
#include "db/DatabaseUrl.h"
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace quango {

// Project settings with Django's names, layered: defaults < settings file <
// environment (QUANGO_<KEY>) < command line. Any key works the same way, so
// later parts (BROKER_URL, CACHE_URL) need no new plumbing.
class Settings {
public:
    enum class Source { Default, File, Environment, CommandLine };

    Settings();
    // The settings file: explicit path, else $QUANGO_SETTINGS, else ./quango.ini
    // when it exists. INI keys at top level or under [quango]. Throws
    // ImproperlyConfigured when an explicitly named file is missing.
    void loadFile(const QString &path = {});
    void loadEnvironment();
    void setOverride(const QString &key, const QVariant &value); // command line

    QVariant value(const QString &key) const;
    QString string(const QString &key) const { return value(key).toString(); }
    // A yes/no setting (DEBUG): 1/true/yes/on or 0/false/no/off/empty, any
    // case. Anything else throws ImproperlyConfigured naming the source, since
    // QVariant would read "no" or "off" as true.
    bool flag(const QString &key) const;
    Source source(const QString &key) const;
    QString sourceDescription(const QString &key) const; // "the environment variable QUANGO_DATABASE_URL", ...
    QString fileName() const { return m_file; }
    QStringList keys() const;

    QString databaseUrl() const { return string(QStringLiteral("DATABASE_URL")); }
    // DATABASE_URL parsed; a bad value throws ImproperlyConfigured that says
    // where the value came from, so the user knows which one to fix.
    DatabaseUrl database() const;
    bool debug() const { return flag(QStringLiteral("DEBUG")); }
    static QString defaultDatabaseUrl();

private:
    struct Entry {
        QVariant value;
        Source source = Source::Default;
    };
    void put(const QString &key, const QVariant &value, Source source);
    QHash<QString, Entry> m_values;
    QString m_file;
};

} // namespace quango
