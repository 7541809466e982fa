#include "contrib/auth/PasswordValidation.h"
#include "contrib/auth/CommonPasswordValidator.h"
#include "contrib/auth/MinimumLengthValidator.h"
#include "contrib/auth/NumericPasswordValidator.h"
#include "contrib/auth/UserAttributeSimilarityValidator.h"
#include "orm/Exceptions.h"
#include <QMutex>
#include <optional>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
QMutex g_mutex;
std::optional<PasswordValidation::Validators> g_validators;
}

PasswordValidation::Validators PasswordValidation::defaultValidators()
{
    return {std::make_shared<UserAttributeSimilarityValidator>(), std::make_shared<MinimumLengthValidator>(),
            std::make_shared<CommonPasswordValidator>(), std::make_shared<NumericPasswordValidator>()};
}

PasswordValidation::Validators PasswordValidation::validators()
{
    QMutexLocker lock(&g_mutex);
    if (!g_validators)
        g_validators = defaultValidators();
    return *g_validators;
}

void PasswordValidation::setValidators(Validators validators)
{
    QMutexLocker lock(&g_mutex);
    g_validators = std::move(validators);
}

QStringList PasswordValidation::passwordErrors(const QString &password, const Model *user, const Validators &given)
{
    QStringList errors;
    for (const auto &validator : given.isEmpty() ? validators() : given)
        errors << validator->validate(password, user);
    return errors;
}

void PasswordValidation::validatePassword(const QString &password, const Model *user, const Validators &given)
{
    const QStringList errors = passwordErrors(password, user, given);
    if (!errors.isEmpty())
        throw ValidationError(QMap<QString, QStringList>{{u"password"_s, errors}});
}

QStringList PasswordValidation::helpTexts(const Validators &given)
{
    QStringList texts;
    for (const auto &validator : given.isEmpty() ? validators() : given)
        texts << validator->helpText();
    return texts;
}

} // namespace quango
