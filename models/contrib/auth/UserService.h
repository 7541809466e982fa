#pragma once
#include "orm/Model.h"
#include "orm/QuerySet.h"
#include <QSet>
#include <QString>
#include <QStringList>

namespace quango {

// What Django's User class, UserManager and ModelBackend do with a user row
// (an auth.User Model): create users, set and check passwords, permissions
// from the user's own and their groups' permissions ("app_label.codename").
class UserService {
public:
    static const ModelMeta &userMeta();
    // Django's create_user/create_superuser: the email's domain lowercased, the
    // password hashed (a null password makes it unusable), saved. `extra`
    // sets other fields (first_name, is_staff...). create_superuser refuses
    // is_staff or is_superuser set to false (ValidationError), as Django does.
    static Model createUser(const QString &username, const QString &email = {}, const QString &password = {},
                            const Assignments &extra = {});
    static Model createSuperuser(const QString &username, const QString &email, const QString &password,
                                 const Assignments &extra = {});
    // Django's normalize_email: "Ann@EXAMPLE.com" -> "Ann@example.com".
    static QString normalizeEmail(const QString &email);
    // The user with this username (case-sensitive, like get_by_natural_key); throws DoesNotExist.
    static Model getByNaturalKey(const QString &username);

    // set_password: hashes into the instance without saving.
    static void setPassword(Model &user, const QString &password);
    static void setUnusablePassword(Model &user);
    static bool hasUsablePassword(const Model &user);
    // check_password: true when it matches; an outdated hash (fewer
    // iterations, weak salt) is redone and saved (update_fields=["password"]).
    static bool checkPassword(Model &user, const QString &password);

    // PermissionsMixin: active superusers have every permission, inactive
    // users none; others the union of theirs and their groups'.
    static QSet<QString> userPermissions(const Model &user);
    static QSet<QString> groupPermissions(const Model &user);
    static QSet<QString> allPermissions(const Model &user);
    static bool hasPerm(const Model &user, const QString &perm);
    static bool hasPerms(const Model &user, const QStringList &perms);
    static bool hasModulePerms(const Model &user, const QString &appLabel);
};

} // namespace quango
