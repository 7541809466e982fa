#pragma once
#include <QLoggingCategory>

// The admin's view logic (list pages, their queries and writes).
Q_DECLARE_LOGGING_CATEGORY(lcAdmin)
