#pragma once
#include "orm/Model.h"
#include <QSet>
#include <QString>
#include <QVariant>

namespace quango {

class ModelMeta;

// The user the admin window works for, with Django's ModelAdmin permission
// checks (has_add/change/delete/view_permission). The permissions are read
// once, when the user logs in, as Django reads them once per request: a grant
// made while the window is open takes effect at the next login.
//
// A default-constructed AdminUser is "nobody logged in": the window runs
// without the auth app, and has no user to check or to log against.
class AdminUser {
public:
    AdminUser() = default;
    explicit AdminUser(const Model &user);

    bool isValid() const { return m_user.isValid(); }
    const Model &user() const { return m_user; }
    QVariant id() const { return m_user.isValid() ? m_user.pk() : QVariant(); }
    QString username() const;

    // Django's get_permission_codename: "blog.change_post" for ("change", Post).
    static QString permissionName(const QString &action, const ModelMeta &model);
    // `action` is "add", "change", "delete" or "view". Active superusers have
    // every permission, inactive users none (UserService::hasPerm).
    bool hasPermission(const QString &action, const ModelMeta &model) const;
    // Django's has_view_permission: the view or the change permission.
    bool hasViewPermission(const ModelMeta &model) const;

private:
    Model m_user;
    QSet<QString> m_permissions;
    bool m_superuser = false;
};

} // namespace quango
