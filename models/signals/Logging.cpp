#include "Logging.h"

namespace quango {

// Debug messages (connect/disconnect traces) are off unless enabled by a logging rule.
Q_LOGGING_CATEGORY(lcSignals, "quango.signals", QtInfoMsg)

} // namespace quango
