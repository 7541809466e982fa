#include "contrib/auth/Permissions.h"
#include "apps/AppConfig.h"
#include "apps/Registry.h"
#include "contrib/Logging.h"
#include "contrib/contenttypes/ContentTypes.h"
#include "db/Connection.h"
#include "db/SchemaEditor.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/QuerySet.h"
#include <QSet>

namespace quango {

using namespace Qt::Literals::StringLiterals;


QList<Permission> Permissions::allPermissions(const ModelMeta &model)
{
    QList<Permission> permissions;
    for (const QString &action : model.options().defaultPermissions)
        permissions.append({action + u'_' + model.modelName(), u"Can %1 %2"_s.arg(action, model.verboseName())});
    permissions << model.options().permissions;
    return permissions;
}

int Permissions::createPermissions(const AppConfig &app, const QString &alias, int verbosity)
{
    if (app.models().isEmpty() || !Registry::instance().app(u"auth"_s) || !ContentTypes::tableExists(alias)
        || !SchemaEditor(Connection::get(alias)).tableExists(u"auth_permission"_s))
        return 0;
    ContentTypes::createContentTypes(app, alias, verbosity);
    const ModelMeta &permission = Registry::instance().modelOrThrow(u"auth.Permission"_s);

    // (content type id, permission) for every model of the app.
    QList<QPair<QVariant, Permission>> wanted;
    QVariantList contentTypeIds;
    for (const ModelMeta *model : app.models()) {
        const QVariant ct = ContentTypes::getForModel(*model, alias).pk();
        contentTypeIds << ct;
        for (const Permission &p : allPermissions(*model))
            wanted.append({ct, p});
    }
    QSet<QString> existing;
    for (const QVariantList &row : permission.objects().all().using_(alias)
                                       .filter(Q(u"content_type__in"_s, contentTypeIds))
                                       .valuesList({u"content_type"_s, u"codename"_s}))
        existing.insert(row.at(0).toString() + u'|' + row.at(1).toString());
    QList<Model> missing;
    for (const auto &[ct, p] : wanted) {
        if (existing.contains(ct.toString() + u'|' + p.codename))
            continue;
        existing.insert(ct.toString() + u'|' + p.codename); // a Meta permission repeating a default one
        Model row(&permission);
        row.setValue(u"name"_s, p.name);
        row.setValue(u"content_type"_s, ct);
        row.setValue(u"codename"_s, p.codename);
        missing.append(row);
    }
    if (missing.isEmpty())
        return 0;
    const qsizetype created = missing.size();
    missing = permission.objects().all().using_(alias).bulkCreate(std::move(missing));
    if (verbosity >= 2)
        for (const Model &row : missing)
            qCInfo(lcContrib, "Adding permission '%s'", qPrintable(row.value(u"codename"_s).toString()));
    return int(created);
}

Model Permissions::get(const QString &appLabelDotCodename, const QString &alias)
{
    const qsizetype dot = appLabelDotCodename.indexOf(u'.');
    if (dot <= 0)
        throw DoesNotExist(u"Permission '%1' is not of the form 'app_label.codename'."_s.arg(appLabelDotCodename));
    const ModelMeta &permission = Registry::instance().modelOrThrow(u"auth.Permission"_s);
    const QList<Model> rows = permission.objects().all().using_(alias)
                                  .filter(Q({{u"content_type__app_label"_s, appLabelDotCodename.left(dot)},
                                             {u"codename"_s, appLabelDotCodename.mid(dot + 1)}}))
                                  .list();
    if (rows.size() != 1)
        throw DoesNotExist(u"Permission '%1' does not exist (%2 rows match); has `migrate` run?"_s.arg(appLabelDotCodename).arg(rows.size()));
    return rows.first();
}

} // namespace quango
