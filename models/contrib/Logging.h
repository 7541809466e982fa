#pragma once
// Logging category of the built-in apps ("quango.contrib"): content types and
// permissions added after migrate (verbosity 2), refused logins.
#include <QLoggingCategory>

namespace quango {

Q_DECLARE_LOGGING_CATEGORY(lcContrib)

} // namespace quango
