#pragma once
#include <QList>
#include <QString>

namespace quango {

// Django's ReadOnlyPasswordHashWidget without the widget: what the record
// form of a user shows instead of the stored hash. A usable hash gives its
// hasher's safe summary (algorithm, iterations, salt and hash masked past
// their first 6 characters); an empty or unusable ("!...") one "No password
// set."; anything else "Invalid password format or unknown hashing algorithm."
class PasswordHashSummary {
public:
    struct Entry {
        QString label;
        QString value;     // empty for a message without a value
    };

    static QList<Entry> entries(const QString &encoded);
    // "algorithm: pbkdf2_sha256 iterations: 600000 salt: abcdef****** hash: xyzabc******",
    // the entries as Django's template joins them.
    static QString text(const QString &encoded);
    // The same with the labels in <strong>, values escaped, for a rich-text label.
    static QString html(const QString &encoded);
    // UserChangeForm's help text under the summary.
    static QString helpText();
};

} // namespace quango
