#include "app/Settings.h"
#include "orm/Exceptions.h"
#include <QDir>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QSettings>
#include <QStandardPaths>

namespace quango {

static const char *const EnvPrefix = "QUANGO_";

QString Settings::defaultDatabaseUrl()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/quango");
    QDir().mkpath(dir);
    return QStringLiteral("sqlite://") + QDir(dir).absoluteFilePath(QStringLiteral("quango.sqlite3"));
}

Settings::Settings()
{
    put(QStringLiteral("DATABASE_URL"), defaultDatabaseUrl(), Source::Default);
    put(QStringLiteral("SECRET_KEY"), QString(), Source::Default);
    put(QStringLiteral("TIME_ZONE"), QStringLiteral("UTC"), Source::Default);
    put(QStringLiteral("DEBUG"), false, Source::Default);
}

void Settings::put(const QString &key, const QVariant &value, Source source)
{
    m_values.insert(key.toUpper(), {value, source});
}

void Settings::loadFile(const QString &explicitPath)
{
    QString path = explicitPath;
    if (path.isEmpty())
        path = qEnvironmentVariable("QUANGO_SETTINGS");
    const bool named = !path.isEmpty();
    if (!named) {
        if (!QFileInfo::exists(QStringLiteral("quango.ini")))
            return;
        path = QStringLiteral("quango.ini");
    }
    if (!QFileInfo(path).isFile())
        throw ImproperlyConfigured(QStringLiteral("The settings file '%1' does not exist (from %2).")
                                       .arg(path, explicitPath.isEmpty() ? QStringLiteral("QUANGO_SETTINGS") : QStringLiteral("--settings")));
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        throw ImproperlyConfigured(QStringLiteral("The settings file '%1' cannot be read: it is not valid INI.").arg(path));
    m_file = QFileInfo(path).absoluteFilePath();
    for (const QString &key : ini.allKeys()) {
        QString name = key;
        if (name.startsWith(QLatin1String("quango/"), Qt::CaseInsensitive))
            name = name.mid(7);
        else if (name.contains(QLatin1Char('/')))
            continue; // other sections belong to other tools
        QVariant value = ini.value(key);
        // QSettings splits an unquoted value at commas into a QStringList,
        // whose toString() is empty: a SECRET_KEY or URL with a comma would
        // silently vanish. Settings are strings; keep the text as written.
        if (value.typeId() == QMetaType::QStringList)
            value = value.toStringList().join(QLatin1Char(','));
        put(name, value, Source::File);
    }
}

void Settings::loadEnvironment()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (!name.startsWith(QLatin1String(EnvPrefix)) || name == QLatin1String("QUANGO_SETTINGS") || name.startsWith(QLatin1String("QUANGO_TEST_")))
            continue;
        put(name.mid(int(qstrlen(EnvPrefix))), env.value(name), Source::Environment);
    }
}

void Settings::setOverride(const QString &key, const QVariant &value) { put(key, value, Source::CommandLine); }

QVariant Settings::value(const QString &key) const { return m_values.value(key.toUpper()).value; }

bool Settings::flag(const QString &key) const
{
    const QVariant v = value(key);
    if (v.typeId() == QMetaType::Bool)
        return v.toBool();
    const QString text = v.toString().trimmed().toLower();
    static const QStringList yes{QStringLiteral("1"), QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("on")};
    static const QStringList no{QString(), QStringLiteral("0"), QStringLiteral("false"), QStringLiteral("no"), QStringLiteral("off")};
    if (yes.contains(text))
        return true;
    if (no.contains(text))
        return false;
    throw ImproperlyConfigured(QStringLiteral("The setting %1 must be true or false, got '%2' (from %3).")
                                   .arg(key.toUpper(), v.toString(), sourceDescription(key)));
}

DatabaseUrl Settings::database() const
{
    try {
        return DatabaseUrl::parse(databaseUrl());
    } catch (const ImproperlyConfigured &e) {
        throw ImproperlyConfigured(e.message() + QStringLiteral(" (DATABASE_URL from %1)").arg(sourceDescription(QStringLiteral("DATABASE_URL"))));
    }
}

Settings::Source Settings::source(const QString &key) const { return m_values.value(key.toUpper()).source; }

QString Settings::sourceDescription(const QString &key) const
{
    switch (source(key)) {
    case Source::Default: return QStringLiteral("the default");
    case Source::File: return QStringLiteral("the settings file %1").arg(m_file);
    case Source::Environment: return QStringLiteral("the environment variable QUANGO_%1").arg(key.toUpper());
    case Source::CommandLine: return QStringLiteral("the command line");
    }
    return {};
}

QStringList Settings::keys() const
{
    QStringList keys = m_values.keys();
    keys.sort();
    return keys;
}

} // namespace quango
