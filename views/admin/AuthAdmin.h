#pragma once
#include "views/admin/ModelAdmin.h"

namespace quango {

class AdminSite;

// django.contrib.auth.admin: UserAdmin and GroupAdmin as ModelAdmin options.
// list_filter leaves out Django's "groups": the list filters cover boolean,
// choices, ForeignKey and date fields, not ManyToMany ones.
class AuthAdmin {
public:
    static ModelAdmin userAdmin();
    static ModelAdmin groupAdmin();
    // Registers both (checked by AdminSite::registerModel) when the auth app
    // is installed; does nothing without it.
    static void registerOn(AdminSite &site);
};

} // namespace quango
