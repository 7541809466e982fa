#include "migrations/Logging.h"

Q_LOGGING_CATEGORY(lcMigrations, "quango.migrations", QtInfoMsg)
