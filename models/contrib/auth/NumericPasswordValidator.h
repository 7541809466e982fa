#pragma once
#include "contrib/auth/PasswordValidator.h"

namespace quango {

// Django's NumericPasswordValidator: refuses a password made only of digits.
class NumericPasswordValidator : public PasswordValidator {
public:
    QStringList validate(const QString &password, const Model *user = nullptr) const override;
    QString helpText() const override;
};

} // namespace quango
