#pragma once
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
    Source source(const QString &key) const;
    QString sourceDescription(const QString &key) const; // "environment QUANGO_DATABASE_URL", ...
    QString fileName() const { return m_file; }
    QStringList keys() const;

    QString databaseUrl() const { return string(QStringLiteral("DATABASE_URL")); }
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
