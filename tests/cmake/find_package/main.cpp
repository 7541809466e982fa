// Uses an installed Quango: a header from include/quango and the library.
#include "models/orm/Exceptions.h"

#include <cstdio>

int main()
{
    try {
        throw quango::FieldError(QStringLiteral("Cannot resolve keyword 'nope' into field"));
    } catch (const quango::FieldError &error) {
        std::printf("caught FieldError: %s\n", qPrintable(error.message()));
        return 0;
    }
    return 1;
}
