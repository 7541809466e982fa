// The migrations page driven with the mouse on an unmigrated SQLite database
// of the demo project (blog read from a development tree with a second
// migration): Migrate with the progress dialog fed step by step, Revert to
// the selected migration after a confirmation (and a cancelled one), View
// SQL, Dry run, Check drift, Make migrations only with a tree; then the
// start-up offer to migrate, declined, accepted, and with a failing migration.
// A screenshot goes to <build>/screenshots/migrations.png.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "db/SchemaEditor.h"
#include "ui/dialogs/MigrationProgressDialog.h"
#include "ui/dialogs/MigrationSqlDialog.h"
#include "ui/pages/MigrationsPage.h"
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace quango;

namespace {
const QByteArray tagNote = R"json({
    "dependencies": [["blog", "0001_initial"]],
    "operations": [
        {"type": "AddField", "model_name": "tag", "field": {"name": "note", "type": "CharField", "max_length": 20, "null": true}}
    ]
})json";
const QByteArray broken = R"json({
    "dependencies": [["blog", "0002_tag_note"]],
    "operations": [
        {"type": "AddField", "model_name": "tag", "field": {"name": "color", "type": "CharField", "max_length": 20, "null": true}},
        {"type": "RunSQL", "sql": ["INSERT INTO no_such_table VALUES (1)"]}
    ]
})json";
} // namespace

class TestMigrationsPage : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    QTemporaryDir m_tree;
    QStringList m_questions;

    static QStringList columnsOf(const QString &table)
    {
        QStringList out;
        std::unique_ptr<QSqlQuery> query = Connection::get().executeUncached(QStringLiteral("SELECT name FROM pragma_table_info(?)"), {table});
        while (query->next())
            out << query->value(0).toString();
        return out;
    }
    void writeTreeFile(const QString &name, const QByteArray &json)
    {
        QFile file(m_tree.filePath("blog/" + name + ".json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
    }
    MigrationProgressDialog::Asker answer(QMessageBox::StandardButton button)
    {
        return [this, button](QMessageBox &box) {
            m_questions << box.text();
            return button;
        };
    }
    static void click(QTreeWidget *tree, QTreeWidgetItem *item)
    {
        QVERIFY(item);
        if (item->parent())
            tree->expandItem(item->parent());
        tree->scrollToItem(item);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(item).center());
        QCOMPARE(tree->currentItem(), item);
    }
    static int appliedCount(QTreeWidget *tree)
    {
        int applied = 0;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
                applied += tree->topLevelItem(i)->child(j)->text(1) == QLatin1String("Applied") ? 1 : 0;
        return applied;
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp(); // unmigrated
        QVERIFY(QDir(m_tree.path()).mkpath("blog"));
        QVERIFY(QFile::copy(":/migrations/blog/0001_initial.json", m_tree.filePath("blog/0001_initial.json")));
        writeTreeFile("0002_tag_note", tagNote);
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void migrateRevertSqlDryRunDrift()
    {
        MigrationsPage page(Registry::instance());
        page.setMigrationsDirs({m_tree.path()});
        page.setAsker(answer(QMessageBox::Yes));
        page.resize(1100, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const int n = int(page.runner().pendingPlan().size()); // every app's, blog's two included
        QVERIFY(n >= 8);
        QCOMPARE(page.summaryLabel()->text(), QStringLiteral("%1 of %1 migrations not applied.").arg(n));
        QCOMPARE(page.item("blog", "0002_tag_note")->text(1), QStringLiteral("Not applied"));
        QCOMPARE(page.item("blog", "0001_initial")->text(2),
                 QStringLiteral("Create model Author; Create model Tag; Create model Post; Create model Comment"));
        QCOMPARE(page.item("blog", "0001_initial")->childCount(), 4);
        QVERIFY(!page.revertButton()->isEnabled()); // nothing selected
        QVERIFY(!page.sqlButton()->isEnabled());
        QVERIFY(page.makeMigrationsButton()->isEnabled());

        // Migrate: the progress dialog is visible and advances with each step.
        QList<QPair<int, bool>> seen;
        // When step i starts, the dialog is up and shows i steps done.
        connect(&page.runner(), &MigrationRunner::stepStarted, this, [&page, &seen] {
            seen.append({page.progressDialog()->progressBar()->value(), page.progressDialog()->isVisible()});
        });
        QSignalSpy migrated(&page, &MigrationsPage::migrated);
        QVERIFY(page.migrateButton()->isEnabled());
        QTest::mouseClick(page.migrateButton(), Qt::LeftButton);
        QCOMPARE(migrated.size(), 1);
        QCOMPARE(seen.size(), n);
        for (int i = 0; i < seen.size(); ++i) {
            QCOMPARE(seen.at(i).first, i);
            QVERIFY(seen.at(i).second);
        }
        QVERIFY(!page.progressDialog() || !page.progressDialog()->isVisible()); // closes itself when all went well
        QCOMPARE(appliedCount(page.tree()), n);
        QCOMPARE(page.summaryLabel()->text(), QStringLiteral("All %1 migrations applied.").arg(n));
        QVERIFY2(page.output()->toPlainText().contains("Applying blog.0002_tag_note... OK"), qPrintable(page.output()->toPlainText()));
        QVERIFY(!page.migrateButton()->isEnabled());
        QVERIFY(columnsOf("blog_tag").contains("note"));

        // Revert to blog.0001_initial: asked first, then 0002 is unapplied.
        click(page.tree(), page.item("blog", "0001_initial"));
        QVERIFY(page.revertButton()->isEnabled());
        QTest::mouseClick(page.revertButton(), Qt::LeftButton);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY2(m_questions.first().contains("Migrate blog to 0001_initial?"), qPrintable(m_questions.first()));
        QVERIFY(m_questions.first().contains("Unapply blog.0002_tag_note"));
        QCOMPARE(migrated.size(), 2);
        QCOMPARE(page.item("blog", "0002_tag_note")->text(1), QStringLiteral("Not applied"));
        QCOMPARE(page.item("blog", "0001_initial")->text(1), QStringLiteral("Applied"));
        QCOMPARE(page.tree()->currentItem(), page.item("blog", "0001_initial")); // the selection survives the refresh
        QVERIFY(!columnsOf("blog_tag").contains("note"));
        QVERIFY(page.output()->toPlainText().contains("Unapplying blog.0002_tag_note... OK"));

        // Reverting the whole app (its row: zero), cancelled: nothing changes.
        page.setAsker(answer(QMessageBox::Cancel));
        click(page.tree(), page.item("blog"));
        QTest::mouseClick(page.revertButton(), Qt::LeftButton);
        QCOMPARE(m_questions.size(), 2);
        QVERIFY(m_questions.last().contains("Migrate blog to zero"));
        QVERIFY(m_questions.last().contains("Unapply blog.0001_initial"));
        QCOMPARE(migrated.size(), 2);
        QVERIFY(page.output()->toPlainText().contains("Cancelled"));
        QCOMPARE(page.item("blog", "0001_initial")->text(1), QStringLiteral("Applied"));

        // View SQL: a read-only monospace dialog, forwards then backwards.
        QVERIFY(!page.sqlButton()->isEnabled()); // an app row has no SQL
        click(page.tree(), page.item("blog", "0002_tag_note"));
        QTest::mouseClick(page.sqlButton(), Qt::LeftButton);
        MigrationSqlDialog *sql = page.sqlDialog();
        QVERIFY(sql);
        QVERIFY(sql->isVisible());
        QVERIFY(sql->text()->isReadOnly());
        QVERIFY(QFontInfo(sql->text()->font()).fixedPitch());
        QVERIFY2(sql->text()->toPlainText().contains("ALTER TABLE \"blog_tag\" ADD COLUMN \"note\""), qPrintable(sql->text()->toPlainText()));
        QTest::mouseClick(sql->backwardsButton(), Qt::LeftButton);
        QVERIFY2(sql->text()->toPlainText().contains("blog_tag"), qPrintable(sql->text()->toPlainText()));
        QVERIFY(!sql->text()->toPlainText().contains("ADD COLUMN \"note\""));
        sql->close();

        // Dry run of the one pending migration: reported, the database untouched.
        QVERIFY(page.dryRunButton()->isEnabled());
        QTest::mouseClick(page.dryRunButton(), Qt::LeftButton);
        QVERIFY2(page.output()->toPlainText().contains("Applying blog.0002_tag_note... OK"), qPrintable(page.output()->toPlainText()));
        QVERIFY(page.output()->toPlainText().contains("The migration would apply cleanly."));
        QVERIFY(!columnsOf("blog_tag").contains("note"));
        QCOMPARE(page.item("blog", "0002_tag_note")->text(1), QStringLiteral("Not applied"));

        // Drift: none in the schema; the pending migration and the models' difference are named.
        Connection::get().executeScript({"CREATE TABLE legacy_notes (id integer)"});
        QTest::mouseClick(page.driftButton(), Qt::LeftButton);
        const QString drift = page.output()->toPlainText();
        QVERIFY2(drift.contains("Extra table legacy_notes"), qPrintable(drift));
        QVERIFY(drift.contains("Not applied yet: blog.0002_tag_note"));
        QVERIFY2(drift.contains("blog: Remove field note from Tag"), qPrintable(drift));
        Connection::get().executeScript({"DROP TABLE legacy_notes"});

        // A screenshot for people: <build>/screenshots/migrations.png.
        const QString folder = QDir(QCoreApplication::applicationDirPath() + "/../screenshots").absolutePath();
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + "/migrations.png";
        QVERIFY2(page.grab().save(file), qPrintable(file));
    }

    void makeMigrationsNeedsATree()
    {
        MigrationsPage page(Registry::instance());
        QVERIFY(!page.makeMigrationsButton()->isEnabled());
        QVERIFY(page.makeMigrationsButton()->toolTip().contains("No migrations folder"));

        QTemporaryDir tree;
        QVERIFY(QDir(tree.path()).mkpath("myapi"));
        page.setMigrationsDirs({tree.path()});
        QVERIFY(page.makeMigrationsButton()->isEnabled());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::mouseClick(page.makeMigrationsButton(), Qt::LeftButton);
        QVERIFY2(page.output()->toPlainText().contains(tree.filePath("myapi/0001_initial.json")), qPrintable(page.output()->toPlainText()));
        QVERIFY(QFile::exists(tree.filePath("myapi/0001_initial.json")));
    }

    void offerToMigrateAtStartUp()
    {
        // blog.0002_tag_note is pending after the first test.
        m_questions.clear();
        QVERIFY(!MigrationProgressDialog::offerToMigrate(nullptr, Registry::instance(), "default", answer(QMessageBox::No), {m_tree.path()}));
        QCOMPARE(m_questions, QStringList{"This database has 1 unapplied migration. Apply it now?"});
        QVERIFY(!columnsOf("blog_tag").contains("note"));

        QVERIFY(MigrationProgressDialog::offerToMigrate(nullptr, Registry::instance(), "default", answer(QMessageBox::Yes), {m_tree.path()}));
        QCOMPARE(m_questions.size(), 2);
        QVERIFY(columnsOf("blog_tag").contains("note"));

        // Nothing pending: no question.
        QVERIFY(MigrationProgressDialog::offerToMigrate(nullptr, Registry::instance(), "default", answer(QMessageBox::No), {m_tree.path()}));
        QCOMPARE(m_questions.size(), 2);

        // A failing migration: said which and why, and rolled back.
        writeTreeFile("0003_broken", broken);
        QVERIFY(!MigrationProgressDialog::offerToMigrate(nullptr, Registry::instance(), "default", answer(QMessageBox::Yes), {m_tree.path()}));
        QCOMPARE(m_questions.size(), 4);
        QVERIFY2(m_questions.last().contains("blog.0003_broken failed and was rolled back"), qPrintable(m_questions.last()));
        QVERIFY(m_questions.last().contains("no_such_table"));
        QVERIFY(!columnsOf("blog_tag").contains("color"));
    }
};

QTEST_MAIN(TestMigrationsPage)
#include "tst_migrationspage.moc"
