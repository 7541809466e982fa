#include "views/admin/ObjectHistory.h"
#include "contrib/admin/LogEntry.h"
#include "contrib/contenttypes/ContentTypes.h"
#include "contrib/history/FieldChange.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/ModelMeta.h"
#include "orm/QuerySet.h"
#include "views/admin/FieldDisplay.h"
#include "views/admin/Logging.h"
#include "views/admin/ModelForm.h"
#include "views/admin/ObjectWriter.h"
#include "views/admin/RevertConflict.h"
#include "utils/Text.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {

QString actionName(int flag)
{
    switch (flag) {
    case LogEntry::Addition: return u"Added"_s;
    case LogEntry::Change: return u"Changed"_s;
    case LogEntry::Deletion: return u"Deleted"_s;
    default: return QString::number(flag);
    }
}

} // namespace

bool HistoryEntry::isRevertible() const { return actionFlag == LogEntry::Change && !changes.isEmpty(); }

ObjectHistory::ObjectHistory(const ModelMeta &model, const QVariant &pk) : m_meta(model), m_pk(pk) {}

QList<HistoryEntry> ObjectHistory::entries() const
{
    const QList<Model> rows = LogEntry::history(m_meta, m_pk);
    QVariantList ids;
    for (const Model &row : rows)
        ids << row.pk();
    const QHash<QString, QList<Model>> changes = FieldChange::forEntries(ids);
    QList<HistoryEntry> out;
    for (const Model &row : rows) {
        HistoryEntry entry;
        entry.id = row.pk();
        entry.actionTime = row.value(u"action_time"_s).toDateTime();
        const Model user = row.related(u"user"_s);
        entry.user = user.isValid() ? user.value(u"username"_s).toString() : row.value(u"user"_s).toString();
        entry.actionFlag = row.value(u"action_flag"_s).toInt();
        entry.action = actionName(entry.actionFlag);
        entry.message = LogEntry::changeMessageText(row);
        for (const Model &change : changes.value(row.pk().toString())) {
            HistoryFieldChange c;
            c.name = change.value(u"field_name"_s).toString();
            const Field *field = m_meta.field(c.name);
            c.label = field ? capFirst(field->verboseName()) : c.name;
            c.hasOld = !change.value(u"old_value"_s).isNull();
            c.hasNew = !change.value(u"new_value"_s).isNull();
            c.oldJson = change.value(u"old_value"_s).toString();
            c.newJson = change.value(u"new_value"_s).toString();
            // A field removed from the model since: its JSON is all there is.
            if (c.hasOld) {
                c.oldValue = field ? FieldChange::decodeValue(field, c.oldJson) : QVariant(c.oldJson);
                c.oldText = field ? FieldDisplay::text(field, c.oldValue) : c.oldJson;
            }
            if (c.hasNew) {
                c.newValue = field ? FieldChange::decodeValue(field, c.newJson) : QVariant(c.newJson);
                c.newText = field ? FieldDisplay::text(field, c.newValue) : c.newJson;
            }
            entry.changes << c;
        }
        out << entry;
    }
    return out;
}

void ObjectHistory::revert(const QVariant &entryId, const AdminUser &user, const ModelAdmin &admin) const
{
    const QString object = u"%1 %2"_s.arg(m_meta.verboseName(), m_pk.toString());
    ObjectWriter(m_meta, user).require(u"change"_s);
    const std::optional<Model> entry = LogEntry::meta().objects().filter(Q(u"pk"_s, entryId)).first();
    if (!entry || entry->value(u"object_id"_s).toString() != m_pk.toString()
        || entry->value(u"content_type"_s).toString() != ContentTypes::getForModel(m_meta).pk().toString())
        throw FieldError(u"Log entry %1 is not in the history of %2; reload the history and choose one of its entries."_s
                             .arg(entryId.toString(), object));
    if (entry->value(u"action_flag"_s).toInt() != LogEntry::Change)
        throw FieldError(u"Log entry %1 of %2 is an %3, not a change: only changes can be reverted."_s
                             .arg(entryId.toString(), object, actionName(entry->value(u"action_flag"_s).toInt()).toLower()));
    const QList<Model> changes = FieldChange::forEntry(entryId);
    if (changes.isEmpty())
        throw FieldError(u"Log entry %1 of %2 has no recorded field values (no field changed, or it was written "
                         "without the history app): there is nothing to put back."_s.arg(entryId.toString(), object));

    ModelForm form(m_meta, admin);
    form.setUser(user);
    form.load(m_pk);
    QVariantMap values;
    for (const Model &change : changes) {
        const QString name = change.value(u"field_name"_s).toString();
        const Field *field = m_meta.field(name);
        if (!field)
            throw FieldError(u"Cannot revert log entry %1 of %2: the field '%3' no longer exists in %4."_s
                                 .arg(entryId.toString(), object, name, m_meta.label()));
        const QString label = capFirst(field->verboseName());
        const FormField *formField = form.formField(name);
        if (!formField || formField->readOnly)
            throw FieldError(u"Cannot revert this change of %1: %2 is read-only in its form, so it cannot be put back here."_s
                                 .arg(object, label));
        // The optimistic check of the revert itself: the field must still
        // hold what this change wrote, or the revert would undo a later one.
        const QString now = FieldChange::encodeValue(field, form.initial().value(name));
        if (now != change.value(u"new_value"_s).toString()) {
            const QVariant changedTo = FieldChange::decodeValue(field, change.value(u"new_value"_s).toString());
            throw RevertConflict(u"Cannot revert this change: %1 has changed again since (this change set it to \u201c%2\u201d, it is now "
                                 "\u201c%3\u201d). Revert the later change first, or edit the %4 by hand."_s
                                     .arg(label, FieldDisplay::text(field, changedTo), FieldDisplay::text(field, form.initial().value(name)),
                                          m_meta.verboseName()),
                                 name);
        }
        values.insert(name, FieldChange::decodeValue(field, change.value(u"old_value"_s).toString()));
    }
    if (!form.save(values))
        throw ValidationError(form.errors());
    qCInfo(lcAdmin) << "Reverted log entry" << entryId << "of" << m_meta.label() << m_pk << "for" << user.username();
}

} // namespace quango
