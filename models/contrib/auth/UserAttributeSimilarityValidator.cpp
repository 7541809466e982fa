#include "contrib/auth/UserAttributeSimilarityValidator.h"
#include "orm/Exceptions.h"
#include "orm/Model.h"
#include <QHash>
#include <QRegularExpression>

namespace quango {

using namespace Qt::Literals::StringLiterals;

UserAttributeSimilarityValidator::UserAttributeSimilarityValidator(QStringList userAttributes, double maxSimilarity)
    : m_attributes(std::move(userAttributes)), m_maxSimilarity(maxSimilarity)
{
    if (maxSimilarity < 0.1)
        throw ImproperlyConfigured(u"max_similarity must be at least 0.1"_s);
}

double UserAttributeSimilarityValidator::quickRatio(const QString &a, const QString &b)
{
    const QList<uint> ua = a.toUcs4(), ub = b.toUcs4();
    if (ua.isEmpty() && ub.isEmpty())
        return 1.0;
    QHash<uint, int> available;
    for (uint c : ub)
        ++available[c];
    int matches = 0;
    for (uint c : ua) {
        auto it = available.find(c);
        if (it != available.end() && *it > 0) {
            --*it;
            ++matches;
        }
    }
    return 2.0 * matches / double(ua.size() + ub.size());
}

namespace {
// Django's exceeds_maximum_length_ratio: a password ten times longer than a
// short value cannot be "similar" to it; skipping saves the comparison.
bool exceedsMaximumLengthRatio(qsizetype passwordLength, double maxSimilarity, qsizetype valueLength)
{
    const double lengthBoundSimilarity = maxSimilarity / 2 * double(passwordLength);
    return passwordLength >= 10 * valueLength && double(valueLength) < lengthBoundSimilarity;
}
} // namespace

QStringList UserAttributeSimilarityValidator::validate(const QString &password, const Model *user) const
{
    if (!user || !user->isValid())
        return {};
    static const QRegularExpression nonWord(u"\\W+"_s, QRegularExpression::UseUnicodePropertiesOption);
    const QString lower = password.toLower();
    const qsizetype passwordLength = lower.toUcs4().size();
    for (const QString &attribute : m_attributes) {
        const Field *field = user->meta()->field(attribute);
        if (!field)
            continue;
        const QVariant raw = user->value(attribute);
        if (raw.metaType().id() != QMetaType::QString || raw.toString().isEmpty())
            continue;
        const QString value = raw.toString().toLower();
        QStringList parts = value.split(nonWord);
        parts << value;
        for (const QString &part : parts) {
            if (exceedsMaximumLengthRatio(passwordLength, m_maxSimilarity, part.toUcs4().size()))
                continue;
            if (quickRatio(lower, part) >= m_maxSimilarity)
                return {u"The password is too similar to the %1."_s.arg(field->verboseName())};
        }
    }
    return {};
}

QString UserAttributeSimilarityValidator::helpText() const
{
    return u"Your password can\u2019t be too similar to your other personal information."_s;
}

} // namespace quango
