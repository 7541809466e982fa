// The admin log: entries for additions, changes and deletions with Django's
// change_message JSON, their text, and an object's history.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/admin/LogEntry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/UserService.h"
#include "contrib/contenttypes/ContentTypes.h"
#include "orm/Manager.h"
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace quango;

class TestLogEntry : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000);
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init() { m_db.resetTables(); }

    void addChangeDeleteAndHistory()
    {
        const Model admin = UserService::createSuperuser("admin", "admin@example.com", "pw-Admin-12345");
        const ModelMeta &author = Registry::instance().modelOrThrow("blog.Author");
        Model ann = author.objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        const Model other = author.objects().create({{"name", "Bob"}, {"email", "bob@example.com"}});

        const Model added = LogEntry::logAddition(admin.pk(), ann);
        QCOMPARE(added.value("change_message").toString(), QString("[{\"added\": {}}]"));
        QCOMPARE(added.value("action_flag").toInt(), 1);
        QCOMPARE(added.value("object_id").toString(), ann.pk().toString());
        QCOMPARE(added.value("object_repr").toString(), QString("Ann"));
        QCOMPARE(added.value("content_type").toLongLong(), ContentTypes::getForModel(author).pk().toLongLong());
        QVERIFY(added.value("action_time").toDateTime().isValid());
        QCOMPARE(added.str(), QString::fromUtf8("Added \u201cAnn\u201d."));
        QCOMPARE(LogEntry::changeMessageText(added), QString("Added."));

        ann.setValue("email", "ann@example.org");
        ann.save();
        const Model changed = LogEntry::logChange(admin.pk(), ann, {"name", "email"});
        QCOMPARE(changed.value("change_message").toString(), QString("[{\"changed\": {\"fields\": [\"Name\", \"Email\"]}}]"));
        QCOMPARE(LogEntry::changeMessageText(changed), QString("Changed Name and Email."));
        QCOMPARE(changed.str(), QString::fromUtf8("Changed \u201cAnn\u201d \u2014 Changed Name and Email."));
        const Model nothing = LogEntry::logChange(admin.pk(), ann, {});
        QCOMPARE(nothing.value("change_message").toString(), QString("[]"));
        QCOMPARE(LogEntry::changeMessageText(nothing), QString("No fields changed."));

        LogEntry::logAddition(admin.pk(), other);
        const Model deleted = LogEntry::logDeletion(admin.pk(), ann);
        QCOMPARE(deleted.value("change_message").toString(), QString());
        QCOMPARE(deleted.str(), QString::fromUtf8("Deleted \u201cAnn.\u201d"));

        const QList<Model> history = LogEntry::history(ann);
        QCOMPARE(history.size(), 4);
        QCOMPARE(history.at(0).value("action_flag").toInt(), 1);
        QCOMPARE(history.at(1).value("action_flag").toInt(), 2);
        QCOMPARE(history.at(3).value("action_flag").toInt(), 3);
        QCOMPARE(history.at(0).related("user").value("username").toString(), QString("admin"));
        QCOMPARE(LogEntry::history(other).size(), 1);
        QCOMPARE(LogEntry::meta().objects().count(), 5);
        // Deleting the admin user deletes their entries (CASCADE), like Django.
        Model(admin).remove();
        QCOMPARE(LogEntry::meta().objects().count(), 0);
    }

    void djangoTextsAndJson()
    {
        // Python's json.dumps: ", " and ": " separators, non-ASCII escaped.
        const QJsonArray message{QJsonObject{{"changed", QJsonObject{{"fields", QJsonArray{QString::fromUtf8("Pr\u00e9nom"), "Title"}}}}}};
        QCOMPARE(LogEntry::pythonJsonDumps(message), QString("[{\"changed\": {\"fields\": [\"Pr\\u00e9nom\", \"Title\"]}}]"));
        const QJsonArray scalars{1, true, QJsonValue(), "a\"b"};
        QCOMPARE(LogEntry::pythonJsonDumps(scalars), QString("[1, true, null, \"a\\\"b\"]"));
        // Messages Django writes for inline objects read back the way Django shows them.
        Model entry(&LogEntry::meta());
        entry.setValue("change_message", "[{\"added\": {\"name\": \"choice\", \"object\": \"Yes\"}}, {\"changed\": {\"name\": \"choice\", \"object\": \"No\", \"fields\": [\"Votes\"]}}, {\"deleted\": {\"name\": \"choice\", \"object\": \"Maybe\"}}]");
        QCOMPARE(LogEntry::changeMessageText(entry),
                 QString::fromUtf8("Added choice \u201cYes\u201d. Changed Votes for choice \u201cNo\u201d. Deleted choice \u201cMaybe\u201d."));
        entry.setValue("change_message", "Changed the title (a message of Django < 1.10).");
        QCOMPARE(LogEntry::changeMessageText(entry), QString("Changed the title (a message of Django < 1.10)."));
    }
};

QTEST_GUILESS_MAIN(TestLogEntry)
#include "tst_logentry.moc"
