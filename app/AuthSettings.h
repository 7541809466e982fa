#pragma once

namespace quango {

class Settings;

// The auth settings a project may set (file, QUANGO_<KEY>, command line):
//   PASSWORD_ITERATIONS   PBKDF2 iterations of new hashes (default 600000, Django 4.2's)
//   LOGIN_MAX_FAILURES    failed logins per username before the lockout (default 5; 0 = never)
//   LOGIN_LOCKOUT_SECONDS the window those failures are counted in (default 300)
// Unset keys keep the defaults; a value that is not a number throws
// ImproperlyConfigured naming where it came from.
void applyAuthSettings(const Settings &settings);

} // namespace quango
