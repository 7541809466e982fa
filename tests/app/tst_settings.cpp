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
        qunsetenv("QUANGO_DEBUG");
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

    void topLevelKeysAndCommas()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("top.ini");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // No section; a comma in a value (QSettings would split it into a list).
        f.write("SECRET_KEY=abc,def\nTIME_ZONE=Europe/Paris\n[other]\nDATABASE_URL=ignored\n");
        f.close();
        Settings s;
        s.loadFile(file);
        QCOMPARE(s.string("SECRET_KEY"), QStringLiteral("abc,def"));
        QCOMPARE(s.string("TIME_ZONE"), QStringLiteral("Europe/Paris"));
        QCOMPARE(s.source("DATABASE_URL"), Settings::Source::Default); // other sections are not ours
        QVERIFY(s.sourceDescription("SECRET_KEY").contains(file));
    }

    void debugFlag()
    {
        Settings s;
        QCOMPARE(s.debug(), false);
        for (const char *yes : {"1", "true", "Yes", "on"}) {
            qputenv("QUANGO_DEBUG", yes);
            s.loadEnvironment();
            QVERIFY2(s.debug(), yes);
        }
        for (const char *no : {"0", "false", "no", "OFF", ""}) {
            qputenv("QUANGO_DEBUG", no);
            s.loadEnvironment();
            QVERIFY2(!s.debug(), no);
        }
        qputenv("QUANGO_DEBUG", "maybe");
        s.loadEnvironment();
        try {
            s.debug();
            QFAIL("DEBUG=maybe was accepted");
        } catch (const ImproperlyConfigured &e) {
            QVERIFY2(e.message().contains("DEBUG") && e.message().contains("QUANGO_DEBUG"), qPrintable(e.message()));
        }
    }

    void badDatabaseUrlNamesItsSource()
    {
        Settings s;
        QCOMPARE(s.database().vendor(), DatabaseUrl::Vendor::Sqlite);
        qputenv("QUANGO_DATABASE_URL", "mysql://x/y");
        s.loadEnvironment();
        try {
            s.database();
            QFAIL("a mysql:// URL was accepted");
        } catch (const ImproperlyConfigured &e) {
            QVERIFY2(e.message().contains("mysql://x/y") && e.message().contains("QUANGO_DATABASE_URL"), qPrintable(e.message()));
        }
        s.setOverride("DATABASE_URL", "nonsense");
        try {
            s.database();
            QFAIL("'nonsense' was accepted");
        } catch (const ImproperlyConfigured &e) {
            QVERIFY2(e.message().contains("command line"), qPrintable(e.message()));
        }
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
