#pragma once
#include "orm/Exceptions.h"

namespace quango {

// Django's serializers.base.DeserializationError: a fixture that cannot be
// read or loaded. The message names the fixture file and the object, e.g.
// "Problem installing fixture 'x.json': blog.post(pk=3) field 'author': ...".
class DeserializationError : public Error {
public:
    using Error::Error;
    static DeserializationError inFixture(const QString &fixture, const QString &problem)
    {
        return DeserializationError(QStringLiteral("Problem installing fixture '%1': %2").arg(fixture, problem));
    }
};

} // namespace quango
