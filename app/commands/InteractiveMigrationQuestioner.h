#pragma once
#include "migrations/MigrationQuestioner.h"
#include <QTextStream>

namespace quango {

// Django's InteractiveMigrationQuestioner: what makemigrations asks on a
// terminal. Answers given as flags (--default, --rename) are used without
// asking; everything else is a prompt on `out` read from `in` (a QTextStream,
// so tests feed the answers). End of input takes the safe answer: no rename,
// no default.
class InteractiveMigrationQuestioner : public MigrationQuestioner {
public:
    InteractiveMigrationQuestioner(QTextStream &in, QTextStream &out) : m_in(in), m_out(out) {}

    std::optional<QVariant> askNotNullAddition(const QString &appLabel, const QString &model, const QString &field) override;
    std::optional<QVariant> askNotNullAlteration(const QString &appLabel, const QString &model, const QString &field) override;
    bool askRenameField(const QString &appLabel, const QString &model, const QString &oldName, const QString &newName,
                        const QString &fieldType = {}) override;
    bool askRenameModel(const QString &appLabel, const QString &oldName, const QString &newName) override;

    // A typed default: JSON when it parses (0, 1.5, true, "x", null), else the text itself.
    static QVariant parseValue(const QString &text);

private:
    // Django's _choice_input: 1-based choice, 0 at end of input.
    int choice(const QString &question, const QStringList &choices);
    // Django's _boolean_input with default No.
    bool yesNo(const QString &question);
    // Django's _ask_default; nullopt when the user types 'exit' or input ends.
    std::optional<QVariant> askDefault();
    QString readLine(bool &ok);

    QTextStream &m_in;
    QTextStream &m_out;
};

} // namespace quango
