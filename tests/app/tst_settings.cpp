// Settings: defaults < settings file < environment < command line, with the
// source of each value reported.
#include "app/Settings.h"
#include "orm/Exceptions.h"
#include <QTemporaryDir>
#include <QtTest>

using namespace quango;

class TestSettings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        qunsetenv("QUANGO_DATABASE_URL");
        qunsetenv("QUANGO_SETTINGS");
        qunsetenv("QUANGO_BROKER_URL");
    }

    void defaults()
    {
        Settings s;
        QVERIFY(s.databaseUrl().startsWith("sqlite:///"));
        QVERIFY(s.databaseUrl().endsWith("quango.sqlite3"));
        QCOMPARE(s.source("DATABASE_URL"), Settings::Source::Default);
        QCOMPARE(s.string("TIME_ZONE"), QStringLiteral("UTC"));
    }

    void precedence()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("quango.ini");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[quango]\nDATABASE_URL=sqlite:///from/file.sqlite3\nBROKER_URL=redis://file\n");
        f.close();
        Settings s;
        s.loadFile(file);
        QCOMPARE(s.databaseUrl(), QStringLiteral("sqlite:///from/file.sqlite3"));
        QCOMPARE(s.source("DATABASE_URL"), Settings::Source::File);
        QCOMPARE(s.string("broker_url"), QStringLiteral("redis://file")); // any key, case-insensitive
        qputenv("QUANGO_DATABASE_URL", "sqlite:///from/env.sqlite3");
        s.loadEnvironment();
        QCOMPARE(s.databaseUrl(), QStringLiteral("sqlite:///from/env.sqlite3"));
        QVERIFY(s.sourceDescription("DATABASE_URL").contains("QUANGO_DATABASE_URL"));
        s.setOverride("DATABASE_URL", "sqlite:///from/cli.sqlite3");
        QCOMPARE(s.databaseUrl(), QStringLiteral("sqlite:///from/cli.sqlite3"));
        QCOMPARE(s.source("DATABASE_URL"), Settings::Source::CommandLine);
        QCOMPARE(s.string("BROKER_URL"), QStringLiteral("redis://file"));
    }

    void missingFileIsAnError()
    {
        Settings s;
        QVERIFY_THROWS_EXCEPTION(ImproperlyConfigured, s.loadFile("/nonexistent/quango.ini"));
        qputenv("QUANGO_SETTINGS", "/nonexistent/other.ini");
        QVERIFY_THROWS_EXCEPTION(ImproperlyConfigured, s.loadFile());
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
