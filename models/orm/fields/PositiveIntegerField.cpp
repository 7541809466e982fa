#include "orm/fields/PositiveIntegerField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"

namespace quango {

// Everything is in the header; this file keeps one .cpp per class.

} // namespace quango
