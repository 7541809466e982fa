#pragma once
#include "orm/Model.h"
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace quango {

// Django's LogEntry manager and methods: records an addition, change or
// deletion of any object with Django's change_message JSON, and reads an
// object's history back. Every admin action (window or CLI) goes through here.
class LogEntry {
public:
    enum ActionFlag { Addition = 1, Change = 2, Deletion = 3 };

    static const ModelMeta &meta();
    // Django's LogEntry.objects.log_action: object_repr cut to 200 characters,
    // a list message stored as JSON the way Python's json.dumps writes it.
    static Model logAction(const QVariant &userId, const Model &object, ActionFlag flag, const QString &changeMessage);
    // [{"added": {}}]
    static Model logAddition(const QVariant &userId, const Model &object);
    // [{"changed": {"fields": ["Title", "Body"]}}] with the fields' labels
    // (capitalized verbose names, as the admin form shows them); [] when no field changed.
    static Model logChange(const QVariant &userId, const Model &object, const QStringList &changedFields);
    // The admin's log_deletion: an empty change message (object_repr says what went).
    static Model logDeletion(const QVariant &userId, const Model &object);

    // The admin's history view: the object's entries, oldest first, users joined.
    static QList<Model> history(const Model &object);
    static QList<Model> history(const ModelMeta &model, const QVariant &pk);

    // Django's construct_change_message output for a top-level object.
    static QString additionMessage();
    static QString changeMessage(const ModelMeta &model, const QStringList &changedFields);
    // Python's json.dumps with its default separators and ensure_ascii.
    static QString pythonJsonDumps(const QJsonValue &value);
    // get_change_message: "Added.", "Changed Title and Body.", or the raw text.
    static QString changeMessageText(const Model &entry);
    // __str__: "Added “Ann”.", "Changed “Ann” — Changed Email address.", "Deleted “Ann.”".
    static QString str(const Model &entry);
};

} // namespace quango
