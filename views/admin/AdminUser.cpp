#include "views/admin/AdminUser.h"
#include "contrib/auth/UserService.h"
#include "orm/ModelMeta.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

AdminUser::AdminUser(const Model &user) : m_user(user)
{
    if (!m_user.isValid())
        return;
    const bool active = m_user.value(u"is_active"_s).toBool();
    m_superuser = active && m_user.value(u"is_superuser"_s).toBool();
    // A superuser's permissions are not read: hasPerm grants them all, also
    // those of models whose permission rows do not exist yet.
    if (!m_superuser)
        m_permissions = UserService::allPermissions(m_user);
}

QString AdminUser::username() const
{
    return m_user.isValid() ? m_user.value(u"username"_s).toString() : QString();
}

QString AdminUser::permissionName(const QString &action, const ModelMeta &model)
{
    return model.appLabel() + u'.' + action + u'_' + model.modelName();
}

bool AdminUser::hasPermission(const QString &action, const ModelMeta &model) const
{
    return m_superuser || m_permissions.contains(permissionName(action, model));
}

bool AdminUser::hasViewPermission(const ModelMeta &model) const
{
    return hasPermission(u"view"_s, model) || hasPermission(u"change"_s, model);
}

} // namespace quango
