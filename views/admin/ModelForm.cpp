#include "views/admin/ModelForm.h"
#include "contrib/auth/UserService.h"
#include "contrib/history/FieldChange.h"
#include "db/Atomic.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "orm/ModelMeta.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include "views/admin/Logging.h"
#include "views/admin/ObjectWriter.h"
#include "views/admin/SetPasswordMixin.h"
#include "utils/Text.h"
#include <algorithm>

namespace quango {

namespace {

QVariantList sortedPks(QVariantList pks)
{
    // The through table has no order: compare sets, not sequences.
    std::sort(pks.begin(), pks.end(), [](const QVariant &a, const QVariant &b) { return a.toString() < b.toString(); });
    return pks;
}

} // namespace

ModelForm::ModelForm(const ModelMeta &model, const ModelAdmin &admin) : m_meta(&model), m_admin(admin.withDefaults(model))
{
    loadNew();
}

bool ModelForm::setsPassword() const { return m_instance.isAdding() && m_admin.addFormSetsPassword; }

void ModelForm::buildFields()
{
    const ModelMeta &model = *m_meta;
    // Django's UserAdmin.get_fieldsets: add_fieldsets for a new object.
    const bool addForm = m_instance.isAdding() && !m_admin.addFieldsets.isEmpty();
    m_fields.clear();
    for (const Fieldset &set : std::as_const(addForm ? m_admin.addFieldsets : m_admin.fieldsets)) {
        for (const QString &name : set.fields) {
            if (setsPassword() && (name == QLatin1String(SetPasswordMixin::Password1) || name == QLatin1String(SetPasswordMixin::Password2))) {
                const bool first = name == QLatin1String(SetPasswordMixin::Password1);
                FormField f;
                f.name = name;
                f.label = first ? SetPasswordMixin::password1Label() : SetPasswordMixin::password2Label();
                f.helpText = first ? SetPasswordMixin::passwordHelpText() : SetPasswordMixin::password2HelpText();
                f.required = true;
                f.fieldset = set.name;
                f.password = true;
                m_fields << f;
                continue;
            }
            const Field *field = model.fieldOrThrow(name);
            FormField f;
            f.field = field;
            f.name = field->name();
            f.label = capFirst(field->verboseName());
            f.helpText = field->helpText();
            f.hint = field->widgetHint();
            f.required = !field->isBlank();
            f.readOnly = m_admin.readonlyFields.contains(name) || !field->isEditable();
            f.fieldset = set.name;
            m_fields << f;
        }
    }
    if (addForm) // add_fieldsets are the whole add form
        return;
    for (const QString &name : std::as_const(m_admin.readonlyFields)) {
        if (formField(name))
            continue;
        // Django shows readonly fields even when the fieldsets leave them out.
        const Field *field = model.fieldOrThrow(name);
        m_fields << FormField{field, field->name(), capFirst(field->verboseName()), field->helpText(), field->widgetHint(), false, true, {}, false};
    }
}

bool ModelForm::hasPermission(const QString &action) const { return ObjectWriter(*m_meta, m_user).permits(action); }

const FormField *ModelForm::formField(const QString &name) const
{
    for (const FormField &f : m_fields)
        if (f.name == name)
            return &f;
    return nullptr;
}

QVariantMap ModelForm::currentValues(const Model &instance) const
{
    QVariantMap out;
    for (const Field *field : m_meta->concreteFields())
        out.insert(field->name(), instance.value(field->name()));
    for (const ManyToManyField *field : m_meta->manyToManyFields())
        out.insert(field->name(), instance.isAdding() ? QVariantList() : sortedPks(instance.manyRelated(field->name()).pks()));
    return out;
}

void ModelForm::loadNew()
{
    m_instance = Model(m_meta);
    buildFields();
    m_initial = currentValues(m_instance);
    m_m2m.clear();
    m_passwords.clear();
    m_errors.clear();
}

void ModelForm::load(const QVariant &pk)
{
    const std::optional<Model> row = m_meta->objects().filter(Q(QStringLiteral("pk"), pk)).first();
    if (!row)
        throw DoesNotExist(QStringLiteral("%1 with primary key '%2' does not exist (it may have been deleted); reopen it from the list.")
                               .arg(capFirst(m_meta->verboseName()), pk.toString()));
    m_instance = *row;
    buildFields();
    m_initial = currentValues(m_instance);
    m_m2m.clear();
    m_passwords.clear();
    m_errors.clear();
}

bool ModelForm::bind(const QVariantMap &values)
{
    m_errors.clear();
    m_m2m.clear();
    for (const FormField &f : std::as_const(m_fields)) {
        if (f.readOnly || !values.contains(f.name))
            continue;
        if (f.password) {
            m_passwords.insert(f.name, values.value(f.name).toString());
            continue;
        }
        try {
            const QVariant cleaned = f.field->clean(values.value(f.name));
            if (f.field->isConcrete())
                m_instance.setValue(f.name, cleaned);
            else
                m_m2m.insert(f.name, cleaned.toList());
        } catch (const ValidationError &error) {
            for (const QStringList &messages : error.errors())
                m_errors[f.name] << messages;
        }
    }
    return m_errors.isEmpty();
}

bool ModelForm::isValid(const QVariantMap &values)
{
    bind(values);
    // As Django's _get_validation_exclusions: fields that failed to coerce,
    // and fields the form does not edit (the user could not correct them).
    QStringList exclude = m_errors.keys();
    for (const Field *field : m_meta->concreteFields()) {
        const FormField *f = formField(field->name());
        if (!f || f->readOnly)
            exclude << field->name();
    }
    try {
        m_instance.fullClean(exclude);
    } catch (const ValidationError &error) {
        for (auto it = error.errors().cbegin(); it != error.errors().cend(); ++it)
            m_errors[it.key()] << it.value();
    }
    for (auto it = m_m2m.cbegin(); it != m_m2m.cend(); ++it) {
        const QStringList messages = m_meta->field(it.key())->validate(it.value());
        if (!messages.isEmpty())
            m_errors[it.key()] << messages;
    }
    // UserCreationForm's clean and _post_clean: after full_clean, so the
    // validators compare the password with the object's bound attributes.
    if (setsPassword()) {
        const QMap<QString, QStringList> passwordErrors = SetPasswordMixin::passwordErrors(
            m_passwords.value(QString::fromLatin1(SetPasswordMixin::Password1)), m_passwords.value(QString::fromLatin1(SetPasswordMixin::Password2)),
            m_instance);
        for (auto it = passwordErrors.cbegin(); it != passwordErrors.cend(); ++it)
            m_errors[it.key()] << it.value();
    }
    return m_errors.isEmpty();
}

QStringList ModelForm::changedSinceLoad() const
{
    const std::optional<Model> stored = m_meta->objects().filter(Q(QStringLiteral("pk"), m_instance.pk())).first();
    if (!stored)
        return {QStringLiteral("pk")};
    const QVariantMap now = currentValues(*stored);
    QStringList changed;
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        if (it.value() != m_initial.value(it.key()))
            changed << it.key();
    return changed;
}

QStringList ModelForm::changedData() const { return changedFrom(m_initial); }

QStringList ModelForm::changedFrom(const QVariantMap &base, const QStringList &also) const
{
    // Compared in their fixture form: a decimal read as "4.50" and typed as
    // 4.5, or a pk as int and as text, are the same value.
    QStringList changed;
    for (const FormField &f : m_fields) {
        if (f.readOnly || f.password)
            continue;
        const QVariant now = f.field->isConcrete() ? m_instance.value(f.name) : QVariant(m_m2m.value(f.name, m_initial.value(f.name).toList()));
        if (also.contains(f.name) || FieldChange::encodeValue(f.field, now) != FieldChange::encodeValue(f.field, base.value(f.name)))
            changed << f.name;
    }
    return changed;
}

bool ModelForm::save(const QVariantMap &values, Conflict conflict)
{
    const ObjectWriter writer(*m_meta, m_user);
    // Before validating: a user who may not save learns that first.
    writer.require(m_instance.isAdding() ? QStringLiteral("add") : QStringLiteral("change"));
    if (!isValid(values))
        return false;
    const bool adding = m_instance.isAdding();
    try {
        Atomic atomic;
        if (!adding && conflict == Conflict::Refuse) {
            const QStringList changed = changedSinceLoad();
            if (changed == QStringList{QStringLiteral("pk")})
                throw ConcurrentModification(QStringLiteral("This %1 was deleted by someone else since you opened it. "
                                                            "Save it again to re-create it, or close the form.")
                                                 .arg(m_meta->verboseName()),
                                             changed);
            if (!changed.isEmpty()) {
                QStringList labels;
                for (const QString &name : changed)
                    labels << m_meta->fieldOrThrow(name)->verboseName();
                throw ConcurrentModification(QStringLiteral("This %1 was changed by someone else since you opened it (%2). "
                                                            "Reload it to see their changes, or overwrite them with yours.")
                                                 .arg(m_meta->verboseName(), labels.join(QStringLiteral(", "))),
                                             changed);
            }
        }
        const auto setManyToMany = [this](Model &instance) {
            for (auto it = m_m2m.cbegin(); it != m_m2m.cend(); ++it)
                instance.manyRelated(it.key()).set(it.value());
        };
        // Overwriting a row deleted meanwhile inserts it again: save() falls
        // back to INSERT when its UPDATE matched nothing.
        if (adding) {
            // UserCreationForm.save: the hash, never the typed text, is stored.
            if (setsPassword())
                UserService::setPassword(m_instance, m_passwords.value(QString::fromLatin1(SetPasswordMixin::Password1)));
            writer.add(m_instance, setManyToMany);
        } else {
            QVariantMap before = m_initial;
            QStringList changed = changedData();
            if (conflict == Conflict::Overwrite) {
                // Their version is what this save replaces: the history keeps
                // its values, so reverting brings theirs back, not our stale copy.
                if (const std::optional<Model> stored = m_meta->objects().filter(Q(QStringLiteral("pk"), m_instance.pk())).first()) {
                    before = FieldChange::snapshot(*stored);
                    changed = changedFrom(before, changed);
                }
            }
            writer.change(m_instance, before, changed, setManyToMany);
        }
    } catch (const ValidationError &error) { // a pre_save receiver said no; the transaction rolled back
        for (auto it = error.errors().cbegin(); it != error.errors().cend(); ++it)
            m_errors[it.key()] << it.value();
        if (adding)
            m_instance.setPk(QVariant());
        return false;
    }
    qCInfo(lcAdmin) << (adding ? "Added" : "Changed") << m_meta->label() << m_instance.pk();
    // Read back what the database holds, so the next save compares like with like.
    load(m_instance.pk());
    return true;
}

DeleteResult ModelForm::remove()
{
    if (m_instance.isAdding())
        throw FieldError(QStringLiteral("Cannot delete a %1 that was never saved.").arg(m_meta->verboseName()));
    const DeleteResult result = ObjectWriter(*m_meta, m_user).remove(m_instance);
    qCInfo(lcAdmin) << "Deleted" << m_meta->label() << m_instance.pk() << "and" << result.total - 1 << "dependent objects";
    return result;
}

QList<Choice> ModelForm::relatedChoices(const QString &name, int limit) const
{
    auto *field = dynamic_cast<const RelatedField *>(m_meta->field(name));
    if (!field || !field->relatedModel())
        throw FieldError(QStringLiteral("%1.%2 is not a relation: only ForeignKey and ManyToMany fields have related choices.")
                             .arg(m_meta->label(), name));
    QList<Choice> out;
    for (const Model &row : field->relatedModel()->objects().all().slice(0, limit))
        out << Choice{row.pk(), row.str()};
    return out;
}

} // namespace quango
