#include "views/admin/PasswordHashSummary.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Passwords.h"
#include <QCoreApplication>
#include <QStringList>

namespace quango {

QList<PasswordHashSummary::Entry> PasswordHashSummary::entries(const QString &encoded)
{
    if (encoded.isEmpty() || !Passwords::isPasswordUsable(encoded))
        return {{QCoreApplication::translate("PasswordHashSummary", "No password set."), {}}};
    // identify_hasher: PBKDF2-SHA256 is the one hasher here, so a hash it cannot
    // decode (another algorithm, a malformed one) has no summary.
    const QList<std::pair<QString, QString>> summary = PBKDF2PasswordHasher::safeSummary(encoded);
    if (summary.isEmpty())
        return {{QCoreApplication::translate("PasswordHashSummary", "Invalid password format or unknown hashing algorithm."), {}}};
    QList<Entry> out;
    for (const auto &[label, value] : summary)
        out << Entry{label, value};
    return out;
}

QString PasswordHashSummary::text(const QString &encoded)
{
    QStringList parts;
    for (const Entry &entry : entries(encoded))
        parts << (entry.value.isEmpty() ? entry.label : entry.label + QStringLiteral(": ") + entry.value);
    return parts.join(QLatin1Char(' '));
}

QString PasswordHashSummary::html(const QString &encoded)
{
    QStringList parts;
    for (const Entry &entry : entries(encoded))
        parts << (entry.value.isEmpty() ? QStringLiteral("<strong>%1</strong>").arg(entry.label.toHtmlEscaped())
                                        : QStringLiteral("<strong>%1</strong>: %2").arg(entry.label.toHtmlEscaped(), entry.value.toHtmlEscaped()));
    return parts.join(QLatin1Char(' '));
}

QString PasswordHashSummary::helpText()
{
    return QCoreApplication::translate("PasswordHashSummary",
                                       "Raw passwords are not stored, so there is no way to see this user\u2019s password, "
                                       "but you can change the password using the \u201cChange password\u2026\u201d button.");
}

} // namespace quango
