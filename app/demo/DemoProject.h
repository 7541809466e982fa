#pragma once

namespace quango {

class Registry;

// The demo project's installed apps, in order: the built-in ones
// (installBuiltinApps), then myapi, blog, bench. Installs
// only those not yet installed, so tests may call it more than once. The
// blog app's ModelAdmins go to AdminSite::autodiscover().
void installDemoApps(Registry &registry);

} // namespace quango
