#pragma once
#include "contrib/auth/PasswordValidator.h"
#include <QSet>

namespace quango {

// Django's CommonPasswordValidator over Django's own list of common passwords
// (about 20,000, compiled in); the check ignores case and surrounding spaces.
class CommonPasswordValidator : public PasswordValidator {
public:
    CommonPasswordValidator();
    // A project's own list, one password per element (lowercase).
    explicit CommonPasswordValidator(QSet<QString> passwords) : m_passwords(std::move(passwords)) {}
    QStringList validate(const QString &password, const Model *user = nullptr) const override;
    QString helpText() const override;
    // The built-in list (loaded once).
    static const QSet<QString> &defaultPasswords();

private:
    QSet<QString> m_passwords;
};

} // namespace quango
