#pragma once
#include "contrib/auth/PasswordValidation.h"
#include "orm/Model.h"
#include "views/admin/AdminUser.h"
#include "views/admin/SetPasswordMixin.h"
#include <QMap>
#include <QString>
#include <QStringList>

namespace quango {

// Django's AdminPasswordChangeForm with UserAdmin.user_change_password around
// it: two password fields (kept as typed, never stripped); "This field is
// required." on an empty one; on password2 the mismatch message, or else
// every password validator's message for the user's own attributes (all of
// it SetPasswordMixin's, which the user add form shares). save()
// sets the new hash and saves the user through the ORM (signals run) and
// writes the admin log's "Changed password." entry, in one transaction.
// Only an admin with the change permission on auth.User may save.
class AdminPasswordChangeForm : public SetPasswordMixin {
public:
    // `user` is a stored auth.User; `admin` the one changing its password.
    // No validators given: the project's (PasswordValidation::validators()).
    AdminPasswordChangeForm(const Model &user, const AdminUser &admin,
                            PasswordValidation::Validators validators = {});

    const Model &user() const { return m_user; }
    // UserAdmin.has_change_permission for auth.User.
    bool isPermitted() const;
    // Why an admin without that permission is refused (empty when permitted).
    QString permissionError() const;

    // password1Label(), password2Label(), password2HelpText(),
    // mismatchMessage(), requiredMessage(): SetPasswordMixin's.
    // password1's help: the validators' help texts, one per line.
    QString password1HelpText() const;
    // The admin log's change_message: [{"changed": {"fields": ["password"]}}]
    // (Django's construct_change_message for this form: its changed_data is
    // ["password"], a name that is no field of the form, so it stays lower-case).
    static QString changeMessage();

    // Django's is_valid: errors by "password1", "password2" and "__all__".
    bool isValid(const QString &password1, const QString &password2);
    const QMap<QString, QStringList> &errors() const { return m_errors; }
    QStringList fieldErrors(const QString &name) const { return m_errors.value(name); }
    QStringList nonFieldErrors() const;

    // isValid, then the new password saved and logged. False with errors()
    // when invalid, refused (no permission: a non-field error naming it) or
    // when a pre_save receiver raised ValidationError; the ORM's other errors
    // (DatabaseError, DoesNotExist for a user deleted meanwhile) are thrown.
    // After a save user() is the saved row.
    bool save(const QString &password1, const QString &password2);

private:
    Model m_user;
    AdminUser m_admin;
    PasswordValidation::Validators m_validators;
    QMap<QString, QStringList> m_errors;
};

} // namespace quango
