#include "orm/fields/PositiveIntegerField.h"

namespace quango {

qlonglong PositiveIntegerField::minimum() const { return 0; }

} // namespace quango
