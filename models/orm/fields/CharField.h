#pragma once
#include "orm/Field.h"

namespace quango {

// Text with a maximum length ("varchar(max_length)"). The length counts
// characters (code points), as Python's len() does.
class CharField : public Field {
public:
    CharField(QString name, int maxLength, FieldOptions options = {})
        : Field(std::move(name), std::move(options)), m_maxLength(maxLength) {}
    QString internalType() const override { return QStringLiteral("CharField"); }
    QVariantMap typeParameters() const override { return {{QStringLiteral("max_length"), m_maxLength}}; }
    int maxLength() const { return m_maxLength; }
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;

protected:
    // Django's MaxLengthValidator.
    QStringList typeValidationErrors(const QVariant &value) const override;

    int m_maxLength;
};

} // namespace quango
