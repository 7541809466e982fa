#pragma once
#include "apps/AppConfig.h"

namespace quango {

// Quango's own addition beside Django's admin log: the old and the new value
// of every field an admin log entry changed, in quango_history_fieldchange
// (log_entry_id, field_name, old_value, new_value). django_admin_log keeps
// only the changed fields' names; its tables stay as Django made them.
class HistoryApp : public AppConfig {
public:
    HistoryApp();
};

} // namespace quango
