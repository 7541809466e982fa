#pragma once
#include "orm/QuerySet.h"
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace quango {

class ModelMeta;

// A named group of fields on the record form (Django's fieldsets entry).
struct Fieldset {
    QString name;               // empty: no heading
    QStringList fields;
    QStringList classes;        // "collapse", "wide"
    QString description;
};

// An action on the selected rows of a list page (Django's admin actions).
// `run` gets the selected objects as a QuerySet and returns a message for the
// user (empty for none); ORM errors it throws are shown, never swallowed.
struct AdminAction {
    QString name;               // "make_published"
    QString description;        // "Mark selected posts as published"
    std::function<QString(const QuerySet &selected)> run;
    // Django's allowed_permissions: the user needs every one of these
    // ("add", "change", "delete", "view") on the model to see and run the
    // action. Empty: anyone who can view the list.
    QStringList allowedPermissions;
};

// Django's ModelAdmin options as plain data. Empty lists mean Django's
// defaults, which AdminSite fills in (withDefaults). Written with designated
// initializers in this order:
//   ModelAdmin{.listDisplay = {"title", "author"}, .searchFields = {"title"}}
struct ModelAdmin {
    QStringList listDisplay;          // field names or "__str__"
    QStringList listDisplayLinks;     // columns that open the record (default: the first)
    QStringList listFilter;           // boolean, choices, ForeignKey and date fields
    QStringList searchFields;         // "title", "author__name", "^slug" (startswith), "=email" (iexact)
    QStringList ordering;             // default: Meta.ordering, else "-pk"
    int listPerPage = 100;
    QStringList readonlyFields;
    QList<Fieldset> fieldsets;        // default: one unnamed set of every editable field
    // Django's add_fieldsets (UserAdmin): the add form shows exactly these;
    // after the first save the object's form has `fieldsets`. Empty: the add
    // form is the change form.
    QList<Fieldset> addFieldsets;
    // Django's UserAdmin.add_form = UserCreationForm: the add form also has
    // the inputs "password1" and "password2" (placed by addFieldsets, which
    // must list both), checked as the change-password form checks them
    // (SetPasswordMixin, with the new object's own attributes), and the
    // password saved hashed into the model's "password" field.
    bool addFormSetsPassword = false;
    QStringList rawIdFields;          // ForeignKeys edited as a raw pk
    QStringList autocompleteFields;   // ForeignKeys edited with type-ahead search
    QList<AdminAction> actions;

    // Django's admin checks (admin.E108, E116, ...): every name must exist on
    // the model and suit its option. Throws ImproperlyConfigured listing the
    // problems and the valid names.
    void check(const ModelMeta &model) const;
    // A copy with Django's defaults where nothing was given.
    ModelAdmin withDefaults(const ModelMeta &model) const;

    // "author__name" -> the name field of the related Author; nullptr when a
    // part is unknown or a middle part is not a relation.
    static const Field *fieldByPath(const ModelMeta &model, const QString &path);
};

} // namespace quango
