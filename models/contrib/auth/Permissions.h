#pragma once
#include "orm/ModelMeta.h"
#include <QList>
#include <QString>

namespace quango {

class AppConfig;

// Django's create_permissions (post_migrate): every model's default
// permissions "add_/change_/delete_/view_<model>" ("Can add <verbose name>")
// plus its Meta permissions, in auth_permission.
class Permissions {
public:
    // Builtin then Meta permissions of a model, as Django's _get_all_permissions.
    static QList<Permission> allPermissions(const ModelMeta &model);
    // Creates the missing content types and permissions of the app's models;
    // returns how many permissions were created. Does nothing when the auth or
    // contenttypes tables do not exist (yet). Safe to run again.
    static int createPermissions(const AppConfig &app, const QString &alias = QStringLiteral("default"), int verbosity = 1);
    // The auth.Permission row for "app_label.codename"; throws DoesNotExist.
    static Model get(const QString &appLabelDotCodename, const QString &alias = QStringLiteral("default"));
};

} // namespace quango
