#include "views/admin/AuthAdmin.h"
#include "apps/Registry.h"
#include "views/admin/AdminSite.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

ModelAdmin AuthAdmin::userAdmin()
{
    return ModelAdmin{
        .listDisplay = {u"username"_s, u"email"_s, u"first_name"_s, u"last_name"_s, u"is_staff"_s},
        .listFilter = {u"is_staff"_s, u"is_superuser"_s, u"is_active"_s},
        .searchFields = {u"username"_s, u"first_name"_s, u"last_name"_s, u"email"_s},
        .ordering = {u"username"_s},
        // The hash is never edited as text: the form shows its summary and a
        // "Change password…" dialog (AdminPasswordChangeForm).
        .readonlyFields = {u"password"_s},
        .fieldsets = {
            {{}, {u"username"_s, u"password"_s}, {}, {}},
            {u"Personal info"_s, {u"first_name"_s, u"last_name"_s, u"email"_s}, {}, {}},
            {u"Permissions"_s, {u"is_active"_s, u"is_staff"_s, u"is_superuser"_s, u"groups"_s, u"user_permissions"_s}, {}, {}},
            {u"Important dates"_s, {u"last_login"_s, u"date_joined"_s}, {}, {}},
        },
        // Django's add_fieldsets and add_form (UserCreationForm): a new user
        // gets a username and a password typed twice, validated and hashed;
        // the other fields follow on the change form after the first save.
        .addFieldsets = {{{}, {u"username"_s, u"password1"_s, u"password2"_s}, {u"wide"_s}, {}}},
        .addFormSetsPassword = true,
    };
}

ModelAdmin AuthAdmin::groupAdmin()
{
    return ModelAdmin{.searchFields = {u"name"_s}, .ordering = {u"name"_s}};
}

void AuthAdmin::registerOn(AdminSite &site)
{
    const Registry &registry = site.registry();
    if (registry.model(u"auth.User"_s))
        site.registerModel(u"auth.User"_s, userAdmin());
    if (registry.model(u"auth.Group"_s))
        site.registerModel(u"auth.Group"_s, groupAdmin());
}

} // namespace quango
