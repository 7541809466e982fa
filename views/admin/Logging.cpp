#include "views/admin/Logging.h"

Q_LOGGING_CATEGORY(lcAdmin, "quango.admin", QtInfoMsg)
