#include "views/admin/AdminLogin.h"
#include "contrib/admin/LogEntry.h"
#include "contrib/auth/Authentication.h"
#include "contrib/auth/UserService.h"
#include "db/Connection.h"
#include "orm/Exceptions.h"
#include "orm/ModelMeta.h"
#include "orm/Manager.h"
#include "orm/Q.h"
#include "views/admin/Logging.h"
#include <QSqlDatabase>

namespace quango {

using namespace Qt::Literals::StringLiterals;

QString AdminLogin::invalidLoginMessage()
{
    return tr("Please enter the correct username and password for a staff account. "
              "Note that both fields may be case-sensitive.");
}

QString AdminLogin::lockedOutMessage()
{
    const int minutes = qMax(1, (Authentication::throttle().windowSeconds + 59) / 60);
    return minutes == 1 ? tr("Too many failed login attempts for this username. Try again in a minute.")
                        : tr("Too many failed login attempts for this username. Try again in %1 minutes.").arg(minutes);
}

AdminLogin::Result AdminLogin::login(const QString &username, const QString &password)
{
    Result result;
    try {
        std::optional<Model> user = Authentication::authenticate(username, password);
        if (!user) {
            // authenticate() counts the failure first: the attempt that
            // reaches the limit already reads as a lockout.
            result.isLockedOut = Authentication::isLockedOut(username);
            result.error = result.isLockedOut ? lockedOutMessage() : invalidLoginMessage();
            qCInfo(lcAdmin, "Admin login refused for '%s'%s", qPrintable(username), result.isLockedOut ? " (locked out)" : "");
            return result;
        }
        // AdminAuthenticationForm.confirm_login_allowed: active staff only
        // (authenticate already refused inactive users).
        if (!user->value(u"is_staff"_s).toBool()) {
            result.error = invalidLoginMessage();
            qCInfo(lcAdmin, "Admin login refused for '%s': not staff", qPrintable(username));
            return result;
        }
        Authentication::updateLastLogin(*user);
        result.user = AdminUser(*user);
    } catch (const Error &error) {
        result.error = tr("Cannot log in: %1").arg(error.message());
        qCWarning(lcAdmin, "Admin login for '%s' failed: %s", qPrintable(username), qPrintable(error.message()));
    }
    return result;
}

bool AdminLogin::isAvailable(const QString &alias)
{
    try {
        const QStringList tables = Connection::get(alias).database().tables();
        return tables.contains(UserService::userMeta().dbTable()) && tables.contains(LogEntry::meta().dbTable());
    } catch (const Error &error) {
        qCInfo(lcAdmin, "No login: %s", qPrintable(error.message()));
        return false;
    }
}

bool AdminLogin::hasStaff(const QString &alias)
{
    try {
        return UserService::userMeta().objects().using_(alias).filter(Q(QStringLiteral("is_staff"), true) & Q(QStringLiteral("is_active"), true)).exists();
    } catch (const Error &error) {
        qCInfo(lcAdmin, "Cannot read the staff users: %s", qPrintable(error.message()));
        return false;
    }
}

QString AdminLogin::noStaffMessage()
{
    return tr("This database has no active staff user yet, so no one can log in. "
              "Create one with \u201cquango createsuperuser\u201d, then open the window again.");
}

} // namespace quango
