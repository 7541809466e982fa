#pragma once
#include <QString>

namespace quango {

// django.utils.text.capfirst: the first character upper-cased, the rest as
// given ("date joined" -> "Date joined"), as the admin shows verbose names.
QString capFirst(const QString &text);

} // namespace quango
