#include "contrib/Logging.h"

namespace quango {

Q_LOGGING_CATEGORY(lcContrib, "quango.contrib", QtInfoMsg)

} // namespace quango
