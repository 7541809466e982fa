#include "views/admin/ModelIndex.h"
#include "apps/AppConfig.h"
#include "apps/Registry.h"
#include "orm/ModelMeta.h"
#include "utils/Text.h"
#include <QRegularExpression>

namespace quango {

namespace {
QStringList words(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.split(space, Qt::SkipEmptyParts);
}

// 0: the name starts with the text; 1: a word of the name does; 2: other matches.
int rank(const ModelIndex::Entry &entry, const QString &text)
{
    const QString wanted = text.trimmed();
    if (entry.name.startsWith(wanted, Qt::CaseInsensitive) || entry.label.startsWith(wanted, Qt::CaseInsensitive))
        return 0;
    const QString objectName = entry.label.section(QLatin1Char('.'), 1);
    if (objectName.startsWith(wanted, Qt::CaseInsensitive))
        return 0;
    for (const QString &word : words(entry.name))
        if (word.startsWith(wanted, Qt::CaseInsensitive))
            return 1;
    return 2;
}
} // namespace

ModelIndex::Entry ModelIndex::entryFor(const ModelMeta &model)
{
    Entry entry;
    entry.label = model.label();
    entry.name = capFirst(model.verboseNamePlural());
    entry.verboseName = model.verboseName();
    entry.appLabel = model.appLabel();
    entry.appName = model.app() ? model.app()->verboseName() : model.appLabel();
    return entry;
}

ModelIndex::ModelIndex(const Registry &registry, const std::function<bool(const ModelMeta &)> &visible)
{
    for (AppConfig *app : registry.apps())
        for (const ModelMeta *model : app->models())
            if (!visible || visible(*model))
                m_entries.append(entryFor(*model));
}

bool ModelIndex::matches(const Entry &entry, const QString &text)
{
    const QString haystack = QStringList{entry.name, entry.verboseName, entry.label}.join(QLatin1Char('\n'));
    for (const QString &word : words(text))
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

QList<ModelIndex::Entry> ModelIndex::search(const QString &text) const
{
    if (text.trimmed().isEmpty())
        return m_entries;
    QList<Entry> ranked[3];
    for (const Entry &entry : m_entries)
        if (matches(entry, text))
            ranked[rank(entry, text)].append(entry);
    return ranked[0] + ranked[1] + ranked[2];
}

} // namespace quango
