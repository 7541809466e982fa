#pragma once

namespace quango {

class Registry;

// Django's contrib apps Quango ships: contenttypes, auth, admin, authtoken
// (tables a database made by Django already has), and Quango's history (old
// and new values beside the admin log, in a table of its own). Installs only
// those not installed yet; call it before a project's own apps (their models
// may point to auth.User).
void installBuiltinApps(Registry &registry);

} // namespace quango
