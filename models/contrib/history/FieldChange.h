#pragma once
#include "orm/Model.h"
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

namespace quango {

class Field;
class ModelMeta;

// The history app's rows (HistoryApp): one per field an admin log entry
// added, changed or deleted, with its values as JSON texts in Django's
// fixture format (what dumpdata writes for the field: a ForeignKey as the
// target's pk, ManyToMany as a sorted list of pks, dates and decimals as
// strings), so that any field type comes back as it was.
//
// Like LogEntry, the class is the model's manager: it writes rows for an
// entry and reads them back; ObjectWriter (views/admin) calls it in the same
// transaction as the object and its log entry.
class FieldChange {
public:
    static const ModelMeta &meta();
    // Whether the history app is installed (a project may leave it out;
    // writers then log to django_admin_log only).
    static bool isInstalled();

    // Fields whose values are never copied here: auth.User's password hash.
    static bool isSecret(const ModelMeta &model, const QString &fieldName);

    // The fixture JSON of one value of `field` (concrete or ManyToMany).
    static QString encodeValue(const Field *field, const QVariant &value);
    // Back from encodeValue's text, coerced by the field (Field::clean) when
    // it can be; a value the field no longer accepts comes back as JSON read
    // it. Throws FieldError naming the field when the text is not JSON.
    static QVariant decodeValue(const Field *field, const QString &json);

    // Every concrete and ManyToMany field of a stored instance by name (the
    // ManyToMany pks read from the database); new instances have no
    // ManyToMany rows yet.
    static QVariantMap snapshot(const Model &instance);

    // Rows for `entry`: each of `fields` (but secret ones) with its value in `before` (none
    // when `before` is null, as for an addition) and in `after` (none when
    // `after` is null, as for a deletion).
    static void record(const Model &entry, const ModelMeta &model, const QStringList &fields,
                       const QVariantMap *before, const QVariantMap *after);
    // An addition: every field's initial value.
    static void recordAddition(const Model &entry, const Model &stored);
    // A deletion: every field's last value, enough to create the row again with its pk.
    static void recordDeletion(const Model &entry, const ModelMeta &model, const QVariantMap &lastValues);

    // The rows of these log entries in one query, by entry id (as text).
    static QHash<QString, QList<Model>> forEntries(const QVariantList &entryIds);
    static QList<Model> forEntry(const QVariant &entryId);

    // "title: "Old" -> "New"" (the JSON texts).
    static QString str(const Model &change);
};

} // namespace quango
