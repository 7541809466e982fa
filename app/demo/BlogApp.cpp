#include "app/demo/BlogApp.h"
#include "orm/Model.h"
#include "orm/RelatedField.h"
#include "orm/fields/BooleanField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/DateTimeField.h"
#include "orm/fields/DecimalField.h"
#include "orm/fields/EmailField.h"
#include "orm/fields/PositiveIntegerField.h"
#include "orm/fields/SlugField.h"
#include "orm/fields/TextField.h"

namespace quango::demo {

BlogApp::BlogApp() : AppConfig(QStringLiteral("blog"), QStringLiteral("Blog"))
{
    auto *author = addModel(QStringLiteral("Author"), {
        CharField(QStringLiteral("name"), 100),
        EmailField(QStringLiteral("email"), {.unique = true}),
        TextField(QStringLiteral("bio"), {.blank = true}),
    }, {.ordering = {QStringLiteral("name")}});
    author->setStr([](const Model &m) { return m.value(QStringLiteral("name")).toString(); });

    auto *tag = addModel(QStringLiteral("Tag"), {
        SlugField(QStringLiteral("name"), {.unique = true}),
    }, {.ordering = {QStringLiteral("name")}});
    tag->setStr([](const Model &m) { return m.value(QStringLiteral("name")).toString(); });

    auto *post = addModel(QStringLiteral("Post"), {
        CharField(QStringLiteral("title"), 200),
        SlugField(QStringLiteral("slug")),
        ForeignKey(QStringLiteral("author"), QStringLiteral("Author"), OnDelete::Cascade, {.relatedName = QStringLiteral("posts")}),
        TextField(QStringLiteral("body"), {.blank = true}),
        CharField(QStringLiteral("status"), 10, {.defaultValue = QStringLiteral("draft"),
                                                 .choices = {{QStringLiteral("draft"), QStringLiteral("Draft")},
                                                             {QStringLiteral("published"), QStringLiteral("Published")},
                                                             {QStringLiteral("archived"), QStringLiteral("Archived")}}}),
        DateTimeField(QStringLiteral("published_at"), {.null = true, .blank = true}),
        DateTimeField(QStringLiteral("created"), {.autoNowAdd = true}),
        DateTimeField(QStringLiteral("updated"), {.autoNow = true}),
        BooleanField(QStringLiteral("is_featured"), {.defaultValue = false}),
        DecimalField(QStringLiteral("rating"), 3, 1, {.null = true, .blank = true}),
        PositiveIntegerField(QStringLiteral("views"), {.defaultValue = 0}),
        ManyToManyField(QStringLiteral("tags"), QStringLiteral("Tag"), {.blank = true, .relatedName = QStringLiteral("posts")}),
    }, {.ordering = {QStringLiteral("-created")}, .verboseName = QStringLiteral("post"), .verboseNamePlural = QStringLiteral("posts"),
        .getLatestBy = QStringLiteral("created")});
    post->setStr([](const Model &m) { return m.value(QStringLiteral("title")).toString(); });

    auto *comment = addModel(QStringLiteral("Comment"), {
        ForeignKey(QStringLiteral("post"), QStringLiteral("Post"), OnDelete::Cascade, {.relatedName = QStringLiteral("comments")}),
        CharField(QStringLiteral("author_name"), 100),
        TextField(QStringLiteral("body")),
        DateTimeField(QStringLiteral("created"), {.autoNowAdd = true}),
        BooleanField(QStringLiteral("approved"), {.defaultValue = false}),
    }, {.ordering = {QStringLiteral("created")}});
    comment->setStr([](const Model &m) { return QStringLiteral("Comment by %1").arg(m.value(QStringLiteral("author_name")).toString()); });
}

} // namespace quango::demo
