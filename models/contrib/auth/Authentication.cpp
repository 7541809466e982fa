#include "contrib/auth/Authentication.h"
#include "contrib/Logging.h"
#include "contrib/auth/Passwords.h"
#include "contrib/auth/UserService.h"
#include "orm/Manager.h"
#include "orm/QuerySet.h"
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMutex>

namespace quango {

using namespace Qt::Literals::StringLiterals;


namespace {
struct FailureLog {
    QMutex mutex;
    Authentication::Throttle throttle;
    QHash<QString, QList<qint64>> failures; // username -> monotonic ms of each failure
    QElapsedTimer clock;
    FailureLog() { clock.start(); }

    // Failures within the window, after dropping older ones (and the entry
    // when none is left, so unknown usernames do not pile up); the caller
    // holds the mutex.
    qsizetype recent(const QString &username)
    {
        auto it = failures.find(username);
        if (it == failures.end())
            return 0;
        const qint64 oldest = clock.elapsed() - qint64(throttle.windowSeconds) * 1000;
        it->removeIf([oldest](qint64 t) { return t <= oldest; });
        if (it->isEmpty()) {
            failures.erase(it);
            return 0;
        }
        return it->size();
    }
};

FailureLog &log()
{
    static FailureLog instance;
    return instance;
}
} // namespace

Authentication::Throttle Authentication::throttle()
{
    QMutexLocker lock(&log().mutex);
    return log().throttle;
}

void Authentication::setThrottle(Throttle throttle)
{
    QMutexLocker lock(&log().mutex);
    log().throttle = throttle;
}

bool Authentication::isLockedOut(const QString &username)
{
    QMutexLocker lock(&log().mutex);
    return log().throttle.maxFailures > 0 && log().recent(username) >= log().throttle.maxFailures;
}

int Authentication::failureCount(const QString &username)
{
    QMutexLocker lock(&log().mutex);
    return int(log().recent(username));
}

void Authentication::resetFailures(const QString &username)
{
    QMutexLocker lock(&log().mutex);
    if (username.isEmpty())
        log().failures.clear();
    else
        log().failures.remove(username);
}

std::optional<Model> Authentication::authenticate(const QString &username, const QString &password)
{
    if (username.isNull() || password.isNull())
        return std::nullopt;
    if (isLockedOut(username)) {
        Passwords::runDummyHash(password); // as long as a real check
        qCInfo(lcContrib, "Login refused for '%s': too many failures", qPrintable(username));
        return std::nullopt;
    }
    const std::optional<Model> found = UserService::userMeta().objects().filter(Q(u"username"_s, username)).first();
    bool ok = false;
    Model user;
    if (found) {
        user = *found;
        // ModelBackend checks the password before user_can_authenticate (is_active).
        ok = UserService::checkPassword(user, password) && user.value(u"is_active"_s).toBool();
    } else {
        Passwords::runDummyHash(password);
    }
    QMutexLocker lock(&log().mutex);
    if (!ok) {
        log().recent(username); // prune first
        log().failures[username].append(log().clock.elapsed());
        return std::nullopt;
    }
    log().failures.remove(username);
    return user;
}

void Authentication::updateLastLogin(Model &user)
{
    user.setValue(u"last_login"_s, QDateTime::currentDateTimeUtc());
    user.save({.updateFields = {u"last_login"_s}});
}

} // namespace quango
