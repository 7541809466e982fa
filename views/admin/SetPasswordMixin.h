#pragma once
#include "contrib/auth/PasswordValidation.h"
#include "orm/Model.h"
#include <QMap>
#include <QString>
#include <QStringList>

namespace quango {

// Django's SetPasswordMixin (django.contrib.auth.forms): the two password
// inputs of every form that sets a password, written once for both of them —
// AdminPasswordChangeForm (a stored user) and the add form of a ModelAdmin
// with addFormSetsPassword (Django's UserCreationForm, a new user).
// Passwords are taken as typed, never stripped.
class SetPasswordMixin {
public:
    // The inputs' names, as Django's forms call them.
    static constexpr const char *Password1 = "password1";
    static constexpr const char *Password2 = "password2";

    static QString password1Label();      // "Password"
    static QString password2Label();      // "Password (again)"
    static QString password2HelpText();   // "Enter the same password as before, for verification."
    static QString mismatchMessage();     // "The two password fields didn’t match."
    static QString requiredMessage();     // "This field is required."
    // password1's help: the validators' help texts, one per line (none given:
    // the project's validators).
    static QString passwordHelpText(const PasswordValidation::Validators &validators = {});

    // Django's validate_passwords and validate_password_for_user, by input
    // name: "This field is required." on an empty one; on password2 the
    // mismatch message, or else every validator's message for `user`'s own
    // attributes (a new user's as the form bound them). Empty: accepted.
    static QMap<QString, QStringList> passwordErrors(const QString &password1, const QString &password2, const Model &user,
                                                     const PasswordValidation::Validators &validators = {});
};

} // namespace quango
