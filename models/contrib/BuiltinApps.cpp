#include "contrib/BuiltinApps.h"
#include "apps/Registry.h"
#include "contrib/admin/AdminApp.h"
#include "contrib/auth/AuthApp.h"
#include "contrib/authtoken/AuthTokenApp.h"
#include "contrib/contenttypes/ContentTypesApp.h"
#include "contrib/history/HistoryApp.h"

namespace quango {

void installBuiltinApps(Registry &registry)
{
    // contenttypes first: its post_migrate receiver must make the content
    // types before auth's makes the permissions pointing to them.
    if (!registry.app(QStringLiteral("contenttypes")))
        registry.addApp(std::make_shared<ContentTypesApp>());
    if (!registry.app(QStringLiteral("auth")))
        registry.addApp(std::make_shared<AuthApp>());
    if (!registry.app(QStringLiteral("admin")))
        registry.addApp(std::make_shared<AdminApp>());
    if (!registry.app(QStringLiteral("authtoken")))
        registry.addApp(std::make_shared<AuthTokenApp>());
    // After admin: its field changes point to admin log entries.
    if (!registry.app(QStringLiteral("history")))
        registry.addApp(std::make_shared<HistoryApp>());
}

} // namespace quango
