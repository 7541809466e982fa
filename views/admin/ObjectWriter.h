#pragma once
#include "orm/Model.h"
#include "views/admin/AdminUser.h"
#include "views/admin/PermissionDenied.h"
#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <functional>

namespace quango {

class ModelMeta;

// The one way the admin writes an object for a user (the list page's
// ChangeListModel and the record form's ModelForm both come here): the
// user's add/change/delete permission is checked, then, in one transaction,
// the object is saved or deleted, Django's admin log entry is written
// (LogEntry) and, beside it, the old and new value of each field it touched
// (FieldChange, when the history app is installed).
//
// Without a user (AdminUser invalid: no auth app) there is nobody to check or
// to log against: the write goes through unchecked and unlogged.
// Validation is the caller's (fullClean before calling); errors from save
// (a pre_save receiver's ValidationError, IntegrityError) propagate after the
// transaction rolled back.
class ObjectWriter {
public:
    using Writes = std::function<void(Model &instance)>;

    ObjectWriter(const ModelMeta &model, const AdminUser &user);

    const AdminUser &user() const { return m_user; }
    // `action` is "add", "change", "delete" or "view"; true without a user.
    bool permits(const QString &action) const;
    // The error permits() == false stands for.
    PermissionDenied denied(const QString &action) const;
    // Throws denied(action) unless permits(action).
    void require(const QString &action) const;

    // Saves a new instance, then runs `also` (the ManyToMany sets) on it, and
    // logs an addition with every field's initial value.
    void add(Model &instance, const Writes &also = {}) const;
    // Saves a changed instance and runs `also`; logs a change of
    // `changedFields` (Django's changed_data: names, in form order) with
    // their values in `before` (FieldChange::snapshot of the row as it was
    // read) and as stored now (read back, so a later comparison with a fresh
    // read matches).
    void change(Model &instance, const QVariantMap &before, const QStringList &changedFields, const Writes &also = {}) const;
    // Logs the deletion with every field's last value (enough to create the
    // row again with its pk), then deletes with the ORM's cascade.
    DeleteResult remove(Model &instance) const;

private:
    bool logs() const;

    const ModelMeta &m_meta;
    AdminUser m_user;
};

} // namespace quango
