#include "views/admin/AdminSite.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "views/admin/AuthAdmin.h"
#include <QMap>

namespace quango {

namespace {
QMap<QString, AdminSite::AppAdmin> &appAdmins()
{
    static QMap<QString, AdminSite::AppAdmin> admins{{QStringLiteral("auth"), &AuthAdmin::registerOn}};
    return admins;
}
} // namespace

AdminSite::AdminSite(const Registry &registry) : m_registry(registry) {}

void AdminSite::addAppAdmin(const QString &appLabel, AppAdmin registerModels)
{
    appAdmins().insert(appLabel, std::move(registerModels));
}

void AdminSite::autodiscover()
{
    for (auto it = appAdmins().cbegin(); it != appAdmins().cend(); ++it)
        if (m_registry.app(it.key()))
            it.value()(*this);
}

void AdminSite::registerModel(const QString &label, const ModelAdmin &admin)
{
    const ModelMeta *model = m_registry.model(label);
    if (!model)
        throw ImproperlyConfigured(QStringLiteral("Cannot register '%1' on the admin site: no such model. Installed models: %2.")
                                       .arg(label, [&] {
                                           QStringList labels;
                                           for (const ModelMeta *m : m_registry.models())
                                               labels << m->label();
                                           return labels.join(QStringLiteral(", "));
                                       }()));
    admin.check(*model);
    m_admins.insert(model, admin);
}

void AdminSite::unregisterModel(const QString &label)
{
    if (const ModelMeta *model = m_registry.model(label))
        m_admins.remove(model);
}

bool AdminSite::isRegistered(const QString &label) const
{
    const ModelMeta *model = m_registry.model(label);
    return model && m_admins.contains(model);
}

ModelAdmin AdminSite::modelAdmin(const ModelMeta &model) const
{
    return m_admins.value(&model).withDefaults(model);
}

} // namespace quango
