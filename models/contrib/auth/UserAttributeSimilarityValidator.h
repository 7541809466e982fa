#pragma once
#include "contrib/auth/PasswordValidator.h"

namespace quango {

// Django's UserAttributeSimilarityValidator: refuses a password too close to
// the user's username, first or last name or email (or a word of them), by
// difflib.SequenceMatcher.quick_ratio() >= maxSimilarity (0.7).
class UserAttributeSimilarityValidator : public PasswordValidator {
public:
    // Throws ImproperlyConfigured for maxSimilarity below 0.1, as Django does.
    explicit UserAttributeSimilarityValidator(
        QStringList userAttributes = {QStringLiteral("username"), QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("email")},
        double maxSimilarity = 0.7);
    QStringList validate(const QString &password, const Model *user = nullptr) const override;
    QString helpText() const override;
    // SequenceMatcher(a=a, b=b).quick_ratio(): 2 * (characters in common,
    // counted with multiplicity) / (len(a) + len(b)); 1.0 for two empty strings.
    static double quickRatio(const QString &a, const QString &b);

private:
    QStringList m_attributes;
    double m_maxSimilarity;
};

} // namespace quango
