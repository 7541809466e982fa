#include "app/demo/DemoProject.h"
#include "app/demo/BenchApp.h"
#include "app/demo/BlogAdmin.h"
#include "app/demo/BlogApp.h"
#include "app/demo/MyApiApp.h"
#include "apps/Registry.h"
#include "contrib/BuiltinApps.h"
#include "views/admin/AdminSite.h"

namespace quango {

void installDemoApps(Registry &registry)
{
    // Django's contrib apps come first in INSTALLED_APPS: myapi.Profile points to auth.User.
    installBuiltinApps(registry);
    if (!registry.app(QStringLiteral("myapi")))
        registry.addApp(std::make_shared<demo::MyApiApp>());
    if (!registry.app(QStringLiteral("blog")))
        registry.addApp(std::make_shared<demo::BlogApp>());
    AdminSite::addAppAdmin(QStringLiteral("blog"), &demo::BlogAdmin::registerModels);
    if (!registry.app(QStringLiteral("bench")))
        registry.addApp(std::make_shared<demo::BenchApp>());
}

} // namespace quango
