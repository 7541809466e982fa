#include "contrib/auth/UserService.h"
#include "apps/Registry.h"
#include "contrib/auth/Passwords.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

const ModelMeta &UserService::userMeta() { return Registry::instance().modelOrThrow(u"auth.User"_s); }

QString UserService::normalizeEmail(const QString &email)
{
    // Django: `email = email or ""`; a NULL would break the NOT NULL column.
    if (email.isEmpty())
        return u""_s;
    const qsizetype at = email.lastIndexOf(u'@');
    if (at < 0)
        return email;
    return email.left(at) + u'@' + email.mid(at + 1).toLower();
}

namespace {
Model makeUser(const QString &username, const QString &email, const QString &password, const Assignments &extra)
{
    if (username.isEmpty())
        throw ValidationError(QMap<QString, QStringList>{{u"username"_s, {u"The given username must be set"_s}}});
    Model user(&UserService::userMeta());
    user.setValue(u"username"_s, username);
    user.setValue(u"email"_s, UserService::normalizeEmail(email));
    for (const auto &[name, value] : extra)
        user.setValue(name, value.value());
    UserService::setPassword(user, password);
    user.save();
    return user;
}

bool assignedFalse(const Assignments &extra, const QString &name)
{
    for (const auto &[key, value] : extra)
        if (key == name && !value.value().toBool())
            return true;
    return false;
}
} // namespace

Model UserService::createUser(const QString &username, const QString &email, const QString &password, const Assignments &extra)
{
    return makeUser(username, email, password, extra);
}

Model UserService::createSuperuser(const QString &username, const QString &email, const QString &password, const Assignments &extra)
{
    if (assignedFalse(extra, u"is_staff"_s))
        throw ValidationError(u"Superuser must have is_staff=True."_s);
    if (assignedFalse(extra, u"is_superuser"_s))
        throw ValidationError(u"Superuser must have is_superuser=True."_s);
    Assignments all = extra;
    all.append({u"is_staff"_s, true});
    all.append({u"is_superuser"_s, true});
    return makeUser(username, email, password, all);
}

Model UserService::getByNaturalKey(const QString &username)
{
    return userMeta().objects().get(Q(u"username"_s, username));
}

void UserService::setPassword(Model &user, const QString &password)
{
    user.setValue(u"password"_s, Passwords::makePassword(password));
}

void UserService::setUnusablePassword(Model &user) { user.setValue(u"password"_s, Passwords::makeUnusablePassword()); }

bool UserService::hasUsablePassword(const Model &user)
{
    return Passwords::isPasswordUsable(user.value(u"password"_s).toString());
}

bool UserService::checkPassword(Model &user, const QString &password)
{
    return Passwords::checkPassword(password, user.value(u"password"_s).toString(), [&user](const QString &raw) {
        setPassword(user, raw);
        if (!user.isAdding())
            user.save({.updateFields = {u"password"_s}});
    });
}

namespace {
QSet<QString> permissionNames(const QuerySet &permissions)
{
    QSet<QString> names;
    for (const QVariantList &row : permissions.valuesList({u"content_type__app_label"_s, u"codename"_s}))
        names.insert(row.at(0).toString() + u'.' + row.at(1).toString());
    return names;
}

bool isActive(const Model &user) { return user.isValid() && user.value(u"is_active"_s).toBool(); }
bool isActiveSuperuser(const Model &user) { return isActive(user) && user.value(u"is_superuser"_s).toBool(); }
} // namespace

// ModelBackend: an inactive user (or one not saved yet) has no permissions.
QSet<QString> UserService::userPermissions(const Model &user)
{
    if (!isActive(user) || user.isAdding())
        return {};
    const ModelMeta &permission = Registry::instance().modelOrThrow(u"auth.Permission"_s);
    if (isActiveSuperuser(user))
        return permissionNames(permission.objects().all());
    return permissionNames(permission.objects().filter(Q(u"user"_s, user.pk())));
}

QSet<QString> UserService::groupPermissions(const Model &user)
{
    if (!isActive(user) || user.isAdding())
        return {};
    const ModelMeta &permission = Registry::instance().modelOrThrow(u"auth.Permission"_s);
    if (isActiveSuperuser(user))
        return permissionNames(permission.objects().all());
    return permissionNames(permission.objects().filter(Q(u"group__user"_s, user.pk())));
}

QSet<QString> UserService::allPermissions(const Model &user)
{
    return userPermissions(user) | groupPermissions(user);
}

bool UserService::hasPerm(const Model &user, const QString &perm)
{
    if (isActiveSuperuser(user))
        return true;
    return allPermissions(user).contains(perm);
}

bool UserService::hasPerms(const Model &user, const QStringList &perms)
{
    if (isActiveSuperuser(user))
        return true;
    const QSet<QString> granted = allPermissions(user);
    for (const QString &perm : perms)
        if (!granted.contains(perm))
            return false;
    return true;
}

bool UserService::hasModulePerms(const Model &user, const QString &appLabel)
{
    if (isActiveSuperuser(user))
        return true;
    const QString prefix = appLabel + u'.';
    for (const QString &perm : allPermissions(user))
        if (perm.startsWith(prefix))
            return true;
    return false;
}

} // namespace quango
