#include "orm/fields/PatternValidator.h"
#include <QRegularExpression>

namespace quango {

Validator patternValidator(const QString &pattern, const QString &message)
{
    const QRegularExpression regex(pattern, QRegularExpression::CaseInsensitiveOption);
    return [regex, message](const QVariant &value) {
        const QString text = value.toString();
        return text.isEmpty() || regex.match(text).hasMatch() ? QString() : message;
    };
}

} // namespace quango
