#pragma once
#include <QString>
#include <QStringList>

namespace quango {

class Model;

// One of Django's AUTH_PASSWORD_VALIDATORS: validate() returns the messages
// for a password it refuses (empty when it accepts it); `user` may be null.
class PasswordValidator {
public:
    virtual ~PasswordValidator() = default;
    virtual QStringList validate(const QString &password, const Model *user = nullptr) const = 0;
    virtual QString helpText() const = 0;
};

} // namespace quango
