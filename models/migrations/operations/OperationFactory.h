#pragma once
#include "migrations/Operation.h"
#include <QStringList>

namespace quango {

// Turns an operation's JSON object from a migration file into an Operation.
class OperationFactory {
public:
    // Throws FieldError for an unknown "type" (listing the known ones) or bad members.
    static OperationPtr fromJson(const QJsonObject &json);
    static QStringList knownTypes();
};

} // namespace quango
