#include "app/commands/InteractiveMigrationQuestioner.h"
#include "migrations/MigrationError.h"
#include <QJsonArray>
#include <QJsonDocument>

namespace quango {

QVariant InteractiveMigrationQuestioner::parseValue(const QString &text)
{
    // Wrapped in an array so that scalars parse too.
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toUtf8() + "]");
    if (doc.isArray() && doc.array().size() == 1)
        return doc.array().at(0).toVariant();
    return text;
}

QString InteractiveMigrationQuestioner::readLine(bool &ok)
{
    m_out.flush();
    const QString line = m_in.readLine();
    ok = !line.isNull();
    return line.trimmed();
}

int InteractiveMigrationQuestioner::choice(const QString &question, const QStringList &choices)
{
    m_out << question << "\n";
    for (qsizetype i = 0; i < choices.size(); ++i)
        m_out << " " << (i + 1) << ") " << choices.at(i) << "\n";
    m_out << "Select an option: ";
    for (;;) {
        bool ok = false;
        const QString answer = readLine(ok);
        if (!ok)
            return 0;
        const int value = answer.toInt(&ok);
        if (ok && value > 0 && value <= choices.size())
            return value;
        m_out << "Please select a valid option: ";
    }
}

bool InteractiveMigrationQuestioner::yesNo(const QString &question)
{
    m_out << question << " ";
    for (;;) {
        bool ok = false;
        const QString answer = readLine(ok);
        if (!ok || answer.isEmpty())
            return false;
        const QChar first = answer.at(0).toLower();
        if (first == QLatin1Char('y') || first == QLatin1Char('n'))
            return first == QLatin1Char('y');
        m_out << "Please answer yes or no: ";
    }
}

std::optional<QVariant> InteractiveMigrationQuestioner::askDefault()
{
    m_out << "Please enter the default value as JSON (0, 1.5, true, \"text\") or as plain text.\n"
             "Type 'exit' to exit this prompt\n";
    for (;;) {
        m_out << ">>> ";
        bool ok = false;
        const QString answer = readLine(ok);
        if (!ok || answer == QLatin1String("exit"))
            return std::nullopt;
        if (answer.isEmpty()) {
            m_out << "Please enter some code, or 'exit' (without quotes) to exit.\n";
            continue;
        }
        return parseValue(answer);
    }
}

std::optional<QVariant> InteractiveMigrationQuestioner::askNotNullAddition(const QString &appLabel, const QString &model, const QString &field)
{
    if (const std::optional<QVariant> flag = flagDefault(appLabel, model, field))
        return flag;
    const int picked = choice(QStringLiteral("It is impossible to add a non-nullable field '%1' to %2 without specifying a default. "
                                             "This is because the database needs something to populate existing rows.\nPlease select a fix:")
                                  .arg(field, model.toLower()),
                              {QStringLiteral("Provide a one-off default now (will be set on all existing rows with a null value for this column)"),
                               QStringLiteral("Quit and manually define a default value in the model.")});
    if (picked == 1)
        return askDefault();
    return std::nullopt;
}

std::optional<QVariant> InteractiveMigrationQuestioner::askNotNullAlteration(const QString &appLabel, const QString &model, const QString &field)
{
    if (const std::optional<QVariant> flag = flagDefault(appLabel, model, field))
        return flag;
    const int picked = choice(QStringLiteral("It is impossible to change a nullable field '%1' on %2 to non-nullable without providing a default. "
                                             "This is because the database needs something to populate existing rows.\nPlease select a fix:")
                                  .arg(field, model.toLower()),
                              {QStringLiteral("Provide a one-off default now (will be set on all existing rows with a null value for this column)"),
                               QStringLiteral("Ignore for now. Existing rows that contain NULL values will have to be handled manually, "
                                              "for example with a RunSQL operation."),
                               QStringLiteral("Quit and manually define a default value in the model.")});
    if (picked == 1) {
        if (std::optional<QVariant> value = askDefault())
            return value;
    } else if (picked == 2) {
        return std::nullopt;
    }
    throw MigrationError(QStringLiteral("Stopped: the nullable field '%1.%2.%3' becomes non-nullable without a default. "
                                        "Give it a default in the model, or run makemigrations again.")
                             .arg(appLabel, model, field));
}

bool InteractiveMigrationQuestioner::askRenameField(const QString &appLabel, const QString &model, const QString &oldName, const QString &newName,
                                                    const QString &fieldType)
{
    if (MigrationQuestioner::askRenameField(appLabel, model, oldName, newName, fieldType))
        return true;
    const QString lower = model.toLower();
    return yesNo(QStringLiteral("Was the field %1.%2 renamed to %1.%3 (a %4)? [y/N]").arg(lower, oldName, newName, fieldType));
}

bool InteractiveMigrationQuestioner::askRenameModel(const QString &appLabel, const QString &oldName, const QString &newName)
{
    if (MigrationQuestioner::askRenameModel(appLabel, oldName, newName))
        return true;
    return yesNo(QStringLiteral("Was the model %1.%2 renamed to %3? [y/N]").arg(appLabel, oldName, newName));
}

} // namespace quango
