#pragma once
#include <QHash>
#include <QSet>
#include <QString>
#include <QVariant>
#include <optional>

namespace quango {

// Django's questioner: what makemigrations cannot decide alone. This base is
// the non-interactive one: answers come from flags (one-off defaults per
// "app.Model.field", renames "app.Model.old=new" and "app.Old=New"); anything
// unanswered gets the safe answer (no rename; no default, which is an error
// for a non-null field). An interactive subclass prompts instead.
class MigrationQuestioner {
public:
    virtual ~MigrationQuestioner() = default;

    // A one-off default for existing rows when adding a non-null field without
    // a default; nullopt = no answer (makemigrations stops with a message).
    virtual std::optional<QVariant> askNotNullAddition(const QString &appLabel, const QString &model, const QString &field);
    // Same when a nullable field becomes non-null without a default; nullopt =
    // leave it to the database (rows with NULL make the migration fail).
    virtual std::optional<QVariant> askNotNullAlteration(const QString &appLabel, const QString &model, const QString &field);
    // fieldType: the field's class ("CharField"), for the prompt.
    virtual bool askRenameField(const QString &appLabel, const QString &model, const QString &oldName, const QString &newName,
                                const QString &fieldType = {});
    virtual bool askRenameModel(const QString &appLabel, const QString &oldName, const QString &newName);

    // "app.Model.field" (case-insensitive model) -> value.
    void setDefault(const QString &fieldPath, const QVariant &value);
    // "app.Model.old=new" for a field, "app.Old=New" for a model.
    void addRename(const QString &spec);

protected:
    // The flags' answers only (what the interactive subclass asks before prompting).
    std::optional<QVariant> flagDefault(const QString &appLabel, const QString &model, const QString &field) const;
    bool flagRename(const QString &spec) const;

private:
    QHash<QString, QVariant> m_defaults;
    QSet<QString> m_renames;
};

} // namespace quango
