#pragma once
#include "orm/fields/CharField.h"

namespace quango {

// A CharField (max_length 200) checked by Django's URLValidator (http, https,
// ftp, ftps): "Enter a valid URL."
class URLField : public CharField {
public:
    URLField(QString name, FieldOptions options = {}, int maxLength = 200);
    QString internalType() const override { return QStringLiteral("URLField"); }
    static bool isValidUrl(const QString &value);
};

} // namespace quango
