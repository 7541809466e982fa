// The history app's rows: every field type's value as fixture JSON and back
// (also through the database), rows recorded for a log entry in field order,
// read back for several entries at once, and gone with their log entry.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/AppConfig.h"
#include "apps/Registry.h"
#include "contrib/admin/LogEntry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/UserService.h"
#include "contrib/history/FieldChange.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "orm/RelatedField.h"
#include "orm/fields/BigIntegerField.h"
#include "orm/fields/BooleanField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/DateField.h"
#include "orm/fields/DateTimeField.h"
#include "orm/fields/DecimalField.h"
#include "orm/fields/FloatField.h"
#include "orm/fields/IntegerField.h"
#include "orm/fields/JSONField.h"
#include "orm/fields/TextField.h"
#include "orm/fields/UUIDField.h"
#include <QUuid>
#include <QtTest>

using namespace quango;

namespace {
// One field of each kind the admin edits.
class SampleApp : public AppConfig {
public:
    SampleApp() : AppConfig(QStringLiteral("histtest"))
    {
        addModel(QStringLiteral("Sample"), {
            CharField(QStringLiteral("name"), 50, {.choices = {{QStringLiteral("a"), QStringLiteral("Alpha")}, {QStringLiteral("b"), QStringLiteral("Beta")}}}),
            TextField(QStringLiteral("note"), {.blank = true}),
            IntegerField(QStringLiteral("count")),
            BigIntegerField(QStringLiteral("big"), {.null = true}),
            FloatField(QStringLiteral("ratio"), {.null = true}),
            DecimalField(QStringLiteral("price"), 8, 2, {.null = true}),
            BooleanField(QStringLiteral("flag"), {.null = true}),
            DateField(QStringLiteral("day"), {.null = true}),
            DateTimeField(QStringLiteral("moment"), {.null = true}),
            UUIDField(QStringLiteral("uid"), {.null = true}),
            JSONField(QStringLiteral("data"), {.null = true}),
            ForeignKey(QStringLiteral("author"), QStringLiteral("blog.Author"), OnDelete::SetNull, {.null = true}),
            ManyToManyField(QStringLiteral("tags"), QStringLiteral("blog.Tag"), {.blank = true}),
        });
    }
};
} // namespace

class TestFieldChange : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    const ModelMeta *Sample = nullptr, *Author = nullptr, *Tag = nullptr;

    Model sample()
    {
        const Model ann = Author->objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        const Model qt = Tag->objects().create({{"name", "qt"}});
        const Model cpp = Tag->objects().create({{"name", "cpp"}});
        Model s = Sample->objects().create({
            {"name", "b"}, {"note", "two\nlines \"quoted\" \u00e9"}, {"count", -7}, {"big", Q_INT64_C(9007199254740993)},
            {"ratio", 0.1}, {"price", "12.50"}, {"flag", QVariant()}, {"day", QDate(2024, 2, 29)},
            {"moment", QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 123), Qt::UTC)},
            {"uid", QUuid("{6f1c1b4e-8a43-4c55-9d2b-0c1b2d3e4f50}")},
            {"data", QVariantMap{{"a", QVariantList{1, 2}}, {"b", QVariant()}}}, {"author", ann.pk()}});
        s.manyRelated("tags").set(QVariantList{qt.pk(), cpp.pk()});
        return Sample->objects().get(Q("pk", s.pk()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        if (!Registry::instance().app("histtest"))
            Registry::instance().addApp(std::make_shared<SampleApp>());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000);
        Sample = &Registry::instance().modelOrThrow("histtest.Sample");
        Author = &Registry::instance().modelOrThrow("blog.Author");
        Tag = &Registry::instance().modelOrThrow("blog.Tag");
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init() { m_db.resetTables(); }

    void installedAsABuiltinApp()
    {
        QVERIFY(FieldChange::isInstalled());
        QCOMPARE(FieldChange::meta().dbTable(), QStringLiteral("quango_history_fieldchange"));
        auto *entry = dynamic_cast<const ForeignKey *>(FieldChange::meta().field("log_entry"));
        QVERIFY(entry);
        QCOMPARE(entry->relatedModel(), &LogEntry::meta());
    }

    void valuesAsFixtureJson()
    {
        const Model s = sample();
        const QVariantMap values = FieldChange::snapshot(s);
        auto json = [&](const char *name) { return FieldChange::encodeValue(Sample->field(name), values.value(name)); };
        QCOMPARE(json("name"), QStringLiteral("\"b\""));
        QCOMPARE(json("note"), QString::fromUtf8("\"two\\nlines \\\"quoted\\\" \u00e9\""));
        QCOMPARE(json("count"), QStringLiteral("-7"));
        QCOMPARE(json("big"), QStringLiteral("9007199254740993"));   // beyond a double's 53 bits, exact
        QCOMPARE(json("ratio"), QStringLiteral("0.1"));
        QCOMPARE(json("price"), QStringLiteral("\"12.50\""));
        QCOMPARE(json("flag"), QStringLiteral("null"));
        QCOMPARE(json("day"), QStringLiteral("\"2024-02-29\""));
        QCOMPARE(json("moment"), QStringLiteral("\"2024-01-02T03:04:05.123Z\""));
        QCOMPARE(json("uid"), QStringLiteral("\"6f1c1b4e-8a43-4c55-9d2b-0c1b2d3e4f50\""));
        QCOMPARE(json("data"), QStringLiteral("{\"a\": [1, 2], \"b\": null}"));
        QCOMPARE(json("author"), s.value("author").toString());
        QCOMPARE(json("tags"), QStringLiteral("[1, 2]"));              // sorted pks, as dumpdata writes them
        QCOMPARE(json("id"), s.pk().toString());
        QVERIFY_THROWS_EXCEPTION(FieldError, FieldChange::decodeValue(Sample->field("count"), "not json"));
    }

    void everyTypeRoundTripsThroughTheDatabase()
    {
        // Decoded values saved into a new row read back as the same JSON:
        // what a revert or a restore of a deletion relies on.
        const Model s = sample();
        const QVariantMap values = FieldChange::snapshot(s);
        Model copy(Sample);
        QVariantList tags;
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            const Field *field = Sample->field(it.key());
            const QVariant decoded = FieldChange::decodeValue(field, FieldChange::encodeValue(field, it.value()));
            QCOMPARE(FieldChange::encodeValue(field, decoded), FieldChange::encodeValue(field, it.value()));
            if (it.key() == "tags")
                tags = decoded.toList();
            else if (it.key() != "id")
                copy.setValue(it.key(), decoded);
        }
        copy.save();
        copy.manyRelated("tags").set(tags);
        const QVariantMap back = FieldChange::snapshot(Sample->objects().get(Q("pk", copy.pk())));
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            if (it.key() == "id")
                continue;
            const Field *field = Sample->field(it.key());
            QCOMPARE(FieldChange::encodeValue(field, back.value(it.key())), FieldChange::encodeValue(field, it.value()));
        }
        QCOMPARE(back.value("moment").toDateTime(), values.value("moment").toDateTime());
        QCOMPARE(back.value("big").toLongLong(), Q_INT64_C(9007199254740993));
    }

    void recordedPerEntryAndGoneWithIt()
    {
        const Model admin = UserService::createSuperuser("admin", "admin@example.com", "pw-Admin-12345");
        Model s = sample();
        const Model added = LogEntry::logAddition(admin.pk(), s);
        FieldChange::recordAddition(added, s);
        const QList<Model> initial = FieldChange::forEntry(added.pk());
        QStringList names;
        for (const Model &row : initial) {
            names << row.value("field_name").toString();
            QVERIFY(row.value("old_value").isNull());      // an addition has no old value
            QVERIFY(!row.value("new_value").isNull());
        }
        QCOMPARE(names, (QStringList{"id", "name", "note", "count", "big", "ratio", "price", "flag", "day", "moment", "uid", "data", "author", "tags"}));
        QCOMPARE(initial.at(7).value("new_value").toString(), QStringLiteral("null")); // NULL flag: JSON null, not SQL NULL

        QVariantMap before = FieldChange::snapshot(s);
        s.setValue("count", 8);
        s.setValue("name", "a");
        s.save();
        const QVariantMap after = FieldChange::snapshot(s);
        const Model changed = LogEntry::logChange(admin.pk(), s, {"name", "count"});
        FieldChange::record(changed, *Sample, {"name", "count"}, &before, &after);
        const Model deleted = LogEntry::logDeletion(admin.pk(), s);
        FieldChange::recordDeletion(deleted, *Sample, after);

        const QHash<QString, QList<Model>> rows = FieldChange::forEntries({added.pk(), changed.pk(), deleted.pk()});
        QCOMPARE(rows.value(added.pk().toString()).size(), 14);
        const QList<Model> change = rows.value(changed.pk().toString());
        QCOMPARE(change.size(), 2);
        QCOMPARE(change.at(0).value("field_name").toString(), QStringLiteral("name"));
        QCOMPARE(change.at(0).value("old_value").toString(), QStringLiteral("\"b\""));
        QCOMPARE(change.at(0).value("new_value").toString(), QStringLiteral("\"a\""));
        QCOMPARE(change.at(1).str(), QString::fromUtf8("count: -7 \u2192 8"));
        const QList<Model> gone = rows.value(deleted.pk().toString());
        QCOMPARE(gone.size(), 14);
        for (const Model &row : gone)
            QVERIFY(row.value("new_value").isNull());       // a deletion has no new value
        QCOMPARE(gone.at(3).value("old_value").toString(), QStringLiteral("8"));

        // CASCADE: an entry's rows go with it (and with its user's entries).
        LogEntry::meta().objects().filter(Q("pk", changed.pk())).deleteRows();
        QCOMPARE(FieldChange::meta().objects().count(), 28);
        UserService::createUser("other", "", "Another-passw0rd");
        Registry::instance().modelOrThrow("auth.User").objects().filter(Q("username", "admin")).deleteRows();
        QCOMPARE(FieldChange::meta().objects().count(), 0);
    }
};

QTEST_MAIN(TestFieldChange)
#include "tst_fieldchange.moc"
