#include "views/admin/ObjectWriter.h"
#include "apps/Registry.h"
#include "contrib/admin/LogEntry.h"
#include "contrib/history/FieldChange.h"
#include "db/Atomic.h"
#include "orm/Manager.h"
#include "orm/ModelMeta.h"
#include "orm/QuerySet.h"
#include "views/admin/Logging.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

ObjectWriter::ObjectWriter(const ModelMeta &model, const AdminUser &user) : m_meta(model), m_user(user) {}

bool ObjectWriter::permits(const QString &action) const
{
    return !m_user.isValid() || m_user.hasPermission(action, m_meta);
}

PermissionDenied ObjectWriter::denied(const QString &action) const
{
    const QString permission = AdminUser::permissionName(action, m_meta);
    return PermissionDenied(u"User \u201c%1\u201d may not %2 %3: the permission %4 is missing. "
                            "A superuser can grant it to the user or to one of their groups."_s
                                .arg(m_user.username(), action, m_meta.verboseNamePlural(), permission),
                            action, permission);
}

void ObjectWriter::require(const QString &action) const
{
    if (!permits(action)) {
        qCInfo(lcAdmin, "Refused: %s may not %s %s", qPrintable(m_user.username()), qPrintable(action), qPrintable(m_meta.label()));
        throw denied(action);
    }
}

bool ObjectWriter::logs() const
{
    // The log needs a user to point to and the admin app's table.
    return m_user.isValid() && Registry::instance().model(u"admin.LogEntry"_s);
}

void ObjectWriter::add(Model &instance, const Writes &also) const
{
    require(u"add"_s);
    Atomic atomic;
    instance.save();
    if (also)
        also(instance);
    if (!logs())
        return;
    const Model entry = LogEntry::logAddition(m_user.id(), instance);
    if (FieldChange::isInstalled())
        FieldChange::recordAddition(entry, m_meta.objects().get(Q(u"pk"_s, instance.pk())));
}

void ObjectWriter::change(Model &instance, const QVariantMap &before, const QStringList &changedFields, const Writes &also) const
{
    require(u"change"_s);
    Atomic atomic;
    instance.save();
    if (also)
        also(instance);
    if (!logs())
        return;
    const Model entry = LogEntry::logChange(m_user.id(), instance, changedFields);
    if (FieldChange::isInstalled() && !changedFields.isEmpty()) {
        const QVariantMap after = FieldChange::snapshot(m_meta.objects().get(Q(u"pk"_s, instance.pk())));
        FieldChange::record(entry, m_meta, changedFields, &before, &after);
    }
}

DeleteResult ObjectWriter::remove(Model &instance) const
{
    require(u"delete"_s);
    Atomic atomic;
    // Django's delete_view logs before deleting, while the object (and its
    // pk, and its ManyToMany rows) still exist.
    if (logs()) {
        const Model entry = LogEntry::logDeletion(m_user.id(), instance);
        if (FieldChange::isInstalled()) {
            const std::optional<Model> stored = m_meta.objects().filter(Q(u"pk"_s, instance.pk())).first();
            FieldChange::recordDeletion(entry, m_meta, FieldChange::snapshot(stored ? *stored : instance));
        }
    }
    return instance.remove(); // Collector: on_delete cascade/protect, pre/post_delete
}

} // namespace quango
