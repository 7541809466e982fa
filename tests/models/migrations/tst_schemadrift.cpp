// SchemaDrift on both backends: the demo project migrated by the executor
// matches the state of its migrations exactly (every field type the demo and
// built-in apps use), then hand-made changes show up one by one.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "db/SchemaEditor.h"
#include "migrations/MigrationExecutor.h"
#include "migrations/SchemaDrift.h"
#include <QtTest>

using namespace quango;

class TestSchemaDrift : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;

    static ProjectState migratedState()
    {
        MigrationExecutor executor(Connection::get(), Registry::instance());
        return executor.loader().graph().makeState(executor.leafTargets());
    }
    static QString differences(const QList<SchemaDifference> &list)
    {
        QStringList out;
        for (const SchemaDifference &d : list)
            out << d.describe();
        return out.join('\n');
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
        MigrationExecutor executor(Connection::get(), Registry::instance());
        executor.migrate(executor.migrationPlan(executor.leafTargets()), false, 0, false);
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void normalizeType()
    {
        QCOMPARE(SchemaDrift::normalizeType("character varying(20)"), QStringLiteral("varchar(20)"));
        QCOMPARE(SchemaDrift::normalizeType("numeric(5, 2)"), QStringLiteral("numeric(5,2)"));
        QCOMPARE(SchemaDrift::normalizeType("character(3)"), QStringLiteral("char(3)"));
        QCOMPARE(SchemaDrift::normalizeType(" Integer "), QStringLiteral("integer"));
        QCOMPARE(SchemaDrift::normalizeType("timestamp with time zone"), QStringLiteral("timestamp with time zone"));
    }

    void migratedSchemaHasNoDrift()
    {
        const QList<SchemaDifference> found = SchemaDrift::compare(Connection::get(), migratedState());
        QVERIFY2(found.isEmpty(), qPrintable(differences(found)));
    }

    void emptyStateMakesEveryTableExtra()
    {
        const QList<SchemaDifference> found = SchemaDrift::compare(Connection::get(), ProjectState());
        QVERIFY(found.contains(SchemaDifference{SchemaDifference::Kind::ExtraTable, "blog_post", {}, {}, {}}));
        for (const SchemaDifference &d : found)
            QVERIFY2(d.kind == SchemaDifference::Kind::ExtraTable && d.table != "django_migrations", qPrintable(d.describe()));
    }

    void handMadeChangesAreFound()
    {
        Connection &connection = Connection::get();
        const QString authorIndex = SchemaEditor(connection).indexName("blog_post", {"author_id"}, QString());
        QStringList script{"ALTER TABLE blog_author ADD COLUMN nickname varchar(10) NULL", "ALTER TABLE blog_author DROP COLUMN bio",
                           "CREATE TABLE legacy_notes (id integer)", "DROP TABLE blog_comment",
                           QStringLiteral("DROP INDEX \"%1\"").arg(authorIndex)};
        if (m_db.isPostgres())
            script << "ALTER TABLE blog_tag ALTER COLUMN name TYPE varchar(80)" << "ALTER TABLE blog_tag ALTER COLUMN name DROP NOT NULL";
        else // SQLite cannot alter a column: the table is made again by hand
            script << "PRAGMA foreign_keys = OFF" << "DROP TABLE blog_tag"
                   << "CREATE TABLE blog_tag (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, name varchar(80) NULL UNIQUE)"
                   << "PRAGMA foreign_keys = ON";
        connection.executeScript(script);
        connection.clearStatementCache();

        using Kind = SchemaDifference::Kind;
        const QList<SchemaDifference> found = SchemaDrift::compare(connection, migratedState());
        const QList<SchemaDifference> expected{
            {Kind::MissingColumn, "blog_author", "bio", "text NOT NULL", {}},
            {Kind::ExtraColumn, "blog_author", "nickname", {}, "varchar(10) NULL"},
            {Kind::MissingTable, "blog_comment", {}, {}, {}},
            {Kind::MissingIndex, "blog_post", authorIndex, {}, {}},
            {Kind::TypeMismatch, "blog_tag", "name", "varchar(50)", "varchar(80)"},
            {Kind::NullMismatch, "blog_tag", "name", "NOT NULL", "NULL"},
            {Kind::ExtraTable, "legacy_notes", {}, {}, {}},
        };
        QCOMPARE(differences(found), differences(expected));
        QCOMPARE(found, expected);
        QCOMPARE(found.at(4).describe(), QStringLiteral("Column blog_tag.name has type varchar(80), expected varchar(50)"));
        QCOMPARE(found.at(5).describe(), QStringLiteral("Column blog_tag.name is NULL, expected NOT NULL"));
        QCOMPARE(found.at(3).describe(), QStringLiteral("Missing index %1 on blog_post").arg(authorIndex));
    }
};

QTEST_MAIN(TestSchemaDrift)
#include "tst_schemadrift.moc"
