// Model signals: pre_save/post_save (created, update_fields, raw) with sender
// filters, pre/post_delete, none from bulk operations and update(), and the
// seed's example: a post_save receiver on auth.User creating a profile.
#include "TestModels.h"
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "orm/QuerySet.h"
#include "signals/ModelSignals.h"
#include <QtTest>

using namespace quango;
using namespace quango::testing;

class TestModelSignals : public QObject {
    Q_OBJECT

private:
    TestDatabase m_db;
    const ModelMeta *Author = nullptr, *Publisher = nullptr;
    QStringList m_events;
    QStringList m_keys;

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        installLibraryApp();
        m_db.setUp();
        m_db.createTables();
        Author = model("library.Author");
        Publisher = model("library.Publisher");
    }
    void cleanupTestCase() { m_db.tearDown(); }

    void init()
    {
        m_db.resetTables();
        m_events.clear();
        m_keys << signals::preSave.connect([this](const void *, Model &m, const SaveInfo &info) {
            m_events << QStringLiteral("pre_save %1%2").arg(m.value("name").toString(), info.raw ? QStringLiteral(" raw") : QString());
            // A pre_save receiver may change the instance before it is written.
            if (m.value("name").toString() == QLatin1String("lower"))
                m.setValue("name", "LOWER");
        }, Author);
        m_keys << signals::postSave.connect([this](const void *, const Model &m, const SaveInfo &info) {
            m_events << QStringLiteral("post_save %1 created=%2 fields=%3").arg(m.value("name").toString()).arg(info.created).arg(info.updateFields.join(','));
        }, Author);
        m_keys << signals::preDelete.connect([this](const void *, const Model &m, const QString &) { m_events << "pre_delete " + m.value("name").toString(); }, Author);
        m_keys << signals::postDelete.connect([this](const void *, const Model &m, const QString &) { m_events << "post_delete " + m.value("name").toString(); }, Author);
    }

    void cleanup()
    {
        signals::preSave.disconnect(m_keys.value(0));
        signals::postSave.disconnect(m_keys.value(1));
        signals::preDelete.disconnect(m_keys.value(2));
        signals::postDelete.disconnect(m_keys.value(3));
        m_keys.clear();
    }

    void saveSignals()
    {
        Model a = Author->objects().create({{"name", "Ann"}});
        a.setValue("age", 3);
        a.save({.updateFields = {"age"}});
        QCOMPARE(m_events, (QStringList{"pre_save Ann", "post_save Ann created=1 fields=", "pre_save Ann", "post_save Ann created=0 fields=age"}));
        Model raw(Author);
        raw.setValue("name", "Fixture");
        raw.save({.updateFields = {}, .forceInsert = false, .forceUpdate = false, .raw = true});
        QCOMPARE(m_events.at(4), QStringLiteral("pre_save Fixture raw"));
    }

    void receiverCanChangeInstance()
    {
        Model a = Author->objects().create({{"name", "lower"}});
        QCOMPARE(Author->objects().get(Q("pk", a.pk())).value("name").toString(), QStringLiteral("LOWER"));
    }

    void senderFilter()
    {
        Publisher->objects().create({{"name", "P"}});
        QVERIFY(m_events.isEmpty()); // receivers listen to Author only
    }

    void noSignalsFromBulkAndUpdate()
    {
        Author->objects().bulkCreate({Model(Author).set("name", "Bulk")});
        Author->objects().all().update({{"age", 9}});
        QVERIFY(m_events.isEmpty());
    }

    void deleteSignals()
    {
        Model a = Author->objects().create({{"name", "Gone"}});
        m_events.clear();
        a.remove();
        QCOMPARE(m_events, (QStringList{"pre_delete Gone", "post_delete Gone"}));
    }

    void profileCreatedOnUserSave()
    {
        const ModelMeta &user = Registry::instance().modelOrThrow("auth.User");
        const ModelMeta &profile = Registry::instance().modelOrThrow("myapi.Profile");
        Model u = user.objects().create({{"username", "ann"}, {"email", "ann@example.com"}});
        QCOMPARE(profile.objects().filter(Q("user", u)).count(), 1);
        u.setValue("email", "ann@example.org");
        u.save();
        QCOMPARE(profile.objects().count(), 1); // only on created
    }
};

QTEST_GUILESS_MAIN(TestModelSignals)
#include "tst_modelsignals.moc"
