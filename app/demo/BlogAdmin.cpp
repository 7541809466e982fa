#include "app/demo/BlogAdmin.h"
#include "orm/ModelMeta.h"
#include "views/admin/AdminSite.h"
#include <QDateTime>

namespace quango::demo {

namespace {

QString changed(qint64 n, const ModelMeta &model, const QString &what)
{
    return QStringLiteral("%1 %2 %3 successfully marked as %4.")
        .arg(n)
        .arg(n == 1 ? model.verboseName() : model.verboseNamePlural(), n == 1 ? QStringLiteral("was") : QStringLiteral("were"), what);
}

} // namespace

void BlogAdmin::registerModels(AdminSite &site)
{
    site.registerModel(QStringLiteral("blog.Author"), ModelAdmin{
        .listDisplay = {QStringLiteral("name"), QStringLiteral("email")},
        .searchFields = {QStringLiteral("name"), QStringLiteral("=email")},
    });
    site.registerModel(QStringLiteral("blog.Tag"), ModelAdmin{
        .searchFields = {QStringLiteral("name")},
    });

    // Django's documented example action: one UPDATE, no save() per row
    // (queryset.update sends no signals, as in Django).
    AdminAction publish{
        .name = QStringLiteral("make_published"),
        .description = QStringLiteral("Mark selected posts as published"),
        .run = [](const QuerySet &selected) {
            selected.filter(Q(QStringLiteral("published_at__isnull"), true))
                .update({{QStringLiteral("published_at"), Arg(QDateTime::currentDateTimeUtc())}});
            const int n = selected.update({{QStringLiteral("status"), Arg(QStringLiteral("published"))}});
            return changed(n, *selected.model(), QStringLiteral("published"));
        },
        .allowedPermissions = {QStringLiteral("change")},
    };
    site.registerModel(QStringLiteral("blog.Post"), ModelAdmin{
        .listDisplay = {QStringLiteral("title"), QStringLiteral("author"), QStringLiteral("status"), QStringLiteral("published_at"),
                        QStringLiteral("is_featured"), QStringLiteral("views")},
        .listFilter = {QStringLiteral("status"), QStringLiteral("is_featured"), QStringLiteral("author"), QStringLiteral("created")},
        .searchFields = {QStringLiteral("title"), QStringLiteral("author__name")},
        .autocompleteFields = {QStringLiteral("author")},
        .actions = {publish},
    });

    AdminAction approve{
        .name = QStringLiteral("approve_comments"),
        .description = QStringLiteral("Approve selected comments"),
        .run = [](const QuerySet &selected) {
            const int n = selected.update({{QStringLiteral("approved"), Arg(true)}});
            return changed(n, *selected.model(), QStringLiteral("approved"));
        },
        .allowedPermissions = {QStringLiteral("change")},
    };
    site.registerModel(QStringLiteral("blog.Comment"), ModelAdmin{
        .listDisplay = {QStringLiteral("__str__"), QStringLiteral("post"), QStringLiteral("created"), QStringLiteral("approved")},
        .listFilter = {QStringLiteral("approved"), QStringLiteral("created")},
        .searchFields = {QStringLiteral("author_name"), QStringLiteral("body")},
        .actions = {approve},
    });
}

} // namespace quango::demo
