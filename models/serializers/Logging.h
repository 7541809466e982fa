#pragma once
// Logging category of the fixture serializers ("quango.serializers"): debug
// traces of what loaddata saved, off by default; enable with
// QT_LOGGING_RULES="quango.serializers.debug=true".
#include <QLoggingCategory>

namespace quango {

Q_DECLARE_LOGGING_CATEGORY(lcSerializers)

} // namespace quango
