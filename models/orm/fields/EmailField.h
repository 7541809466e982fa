#pragma once
#include "orm/fields/CharField.h"

namespace quango {

// A CharField (max_length 254) checked by Django's EmailValidator:
// "Enter a valid email address."
class EmailField : public CharField {
public:
    EmailField(QString name, FieldOptions options = {}, int maxLength = 254);
    QString internalType() const override { return QStringLiteral("EmailField"); }
    // Django's EmailValidator on its own (empty text is left to blank=).
    static bool isValidEmail(const QString &value);
};

} // namespace quango
