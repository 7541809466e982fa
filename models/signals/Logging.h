#pragma once
// Logging category of the signal dispatcher ("quango.signals").
// Warnings (exceptions caught by sendRobust) are on; connect/disconnect traces are debug messages,
// off by default: enable with QT_LOGGING_RULES="quango.signals.debug=true".
#include <QLoggingCategory>

namespace quango {

Q_DECLARE_LOGGING_CATEGORY(lcSignals)

} // namespace quango
