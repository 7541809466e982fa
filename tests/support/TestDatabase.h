#pragma once
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace quango {

class ModelMeta;

// A fresh database per test binary on the backend QUANGO_TEST_BACKEND names:
// "sqlite" (default; a file in a temp dir) or "postgres" (a database of its own
// on the server at QUANGO_TEST_POSTGRES_URL, which scripts/test starts). A
// PostgreSQL run that cannot reach its server fails loudly; it never skips.
class TestDatabase {
public:
    TestDatabase();
    ~TestDatabase();

    static QString backend();
    bool isPostgres() const;
    // Creates the database and configures the "default" connection to it.
    void setUp();
    // Tables of every registered model (SchemaEditor::createModels).
    void createTables();
    // Empties every table and restarts ids, between test functions.
    void resetTables();
    // Drops the PostgreSQL database (the SQLite temp dir goes by itself).
    void tearDown();
    QString url() const { return m_url; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_url;
    QString m_databaseName;
    QString m_maintenanceUrl;
};

} // namespace quango
