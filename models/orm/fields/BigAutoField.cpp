#include "orm/fields/BigAutoField.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <limits>
namespace quango {

qlonglong BigAutoField::minimum() const { return 1; }
qlonglong BigAutoField::maximum() const { return std::numeric_limits<qlonglong>::max(); }

} // namespace quango
