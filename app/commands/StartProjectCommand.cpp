#include "app/commands/StartProjectCommand.h"
#include <QRandomGenerator>

namespace quango {

QHash<QString, QString> StartProjectCommand::extraContext(const QString &, const QString &) const
{
    // Django's get_random_secret_key: 50 characters from the system's CSPRNG,
    // here without the punctuation an INI value would need quoted.
    static const QString chars = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");
    QString key;
    for (int i = 0; i < 50; ++i)
        key += chars.at(QRandomGenerator::system()->bounded(int(chars.size())));
    return {{QStringLiteral("secret_key"), key}};
}

} // namespace quango
