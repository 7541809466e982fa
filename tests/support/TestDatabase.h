#pragma once
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace quango {

class AppConfig;

// A fresh database per test binary on the backend QUANGO_TEST_BACKEND names:
// "sqlite" (the default: a file in a temporary directory) or "postgres" (a
// database of its own, quango_test_<binary>, on the server whose URL is in
// QUANGO_TEST_POSTGRES_URL, which scripts/test starts). A PostgreSQL run that
// has no server fails loudly: it never skips.
//
//   void initTestCase() { m_db.setUp(); m_db.createTables(); }
//   void init() { m_db.resetTables(); }
//   void cleanupTestCase() { m_db.tearDown(); }
class TestDatabase {
public:
    TestDatabase();
    ~TestDatabase();
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;

    // "sqlite" or "postgres" (anything else is a fatal error).
    static QString backend();
    bool isPostgres() const;

    // Creates the database and configures the "default" connection to it.
    // `apps`: whose tables createTables() makes; empty = every registered app.
    void setUp(const QList<const AppConfig *> &apps = {});
    // The tables of the apps' models, foreign-key targets first
    // (SchemaEditor::createModels; tables that exist are left alone).
    void createTables();
    // Empties every table and restarts the ids, for test-case isolation:
    // SQLite DELETE + sqlite_sequence, PostgreSQL TRUNCATE ... RESTART IDENTITY CASCADE.
    void resetTables();
    // Closes this thread's connections and drops the PostgreSQL database (the
    // SQLite directory goes with it).
    void tearDown();

    QString url() const { return m_url; }
    QString databaseName() const { return m_databaseName; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QList<const AppConfig *> m_apps;
    QString m_url;
    QString m_databaseName;
    QString m_serverUrl;
};

} // namespace quango
