#pragma once
#include "apps/AppConfig.h"

namespace quango {

// django.contrib.admin's model: LogEntry in django_admin_log, the history of
// what was added, changed and deleted through the admin (window or CLI).
class AdminApp : public AppConfig {
public:
    AdminApp();
};

} // namespace quango
