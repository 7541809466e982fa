#pragma once
#include "orm/Exceptions.h"
#include "orm/Field.h"
#include "orm/Model.h"
#include "views/admin/AdminUser.h"
#include "views/admin/ModelAdmin.h"
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace quango {

class ModelMeta;

// The record changed in the database since the form loaded it. Saving again
// with ModelForm::Conflict::Overwrite replaces it; ModelForm::load() reloads it.
class ConcurrentModification : public Error {
public:
    ConcurrentModification(QString message, QStringList changedFields)
        : Error(std::move(message)), m_changed(std::move(changedFields)) {}
    // Fields whose stored value differs from the one the form loaded.
    const QStringList &changedFields() const { return m_changed; }

private:
    QStringList m_changed;
};

// One input of the record form, described for whatever draws it.
struct FormField {
    const Field *field = nullptr;  // null for a password input
    QString name;
    QString label;             // the verbose name, first letter upper-case
    QString helpText;
    Field::WidgetHint hint = Field::WidgetHint::LineEdit;
    bool required = false;     // not blank: the label is marked
    bool readOnly = false;     // ModelAdmin.readonlyFields or not editable
    QString fieldset;          // the heading of its fieldset (may be empty)
    // "password1" or "password2" of an add form that sets the password
    // (ModelAdmin::addFormSetsPassword): no model field; a password editor,
    // its text passed as typed and never shown again.
    bool password = false;
};

// Django's ModelForm as the admin builds it, without widgets: the fields of a
// ModelAdmin's fieldsets in order (its addFieldsets while adding, when it has
// them: fields() changes when a first save turns the form into the object's
// change form, and back with loadNew()), their initial values for a new or stored
// instance, binding input onto the instance (Field::clean), validation
// (full_clean) into per-field and non-field errors, and a save through
// Model::save (signals run) plus the ManyToMany sets. Saving an existing row
// first re-reads it: if anything changed since load(), it refuses with
// ConcurrentModification unless told to overwrite.
//
// With setUser(), saving needs the user's add or change permission and
// deleting their delete permission (PermissionDenied otherwise, nothing
// written), and every write is logged for them with its field history, the
// same way as the list page's (ObjectWriter).
//
// An add form with ModelAdmin::addFormSetsPassword is Django's
// UserCreationForm: the inputs "password1" and "password2" are validated
// with SetPasswordMixin (for the bound, not yet saved object) and the
// password is saved hashed (UserService::setPassword), never in the history.
//
// Values are keyed by field name: a ForeignKey's is the related pk, a
// ManyToMany's a QVariantList of pks; a password input's is its text.
class ModelForm {
public:
    enum class Conflict { Refuse, Overwrite };

    ModelForm(const ModelMeta &model, const ModelAdmin &admin);

    const ModelMeta &modelMeta() const { return *m_meta; }
    const ModelAdmin &admin() const { return m_admin; }
    void setUser(const AdminUser &user) { m_user = user; }
    const AdminUser &user() const { return m_user; }
    // Whether the user may "add", "change", "delete" or "view" objects of
    // this model (always true without a user).
    bool hasPermission(const QString &action) const;
    const QList<FormField> &fields() const { return m_fields; }
    const FormField *formField(const QString &name) const;

    // A new instance with the fields' defaults.
    void loadNew();
    // The stored row with this pk; throws DoesNotExist naming the model and pk.
    void load(const QVariant &pk);
    bool isAdding() const { return m_instance.isAdding(); }
    const Model &instance() const { return m_instance; }
    // The values as loaded (the form's initial data).
    const QVariantMap &initial() const { return m_initial; }

    // Coerces each editable field's value (missing ones keep their current
    // value) and sets it on the instance; coercion errors go to errors().
    // Returns false when any value could not be coerced.
    bool bind(const QVariantMap &values);
    // bind() then full_clean. True when there is no error.
    bool isValid(const QVariantMap &values);
    const QMap<QString, QStringList> &errors() const { return m_errors; }
    QStringList fieldErrors(const QString &name) const { return m_errors.value(name); }
    QStringList nonFieldErrors() const { return m_errors.value(QString::fromLatin1(ValidationError::NonFieldErrors)); }

    // Validates and saves in one transaction. False (with errors()) when the
    // values are invalid or a pre_save receiver raised ValidationError; throws
    // PermissionDenied without the add/change permission, ConcurrentModification
    // when the row changed since load (Conflict::Refuse) and the ORM's errors
    // (IntegrityError, ...) as they come. After a save the form holds the saved
    // instance as its new initial state.
    bool save(const QVariantMap &values, Conflict conflict = Conflict::Refuse);
    // Django's changed_data after bind(): the editable fields whose value
    // differs from initial(), in form order.
    QStringList changedData() const;
    // Deletes the stored instance (cascade as the ORM does); PermissionDenied
    // without the delete permission.
    DeleteResult remove();

    // The related rows a ForeignKey or ManyToMany can point to, as (pk, str),
    // in the related model's ordering; at most `limit` of them.
    QList<Choice> relatedChoices(const QString &name, int limit = 1000) const;

private:
    // m_fields for the instance: addFieldsets while adding, else fieldsets.
    void buildFields();
    // Whether this form has the two password inputs (adding, addFormSetsPassword).
    bool setsPassword() const;
    QVariantMap currentValues(const Model &instance) const;
    QStringList changedSinceLoad() const;
    // Editable fields whose bound value differs from `base`, or named in `also`.
    QStringList changedFrom(const QVariantMap &base, const QStringList &also = {}) const;

    const ModelMeta *m_meta;
    ModelAdmin m_admin;
    AdminUser m_user;
    QList<FormField> m_fields;
    Model m_instance;
    QVariantMap m_initial;
    QMap<QString, QVariantList> m_m2m;       // bound ManyToMany pks
    QMap<QString, QString> m_passwords;      // bound password inputs, by name
    QMap<QString, QStringList> m_errors;
};

} // namespace quango
