#include "contrib/contenttypes/ContentTypes.h"
#include "apps/AppConfig.h"
#include "apps/Registry.h"
#include "contrib/Logging.h"
#include "db/Connection.h"
#include "db/SchemaEditor.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/QuerySet.h"
#include <QSet>

namespace quango {

using namespace Qt::Literals::StringLiterals;


const ModelMeta &ContentTypes::meta()
{
    return Registry::instance().modelOrThrow(u"contenttypes.ContentType"_s);
}

Model ContentTypes::getForModel(const ModelMeta &model, const QString &alias)
{
    return meta().objects().all().using_(alias)
        .getOrCreate(Q({{u"app_label"_s, model.appLabel()}, {u"model"_s, model.modelName()}}))
        .first;
}

Model ContentTypes::getForId(const QVariant &id, const QString &alias)
{
    return meta().objects().all().using_(alias).get(Q(u"pk"_s, id));
}

const ModelMeta *ContentTypes::modelClass(const Model &contentType)
{
    return Registry::instance().model(contentType.value(u"app_label"_s).toString(), contentType.value(u"model"_s).toString());
}

QString ContentTypes::appLabeledName(const Model &contentType)
{
    const ModelMeta *model = modelClass(contentType);
    if (!model)
        return contentType.value(u"model"_s).toString();
    const QString app = model->app() ? model->app()->verboseName() : model->appLabel();
    return app + u" | "_s + model->verboseName();
}

bool ContentTypes::tableExists(const QString &alias)
{
    return SchemaEditor(Connection::get(alias)).tableExists(u"django_content_type"_s);
}

QList<Model> ContentTypes::createContentTypes(const AppConfig &app, const QString &alias, int verbosity)
{
    if (app.models().isEmpty() || !Registry::instance().app(u"contenttypes"_s) || !tableExists(alias))
        return {};
    const ModelMeta &ct = meta();
    QSet<QString> existing;
    for (const QVariant &name : ct.objects().all().using_(alias).filter(Q(u"app_label"_s, app.label())).valuesListFlat(u"model"_s))
        existing.insert(name.toString());
    QList<Model> missing;
    for (const ModelMeta *model : app.models()) {
        if (existing.contains(model->modelName()))
            continue;
        Model row(&ct);
        row.setValue(u"app_label"_s, app.label());
        row.setValue(u"model"_s, model->modelName());
        missing.append(row);
    }
    if (missing.isEmpty())
        return {};
    missing = ct.objects().all().using_(alias).bulkCreate(std::move(missing));
    if (verbosity >= 2)
        for (const Model &row : missing)
            qCInfo(lcContrib, "Adding content type '%s | %s'", qPrintable(app.label()), qPrintable(row.value(u"model"_s).toString()));
    return missing;
}

} // namespace quango
