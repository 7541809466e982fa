#include "app/AuthSettings.h"
#include "app/Settings.h"
#include "contrib/auth/Authentication.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "orm/Exceptions.h"
#include <optional>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
std::optional<int> integer(const Settings &settings, const QString &key, int minimum)
{
    const QString text = settings.string(key).trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum)
        throw ImproperlyConfigured(u"%1 must be a whole number of at least %2, not '%3' (from %4)."_s
                                       .arg(key).arg(minimum).arg(text, settings.sourceDescription(key)));
    return value;
}
} // namespace

void applyAuthSettings(const Settings &settings)
{
    if (const auto iterations = integer(settings, u"PASSWORD_ITERATIONS"_s, 1))
        PBKDF2PasswordHasher::setDefaultIterations(*iterations);
    Authentication::Throttle throttle = Authentication::throttle();
    if (const auto failures = integer(settings, u"LOGIN_MAX_FAILURES"_s, 0))
        throttle.maxFailures = *failures;
    if (const auto seconds = integer(settings, u"LOGIN_LOCKOUT_SECONDS"_s, 1))
        throttle.windowSeconds = *seconds;
    Authentication::setThrottle(throttle);
}

} // namespace quango
