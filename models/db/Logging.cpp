#include "db/Logging.h"

Q_LOGGING_CATEGORY(lcDb, "quango.db")
Q_LOGGING_CATEGORY(lcOrm, "quango.orm")
