#pragma once
#include "views/admin/ModelAdmin.h"
#include <QHash>
#include <QList>
#include <QString>
#include <functional>

namespace quango {

class ModelMeta;
class Registry;

// Django's AdminSite: the ModelAdmin of each model. Every model of the
// registry is on the site; those registered without options (or not at all)
// get Django's defaults, so a new model works in the admin at once.
class AdminSite {
public:
    explicit AdminSite(const Registry &registry);

    // Checks the options against the model (ModelAdmin::check) and keeps them.
    // Throws ImproperlyConfigured for an unknown model or invalid options.
    void registerModel(const QString &label, const ModelAdmin &admin = {});
    void unregisterModel(const QString &label);
    bool isRegistered(const QString &label) const;

    // Django's admin.py of an app: a function that registers the app's
    // models on a site. Apps add theirs once (at start-up, where they are
    // installed); autodiscover() runs those of the apps in the registry, as
    // django.contrib.admin.autodiscover() imports each app's admin module.
    // The auth app's UserAdmin and GroupAdmin are there from the start.
    using AppAdmin = std::function<void(AdminSite &site)>;
    static void addAppAdmin(const QString &appLabel, AppAdmin registerModels);
    void autodiscover();

    // The options with defaults filled in, for any model of the registry.
    ModelAdmin modelAdmin(const ModelMeta &model) const;
    const Registry &registry() const { return m_registry; }

private:
    const Registry &m_registry;
    QHash<const ModelMeta *, ModelAdmin> m_admins;
};

} // namespace quango
