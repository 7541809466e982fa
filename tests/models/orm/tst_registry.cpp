// The registry: lookups by "app_label.Model" (case-insensitive), Django's
// naming defaults, relation resolution and system checks.
#include "TestModels.h"
#include "app/demo/DemoProject.h"
#include "orm/Exceptions.h"
#include "orm/fields/CharField.h"
#include <QtTest>

using namespace quango;
using namespace quango::testing;

class TestRegistry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        installLibraryApp();
    }

    void lookups()
    {
        Registry &r = Registry::instance();
        QVERIFY(r.model("blog.Post"));
        QCOMPARE(r.model("BLOG.post"), r.model("blog.Post"));
        QVERIFY(!r.model("blog.Nope"));
        QVERIFY(!r.model("nodot"));
        try {
            r.modelOrThrow("blog.Nope");
            QFAIL("unknown model accepted");
        } catch (const ImproperlyConfigured &e) {
            QVERIFY2(e.message().contains("blog.Post"), qPrintable(e.message())); // lists what exists
        }
        QVERIFY_THROWS_EXCEPTION(ImproperlyConfigured, r.appOrThrow("nope"));
    }

    void djangoNaming()
    {
        const ModelMeta *post = Registry::instance().model("blog.Post");
        QCOMPARE(post->dbTable(), QStringLiteral("blog_post"));
        QCOMPARE(post->pk()->name(), QStringLiteral("id"));
        QCOMPARE(post->field("author")->column(), QStringLiteral("author_id"));
        QCOMPARE(post->field("author_id"), post->field("author"));
        const auto *tags = dynamic_cast<const ManyToManyField *>(post->field("tags"));
        QVERIFY(tags);
        QCOMPARE(tags->throughTable(), QStringLiteral("blog_post_tags"));
        QCOMPARE(tags->sourceColumn(), QStringLiteral("post_id"));
        QCOMPARE(tags->targetColumn(), QStringLiteral("tag_id"));
        const ModelMeta *author = Registry::instance().model("blog.Author");
        QVERIFY(author->reverseRelation("posts"));
        QCOMPARE(model("library.Author")->reverseRelation("biography")->multiple, false);
        QCOMPARE(model("library.Review")->verboseNamePlural(), QStringLiteral("reviews"));
        // Reverse accessors without related_name follow Django: <model>_set.
        QVERIFY(model("library.Book")->reverseRelation("loans"));
    }

    void checkFindsProblems()
    {
        QVERIFY(Registry::instance().check().isEmpty());
        Registry broken;
        auto app = std::make_shared<AppConfig>("broken");
        app->addModel("Thing", {ForeignKey("owner", "broken.Nobody", OnDelete::Cascade), CharField("bad__name", 10)},
                      {.ordering = {"-missing"}});
        broken.addApp(app);
        broken.populate();
        const QList<CheckMessage> messages = broken.check();
        QStringList ids;
        for (const CheckMessage &m : messages)
            ids << m.id;
        QVERIFY2(ids.contains("fields.E300"), qPrintable(ids.join(',')));
        QVERIFY(ids.contains("fields.E001"));
        QVERIFY(ids.contains("models.E015"));
        QVERIFY(messages.first().toString().startsWith("broken.Thing"));
    }

    void duplicateDeclarations()
    {
        AppConfig app("dup");
        app.addModel("A", {CharField("x", 1)});
        QVERIFY_THROWS_EXCEPTION(ImproperlyConfigured, app.addModel("a", {CharField("x", 1)}));
        QVERIFY_THROWS_EXCEPTION(ImproperlyConfigured, app.addModel("B", {CharField("x", 1), CharField("x", 2)}));
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
