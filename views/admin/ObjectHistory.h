#pragma once
#include "orm/Model.h"
#include "views/admin/AdminUser.h"
#include "views/admin/ModelAdmin.h"
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

namespace quango {

class ModelMeta;

// One field of a history entry: its value before and after, as stored
// (fixture JSON), as values again and as display text (FieldDisplay).
struct HistoryFieldChange {
    QString name;
    QString label;             // the verbose name, first letter upper-case
    bool hasOld = false;       // false for an addition
    bool hasNew = false;       // false for a deletion
    QString oldJson, newJson;
    QVariant oldValue, newValue;
    QString oldText, newText;
};

// One admin log entry of the object, with its field changes.
struct HistoryEntry {
    QVariant id;               // the LogEntry's pk
    QDateTime actionTime;      // UTC
    QString user;              // username
    int actionFlag = 0;        // LogEntry::ActionFlag
    QString action;            // "Added", "Changed", "Deleted"
    QString message;           // Django's get_change_message ("Changed Title.")
    QList<HistoryFieldChange> changes;
    // A change with recorded values can be reverted (ObjectHistory::revert).
    bool isRevertible() const;
};

// The admin's history view of one object (Django's history_view: its
// LogEntry rows, oldest first), with the old and new values kept beside the
// log by the history app, and "revert this change": the entry's old values
// put back through a ModelForm, so validation, signals, the user's
// permission, the optimistic check and the admin log apply as to any edit —
// the revert is itself a logged, revertible change.
class ObjectHistory {
public:
    ObjectHistory(const ModelMeta &model, const QVariant &pk);

    // Two queries: the log entries (users joined) and their field changes.
    QList<HistoryEntry> entries() const;

    // Reverts the change `entryId` of this object as `user`, through a form
    // built with `admin`. Throws PermissionDenied without the change
    // permission; RevertConflict naming the field when a field of the entry
    // changed again since; FieldError when the entry is not a change of this
    // object with recorded values, or a field is read-only in the form;
    // DoesNotExist when the object is gone; ValidationError (the form's
    // errors) when the old values are no longer valid.
    void revert(const QVariant &entryId, const AdminUser &user, const ModelAdmin &admin = {}) const;

private:
    const ModelMeta &m_meta;
    QVariant m_pk;
};

} // namespace quango
