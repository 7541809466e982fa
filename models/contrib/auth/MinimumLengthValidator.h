#pragma once
#include "contrib/auth/PasswordValidator.h"

namespace quango {

// Django's MinimumLengthValidator (length in code points, default 8).
class MinimumLengthValidator : public PasswordValidator {
public:
    explicit MinimumLengthValidator(int minLength = 8) : m_minLength(minLength) {}
    QStringList validate(const QString &password, const Model *user = nullptr) const override;
    QString helpText() const override;

private:
    int m_minLength;
};

} // namespace quango
