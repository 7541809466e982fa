#pragma once
#include <QList>
#include <QString>
#include <functional>

namespace quango {

class ModelMeta;
class Registry;

// Every model the admin user may view, by the names people look for it under:
// what the sidebar filter and the Ctrl+K jump dialog search. Plain data and
// matching, no widgets, so the matching is tested on its own.
class ModelIndex {
public:
    struct Entry {
        QString label;        // "blog.Post"
        QString name;         // verbose_name_plural, capitalised: "Posts"
        QString verboseName;  // "post"
        QString appLabel;     // "blog"
        QString appName;      // the app's verbose name: "Blog"
    };

    // The models of `registry` that `visible` accepts (all when it is empty),
    // in the registry's order: apps as installed, models as declared.
    explicit ModelIndex(const Registry &registry, const std::function<bool(const ModelMeta &)> &visible = {});

    const QList<Entry> &entries() const { return m_entries; }
    // The entries that match `text`, best first: a name starting with it, then
    // a word of the name starting with it, then any other match; registry
    // order within each. Empty text: every entry.
    QList<Entry> search(const QString &text) const;

    // Whether every word of `text` (case-insensitive) appears in the entry's
    // verbose_name_plural, verbose_name, object name or "app.Model" label.
    static bool matches(const Entry &entry, const QString &text);
    static Entry entryFor(const ModelMeta &model);

private:
    QList<Entry> m_entries;
};

} // namespace quango
