#include "orm/fields/BigIntegerField.h"
#include <limits>

namespace quango {

qlonglong BigIntegerField::minimum() const { return std::numeric_limits<qlonglong>::min(); }
qlonglong BigIntegerField::maximum() const { return std::numeric_limits<qlonglong>::max(); }

} // namespace quango
