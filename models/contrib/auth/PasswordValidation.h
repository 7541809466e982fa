#pragma once
#include "contrib/auth/PasswordValidator.h"
#include <QList>
#include <memory>

namespace quango {

// Django's password_validation module: the project's validators (by default
// Django's startproject four: similarity, minimum length 8, common, numeric).
class PasswordValidation {
public:
    using Validators = QList<std::shared_ptr<const PasswordValidator>>;
    static Validators defaultValidators();
    // The validators validatePassword() uses when given none.
    static Validators validators();
    static void setValidators(Validators validators);
    // All validators' messages, in order; empty when the password is accepted.
    static QStringList passwordErrors(const QString &password, const Model *user = nullptr, const Validators &validators = {});
    // validate_password: throws ValidationError({"password": messages}).
    static void validatePassword(const QString &password, const Model *user = nullptr, const Validators &validators = {});
    static QStringList helpTexts(const Validators &validators = {});
};

} // namespace quango
