#include "app/demo/BenchApp.h"
#include "orm/Model.h"
#include "orm/RelatedField.h"
#include "orm/fields/BooleanField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/DateField.h"
#include "orm/fields/EmailField.h"
#include "orm/fields/FloatField.h"

namespace quango::demo {

BenchApp::BenchApp() : AppConfig(QStringLiteral("bench"), QStringLiteral("Benchmark"))
{
    addModel(QStringLiteral("Author"), {
        CharField(QStringLiteral("name"), 100),
        EmailField(QStringLiteral("email")),
    })->setStr([](const Model &m) { return m.value(QStringLiteral("name")).toString(); });
    addModel(QStringLiteral("Tag"), {
        CharField(QStringLiteral("name"), 50),
    })->setStr([](const Model &m) { return m.value(QStringLiteral("name")).toString(); });
    addModel(QStringLiteral("Book"), {
        CharField(QStringLiteral("title"), 200),
        ForeignKey(QStringLiteral("author"), QStringLiteral("Author"), OnDelete::Cascade, {.relatedName = QStringLiteral("books")}),
        FloatField(QStringLiteral("price")),
        DateField(QStringLiteral("published")),
        BooleanField(QStringLiteral("in_stock")),
        ManyToManyField(QStringLiteral("tags"), QStringLiteral("Tag")),
    })->setStr([](const Model &m) { return m.value(QStringLiteral("title")).toString(); });
}

} // namespace quango::demo
