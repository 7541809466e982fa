#pragma once
#include "orm/Field.h"

namespace quango {

class CharField : public Field {
public:
    CharField(QString name, int maxLength, FieldOptions options = {})
        : Field(std::move(name), std::move(options)), m_maxLength(maxLength) {}
    QString internalType() const override { return QStringLiteral("CharField"); }
    QVariantMap typeParameters() const override { return {{QStringLiteral("max_length"), m_maxLength}}; }
    int maxLength() const { return m_maxLength; }
    QVariant clean(const QVariant &value) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QStringList validate(const QVariant &value) const override;

protected:
    int m_maxLength;
};

} // namespace quango
