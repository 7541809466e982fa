#pragma once
#include "orm/Exceptions.h"

namespace quango {

// A problem with the migration files or the graph (bad JSON, unknown
// operation or field type, missing dependency, cycle, conflicting leaves,
// unknown target). The message names the files involved.
class MigrationError : public Error {
    using Error::Error;
};

} // namespace quango
