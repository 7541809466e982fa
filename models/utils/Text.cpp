#include "utils/Text.h"

namespace quango {

QString capFirst(const QString &text)
{
    if (text.isEmpty())
        return text;
    QString out = text;
    out[0] = out.at(0).toUpper();
    return out;
}

} // namespace quango
