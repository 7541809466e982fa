#pragma once
// Models used by the ORM suites: a small library app covering every
// on_delete mode, nullable and non-null ForeignKeys, OneToOne, ManyToMany
// (forward, reverse, to self) and a custom manager.
#include "apps/AppConfig.h"
#include "apps/Registry.h"
#include "orm/Manager.h"
#include "orm/Model.h"
#include "orm/RelatedField.h"
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

namespace quango::testing {

// Only published books: a custom manager narrowing its base QuerySet.
class PublishedManager : public Manager {
public:
    QuerySet querySet() const override { return Manager::querySet().filter(Q("is_published", true)); }
};

class LibraryApp : public AppConfig {
public:
    LibraryApp() : AppConfig(QStringLiteral("library"))
    {
        auto *publisher = addModel(QStringLiteral("Publisher"), {
            CharField(QStringLiteral("name"), 100, {.unique = true}),
            CharField(QStringLiteral("country"), 50, {.blank = true}),
        }, {.ordering = {QStringLiteral("name")}});
        publisher->setStr([](const Model &m) { return m.value(QStringLiteral("name")).toString(); });

        auto *author = addModel(QStringLiteral("Author"), {
            CharField(QStringLiteral("name"), 100),
            IntegerField(QStringLiteral("age"), {.null = true, .blank = true}),
            ForeignKey(QStringLiteral("mentor"), QStringLiteral("self"), OnDelete::SetNull, {.null = true, .blank = true, .relatedName = QStringLiteral("students")}),
        }, {.ordering = {QStringLiteral("name")}});
        author->setStr([](const Model &m) { return m.value(QStringLiteral("name")).toString(); });

        addModel(QStringLiteral("Genre"), {
            CharField(QStringLiteral("name"), 50),
        });

        auto *book = addModel(QStringLiteral("Book"), {
            CharField(QStringLiteral("title"), 200),
            ForeignKey(QStringLiteral("author"), QStringLiteral("Author"), OnDelete::Cascade, {.relatedName = QStringLiteral("books")}),
            ForeignKey(QStringLiteral("publisher"), QStringLiteral("library.Publisher"), OnDelete::Protect, {.null = true, .blank = true}),
            ForeignKey(QStringLiteral("editor"), QStringLiteral("Author"), OnDelete::SetNull, {.null = true, .blank = true, .relatedName = QStringLiteral("edited")}),
            IntegerField(QStringLiteral("pages"), {.defaultValue = 100}),
            FloatField(QStringLiteral("rating"), {.null = true}),
            DecimalField(QStringLiteral("price"), 6, 2, {.defaultValue = QStringLiteral("9.99")}),
            BooleanField(QStringLiteral("is_published"), {.defaultValue = true}),
            DateField(QStringLiteral("published"), {.null = true}),
            DateTimeField(QStringLiteral("created"), {.autoNowAdd = true}),
            JSONField(QStringLiteral("extra"), {.null = true}),
            ManyToManyField(QStringLiteral("genres"), QStringLiteral("Genre"), {.blank = true, .relatedName = QStringLiteral("books")}),
        }, {.ordering = {QStringLiteral("title")}, .uniqueTogether = {{QStringLiteral("title"), QStringLiteral("author")}},
            .getLatestBy = QStringLiteral("published")});
        book->setStr([](const Model &m) { return m.value(QStringLiteral("title")).toString(); });
        book->addManager(QStringLiteral("published"), std::make_shared<PublishedManager>());

        addModel(QStringLiteral("Review"), {
            ForeignKey(QStringLiteral("book"), QStringLiteral("Book"), OnDelete::Cascade, {.relatedName = QStringLiteral("reviews")}),
            ForeignKey(QStringLiteral("reviewer"), QStringLiteral("Author"), OnDelete::Restrict, {.null = true, .relatedName = QStringLiteral("reviews_written")}),
            TextField(QStringLiteral("body")),
            IntegerField(QStringLiteral("stars"), {.defaultValue = 3}),
        });

        addModel(QStringLiteral("Biography"), {
            OneToOneField(QStringLiteral("author"), QStringLiteral("Author"), OnDelete::Cascade, {.relatedName = QStringLiteral("biography")}),
            TextField(QStringLiteral("text"), {.blank = true}),
            UUIDField(QStringLiteral("ref"), {.null = true}),
        });

        addModel(QStringLiteral("Loan"), {
            ForeignKey(QStringLiteral("book"), QStringLiteral("Book"), OnDelete::DoNothing, {.null = true, .relatedName = QStringLiteral("loans")}),
            CharField(QStringLiteral("who"), 50),
        });
    }
};

inline void installLibraryApp()
{
    Registry &registry = Registry::instance();
    if (!registry.app(QStringLiteral("library")))
        registry.addApp(std::make_shared<LibraryApp>());
    registry.populate();
}

inline const ModelMeta *model(const char *label)
{
    return &Registry::instance().modelOrThrow(QString::fromLatin1(label));
}

} // namespace quango::testing
