#pragma once
#include "orm/Field.h"

namespace quango {

// Django's RegexValidator: a validator that accepts empty values and values
// matching `pattern` (case-insensitive), and otherwise returns `message`.
Validator patternValidator(const QString &pattern, const QString &message);

} // namespace quango
