#include "db/Logging.h"

Q_LOGGING_CATEGORY(lcDb, "quango.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOrm, "quango.orm", QtInfoMsg)
