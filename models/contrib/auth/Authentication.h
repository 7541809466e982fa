#pragma once
#include "orm/Model.h"
#include <QString>
#include <optional>

namespace quango {

// Django's authenticate() through ModelBackend, plus throttling: after
// `maxFailures` failed attempts for one username within `window`, further
// attempts are refused (even with the right password) until the oldest failure
// leaves the window. Failures are counted in this process's memory, per
// username — also for usernames that do not exist, so the lockout does not tell
// them apart; a restart forgets them.
// Timing: an unknown username costs one hash like a known one (Django runs the
// hasher on a dummy user), and a locked-out attempt one hash as well.
class Authentication {
public:
    struct Throttle {
        int maxFailures = 5;
        int windowSeconds = 300;
    };
    static Throttle throttle();
    static void setThrottle(Throttle throttle);

    // The active user with this username and password, else nullopt. A hash
    // with outdated settings is redone and saved on success.
    static std::optional<Model> authenticate(const QString &username, const QString &password);
    static bool isLockedOut(const QString &username);
    // Failures counted for `username` in the window.
    static int failureCount(const QString &username);
    // Forget the failures of one username (an empty one: of all).
    static void resetFailures(const QString &username = {});
    // Django's update_last_login (the user_logged_in receiver): last_login = now, saved.
    static void updateLastLogin(Model &user);
};

} // namespace quango
