// The connection dialog: the embedded database by default, another SQLite
// file through the (replaced) file chooser, PostgreSQL URLs checked with the
// message beside the field, the recent list (most recent first, each database
// once, never a password), and a real PostgreSQL server when the test run has
// one ($QUANGO_TEST_POSTGRES_URL). QSettings go to a temporary folder.
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "ui/dialogs/ConnectionDialog.h"
#include "views/admin/DatabaseChooser.h"
#include "views/admin/RecentDatabases.h"
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace quango;
using Pick = ConnectionDialog::Choice;

class TestConnectionDialog : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dataDir;
    QString embeddedUrl() const { return "sqlite://" + m_dataDir.filePath("embedded.sqlite3"); }

    // The settings file's raw text, to prove what is (not) written.
    QString settingsText() const
    {
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid() && m_dataDir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QVERIFY2(QSettings().fileName().startsWith(m_settingsDir.path()), qPrintable(QSettings().fileName()));
        installDemoApps(Registry::instance());
        Registry::instance().populate();
    }

    void init()
    {
        RecentDatabases().clear();
        Connections::configure(DatabaseUrl::parse("sqlite:///:memory:"));
    }

    void embeddedIsTheDefault()
    {
        ConnectionDialog dialog(embeddedUrl());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.choiceButton(Pick::Embedded)->isChecked());
        QVERIFY(!dialog.recentList()->isVisible()); // nothing used yet
        QVERIFY(dialog.findChild<QLabel *>("embeddedPath")->text().endsWith("embedded.sqlite3"));
        QTest::keyClick(&dialog, Qt::Key_Return); // Connect is the default button
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.url().path(), m_dataDir.filePath("embedded.sqlite3"));
        QCOMPARE(Connections::settings().path(), m_dataDir.filePath("embedded.sqlite3"));
        QVERIFY(QFile::exists(m_dataDir.filePath("embedded.sqlite3")));
        QCOMPARE(RecentDatabases().urls(), QStringList{embeddedUrl()});
    }

    void anotherSqliteFileThroughBrowse()
    {
        ConnectionDialog dialog(embeddedUrl());
        const QString file = m_dataDir.filePath("my data/other.sqlite3"); // a space in the path
        QVERIFY(QDir().mkpath(m_dataDir.filePath("my data")));
        QString offered;
        dialog.setFileChooser([&](QWidget *, const QString &current) {
            offered = current;
            return file;
        });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.browseButton()->accessibleName().isEmpty());
        QTest::mouseClick(dialog.browseButton(), Qt::LeftButton);
        QCOMPARE(offered, QString());
        QCOMPARE(dialog.sqlitePathEdit()->text(), file);
        QVERIFY(dialog.choiceButton(Pick::SqliteFile)->isChecked());
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(Connections::settings().path(), file);
        Connection::get().execute("CREATE TABLE probe (id integer)");
        QCOMPARE(RecentDatabases().urls().size(), 1);
        QCOMPARE(DatabaseUrl::parse(RecentDatabases().urls().first()).path(), file);
    }

    void badSqlitePathsStayInTheDialog()
    {
        ConnectionDialog dialog(embeddedUrl());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Typing chooses the field's option.
        QTest::keyClicks(dialog.sqlitePathEdit(), m_dataDir.filePath("missing/folder/x.sqlite3"));
        QVERIFY(dialog.choiceButton(Pick::SqliteFile)->isChecked());
        QTest::keyClick(dialog.sqlitePathEdit(), Qt::Key_Return);
        QLabel *error = dialog.errorLabel(Pick::SqliteFile);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains("does not exist"), qPrintable(error->text()));
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.result() != QDialog::Accepted);
        QCOMPARE(dialog.sqlitePathEdit()->text(), m_dataDir.filePath("missing/folder/x.sqlite3"));
        // A file that is not a database: refused by Connect, not at the first page.
        const QString notDb = m_dataDir.filePath("notes.txt");
        QFile text(notDb);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray(4096, 'x'));
        text.close();
        dialog.sqlitePathEdit()->clear();
        QTest::keyClicks(dialog.sqlitePathEdit(), notDb);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QVERIFY2(error->isVisible() && error->text().contains("Cannot connect"), qPrintable(error->text()));
        QCOMPARE(Connections::settings().path(), QStringLiteral(":memory:")); // the previous default stays
        QVERIFY(RecentDatabases().urls().isEmpty());
    }

    void postgresUrlErrorsShowBesideTheField()
    {
        ConnectionDialog dialog(embeddedUrl());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QLabel *error = dialog.errorLabel(Pick::Postgres);
        QVERIFY(!error->isVisible());
        QVERIFY(!error->accessibleName().isEmpty());
        const QString badPort = "postgres://ann@db.example:99999/shop";
        QTest::keyClicks(dialog.postgresUrlEdit(), badPort);
        QVERIFY(dialog.choiceButton(Pick::Postgres)->isChecked());
        QTest::keyClick(dialog.postgresUrlEdit(), Qt::Key_Return);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains("99999"), qPrintable(error->text()));
        QVERIFY(!dialog.errorLabel(Pick::SqliteFile)->isVisible());
        QCOMPARE(dialog.postgresUrlEdit()->text(), badPort); // nothing lost
        QVERIFY(dialog.postgresUrlEdit()->hasFocus());
        QVERIFY(dialog.isVisible());

        dialog.postgresUrlEdit()->clear();
        QTest::keyClicks(dialog.postgresUrlEdit(), "mysql://ann:secret@db/shop");
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QVERIFY2(error->text().contains("not a PostgreSQL URL"), qPrintable(error->text()));
        QVERIFY2(!error->text().contains("secret"), qPrintable(error->text()));

        // A server that does not answer: the reason, the URL kept, the old default kept.
        dialog.postgresUrlEdit()->clear();
        QTest::keyClicks(dialog.postgresUrlEdit(), "postgres://ann@127.0.0.1:1/shop");
        QTest::keyClicks(dialog.passwordEdit(), "s3cret");
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QVERIFY2(error->isVisible() && error->text().startsWith("Cannot connect to postgres://ann:***@127.0.0.1:1/shop"), qPrintable(error->text()));
        QVERIFY(!error->text().contains("s3cret"));
        QCOMPARE(dialog.postgresUrlEdit()->text(), QStringLiteral("postgres://ann@127.0.0.1:1/shop"));
        QCOMPARE(dialog.passwordEdit()->text(), QStringLiteral("s3cret"));
        QCOMPARE(Connections::settings().path(), QStringLiteral(":memory:"));
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY(RecentDatabases().urls().isEmpty());

        // For people to look at: <build>/screenshots/connectiondialog.png.
        const QString folder = QDir(QCoreApplication::applicationDirPath() + "/../screenshots").absolutePath();
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(dialog.grab().save(folder + "/connectiondialog.png"));
    }

    void urlWithPasswordIsSplit()
    {
        ConnectionDialog dialog(embeddedUrl());
        dialog.setUrl("postgres://ann:p%40ss:w@db.example:5433/shop?sslmode=require", "refused");
        QVERIFY(dialog.choiceButton(Pick::Postgres)->isChecked());
        QCOMPARE(dialog.postgresUrlEdit()->text(), QStringLiteral("postgres://ann@db.example:5433/shop?sslmode=require"));
        QCOMPARE(dialog.passwordEdit()->text(), QStringLiteral("p@ss:w"));
        QCOMPARE(dialog.passwordEdit()->echoMode(), QLineEdit::Password);
        QCOMPARE(dialog.errorLabel(Pick::Postgres)->text(), QStringLiteral("refused"));
        // And back: the password field goes into the URL that connects.
        const DatabaseUrl url = DatabaseChooser::postgres(dialog.postgresUrlEdit()->text(), dialog.passwordEdit()->text());
        QCOMPARE(url.password(), QStringLiteral("p@ss:w"));
        QCOMPARE(url.user(), QStringLiteral("ann"));
        QCOMPARE(url.port(), 5433);
        QCOMPARE(url.databaseName(), QStringLiteral("shop"));
        QVERIFY(url.url().endsWith("?sslmode=require"));
    }

    void recentListOrderDedupeAndNoPasswords()
    {
        const QString a = "sqlite://" + m_dataDir.filePath("a.sqlite3");
        const QString b = "sqlite://" + m_dataDir.filePath("b.sqlite3");
        {
            RecentDatabases recent;
            recent.add(DatabaseUrl::parse(a));
            recent.add(DatabaseUrl::parse(b));
            recent.add(DatabaseUrl::parse("postgres://ann:topsecret@db.example/shop"));
            recent.add(DatabaseUrl::parse("sqlite://" + m_dataDir.path() + "/./a.sqlite3")); // a again, spelt otherwise
            recent.add(DatabaseUrl::parse("postgresql://ann:other@db.example:5432/shop")); // the same server and database
        }
        const QStringList urls = RecentDatabases().urls();
        QCOMPARE(urls.size(), 3);
        QCOMPARE(urls.at(0), QStringLiteral("postgresql://ann@db.example:5432/shop"));
        QCOMPARE(DatabaseUrl::parse(urls.at(1)).path(), m_dataDir.filePath("a.sqlite3"));
        QCOMPARE(urls.at(2), b);
        const QString raw = settingsText();
        QVERIFY2(!raw.contains("topsecret") && !raw.contains("other@") && !raw.contains(":other"), qPrintable(raw));

        // A password put into the file by hand is dropped on reading.
        QSettings().setValue("connection/recent", QStringList{"postgres://bob:hunter2@h/db", "not a url", b, b});
        QCOMPARE(RecentDatabases().urls(), (QStringList{"postgres://bob@h:5432/db", b}));

        // At most Capacity, the oldest dropped.
        RecentDatabases recent;
        recent.clear();
        for (int i = 0; i < RecentDatabases::Capacity + 3; ++i)
            recent.add(DatabaseUrl::parse("sqlite://" + m_dataDir.filePath(QStringLiteral("n%1.sqlite3").arg(i))));
        const QStringList capped = RecentDatabases().urls();
        QCOMPARE(capped.size(), RecentDatabases::Capacity);
        QVERIFY(capped.first().endsWith(QStringLiteral("n%1.sqlite3").arg(RecentDatabases::Capacity + 2)));
        QVERIFY(capped.last().endsWith("n3.sqlite3"));
    }

    void recentEntriesFillTheFields()
    {
        const QString other = "sqlite://" + m_dataDir.filePath("recent.sqlite3");
        {
            RecentDatabases recent;
            recent.add(DatabaseUrl::parse(embeddedUrl()));
            recent.add(DatabaseUrl::parse("postgres://ann:pw@127.0.0.1:1/shop"));
            recent.add(DatabaseUrl::parse(other));
        }
        ConnectionDialog dialog(embeddedUrl());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QListWidget *list = dialog.recentList();
        QVERIFY(list->isVisible());
        QCOMPARE(list->count(), 3);
        // The last one used is chosen already.
        QCOMPARE(list->currentRow(), 0);
        QVERIFY(dialog.choiceButton(Pick::SqliteFile)->isChecked());
        QCOMPARE(dialog.sqlitePathEdit()->text(), m_dataDir.filePath("recent.sqlite3"));
        QVERIFY(list->item(2)->text().startsWith("Embedded database"));
        // Keyboard: down to the PostgreSQL entry, no password in sight.
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Down);
        QVERIFY(dialog.choiceButton(Pick::Postgres)->isChecked());
        QCOMPARE(dialog.postgresUrlEdit()->text(), QStringLiteral("postgres://ann@127.0.0.1:1/shop"));
        QVERIFY(dialog.passwordEdit()->text().isEmpty());
        QTest::keyClick(list, Qt::Key_Down);
        QVERIFY(dialog.choiceButton(Pick::Embedded)->isChecked());
        // Enter on an entry connects to it and moves it to the top.
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(Connections::settings().path(), m_dataDir.filePath("embedded.sqlite3"));
        QCOMPARE(RecentDatabases().urls().first(), embeddedUrl());
        QCOMPARE(RecentDatabases().urls().size(), 3);

        // A double click on an entry connects to it.
        ConnectionDialog again(embeddedUrl());
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        const QRect rect = again.recentList()->visualItemRect(again.recentList()->item(1));
        QTest::mouseClick(again.recentList()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(again.recentList()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(again.result(), int(QDialog::Accepted));
        QCOMPARE(Connections::settings().path(), m_dataDir.filePath("recent.sqlite3"));
    }

    void connectsToTheTestPostgres()
    {
        const QString serverUrl = qEnvironmentVariable("QUANGO_TEST_POSTGRES_URL");
        if (serverUrl.isEmpty())
            QSKIP("QUANGO_TEST_POSTGRES_URL is not set (scripts/test sets it)");
        const DatabaseUrl server = DatabaseUrl::parse(serverUrl);
        ConnectionDialog dialog(embeddedUrl());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.postgresUrlEdit(), DatabaseChooser::withPassword(server, {}).url());
        QTest::keyClicks(dialog.passwordEdit(), server.password());
        QTest::keyClick(dialog.passwordEdit(), Qt::Key_Return);
        // Set but unreachable: fail loudly with the dialog's own message.
        QVERIFY2(dialog.result() == QDialog::Accepted,
                 qPrintable("Cannot reach the test PostgreSQL server " + server.redacted() + ": " + dialog.errorLabel(Pick::Postgres)->text()));
        QCOMPARE(Connections::settings().vendor(), DatabaseUrl::Vendor::Postgres);
        QSqlQuery &answer = Connection::get().execute("SELECT 41 + 1");
        QVERIFY(answer.next());
        QCOMPARE(answer.value(0).toInt(), 42);
        QCOMPARE(RecentDatabases().urls().first(), DatabaseChooser::withPassword(server, {}).url());
        if (!server.password().isEmpty())
            QVERIFY(!settingsText().contains(server.password()));
        Connections::configure(DatabaseUrl::parse("sqlite:///:memory:"));
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
