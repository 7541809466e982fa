#include "orm/fields/BigAutoField.h"
#include <limits>

namespace quango {

qlonglong BigAutoField::minimum() const { return std::numeric_limits<qlonglong>::min(); }
qlonglong BigAutoField::maximum() const { return std::numeric_limits<qlonglong>::max(); }

} // namespace quango
