#include "serializers/Logging.h"

namespace quango {

Q_LOGGING_CATEGORY(lcSerializers, "quango.serializers", QtInfoMsg)

} // namespace quango
