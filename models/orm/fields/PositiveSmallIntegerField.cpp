#include "orm/fields/PositiveSmallIntegerField.h"

namespace quango {

// Django's integer_field_ranges["PositiveSmallIntegerField"].
qlonglong PositiveSmallIntegerField::minimum() const { return 0; }
qlonglong PositiveSmallIntegerField::maximum() const { return 32767; }

} // namespace quango
