#pragma once
#include "orm/Exceptions.h"
#include <QString>

namespace quango {

// Django's django.core.exceptions.PermissionDenied for the admin's writes:
// the user lacks the model permission an action needs. The message names the
// user, the action, the model and the permission to grant.
class PermissionDenied : public Error {
public:
    PermissionDenied(QString message, QString action, QString permission)
        : Error(std::move(message)), m_action(std::move(action)), m_permission(std::move(permission)) {}
    const QString &action() const { return m_action; }          // "add", "change", "delete", "view"
    const QString &permission() const { return m_permission; }  // "blog.change_post"

private:
    QString m_action;
    QString m_permission;
};

} // namespace quango
