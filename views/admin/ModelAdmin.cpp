#include "views/admin/ModelAdmin.h"
#include "orm/Exceptions.h"
#include "orm/ModelMeta.h"
#include "orm/RelatedField.h"
#include "views/admin/ListFilter.h"
#include "views/admin/SetPasswordMixin.h"

namespace quango {

namespace {

QString strippedSearchField(const QString &name)
{
    if (name.startsWith(QLatin1Char('^')) || name.startsWith(QLatin1Char('=')) || name.startsWith(QLatin1Char('@')))
        return name.mid(1);
    return name;
}

} // namespace

const Field *ModelAdmin::fieldByPath(const ModelMeta &model, const QString &path)
{
    const ModelMeta *current = &model;
    const QStringList parts = path.split(QStringLiteral("__"));
    const Field *field = nullptr;
    for (int i = 0; i < parts.size(); ++i) {
        field = current->field(parts.at(i));
        if (!field)
            return nullptr;
        if (i + 1 < parts.size()) {
            auto *fk = dynamic_cast<const RelatedField *>(field);
            if (!fk || !fk->relatedModel())
                return nullptr;
            current = fk->relatedModel();
        }
    }
    return field;
}

void ModelAdmin::check(const ModelMeta &model) const
{
    QStringList problems;
    auto unknown = [&](const char *option, const QString &name, const QString &why) {
        problems << QStringLiteral("%1 entry '%2' %3").arg(QLatin1String(option), name, why);
    };
    for (const QString &name : listDisplay) {
        if (name == QLatin1String("__str__"))
            continue;
        const Field *field = model.field(name);
        if (!field)
            unknown("listDisplay", name, QStringLiteral("is not a field of %1").arg(model.label()));
        else if (!field->isConcrete())
            unknown("listDisplay", name, QStringLiteral("is a ManyToManyField, which a list cannot show (admin.E109)"));
    }
    for (const QString &name : listDisplayLinks)
        if (!listDisplay.isEmpty() && !listDisplay.contains(name))
            unknown("listDisplayLinks", name, QStringLiteral("is not in listDisplay (admin.E111)"));
    for (const QString &name : listFilter) {
        const Field *field = fieldByPath(model, name);
        if (!field)
            unknown("listFilter", name, QStringLiteral("is not a field of %1 (admin.E116)").arg(model.label()));
        else if (!ListFilter::supports(*field))
            unknown("listFilter", name, QStringLiteral("is a %1; filters exist for boolean, choices, ForeignKey and date fields")
                                            .arg(field->internalType()));
    }
    for (const QString &name : searchFields)
        if (!fieldByPath(model, strippedSearchField(name)))
            unknown("searchFields", name, QStringLiteral("is not a field path of %1").arg(model.label()));
    for (const QString &entry : ordering) {
        const QString name = entry.startsWith(QLatin1Char('-')) ? entry.mid(1) : entry;
        if (entry != QLatin1String("?") && name != QLatin1String("pk") && !fieldByPath(model, name))
            unknown("ordering", entry, QStringLiteral("is not a field of %1 (admin.E033)").arg(model.label()));
    }
    if (listPerPage <= 0)
        problems << QStringLiteral("listPerPage must be positive, not %1 (admin.E118)").arg(listPerPage);
    for (const QString &name : readonlyFields)
        if (!model.field(name))
            unknown("readonlyFields", name, QStringLiteral("is not a field of %1 (admin.E035)").arg(model.label()));
    for (const Fieldset &set : fieldsets)
        for (const QString &name : set.fields)
            if (!model.field(name))
                unknown("fieldsets", name, QStringLiteral("is not a field of %1 (admin.E012)").arg(model.label()));
    const QStringList passwordInputs{QString::fromLatin1(SetPasswordMixin::Password1), QString::fromLatin1(SetPasswordMixin::Password2)};
    QStringList addFields;
    for (const Fieldset &set : addFieldsets)
        for (const QString &name : set.fields) {
            addFields << name;
            if (!model.field(name) && !(addFormSetsPassword && passwordInputs.contains(name)))
                unknown("addFieldsets", name, addFormSetsPassword
                                                  ? QStringLiteral("is neither a field of %1 nor a password input (password1, password2)").arg(model.label())
                                                  : QStringLiteral("is not a field of %1 (admin.E012)").arg(model.label()));
        }
    if (addFormSetsPassword) {
        if (!model.field(QStringLiteral("password")) || !model.field(QStringLiteral("password"))->isConcrete())
            problems << QStringLiteral("addFormSetsPassword needs a concrete 'password' field on %1 to store the hash in").arg(model.label());
        for (const QString &name : passwordInputs)
            if (!addFields.contains(name))
                problems << QStringLiteral("addFormSetsPassword: addFieldsets must place '%1', or new objects would be saved without a password")
                                .arg(name);
    }
    for (const QStringList *list : {&rawIdFields, &autocompleteFields})
        for (const QString &name : *list)
            if (!dynamic_cast<const RelatedField *>(model.field(name)))
                unknown(list == &rawIdFields ? "rawIdFields" : "autocompleteFields", name,
                        QStringLiteral("is not a ForeignKey or ManyToManyField of %1 (admin.E002)").arg(model.label()));
    const QStringList permissions{QStringLiteral("add"), QStringLiteral("change"), QStringLiteral("delete"), QStringLiteral("view")};
    for (const AdminAction &action : actions) {
        if (action.name.isEmpty() || !action.run)
            problems << QStringLiteral("actions: every action needs a name and a function (got '%1')").arg(action.name);
        for (const QString &permission : action.allowedPermissions)
            if (!permissions.contains(permission))
                problems << QStringLiteral("actions: '%1' of action '%2' is not one of %3 (admin.E129)")
                                .arg(permission, action.name, permissions.join(QStringLiteral(", ")));
    }
    if (!problems.isEmpty())
        throw ImproperlyConfigured(QStringLiteral("The ModelAdmin of %1 is invalid: %2. Valid field names: %3.")
                                       .arg(model.label(), problems.join(QStringLiteral("; ")), model.fieldNames().join(QStringLiteral(", "))));
}

ModelAdmin ModelAdmin::withDefaults(const ModelMeta &model) const
{
    ModelAdmin out = *this;
    if (out.listDisplay.isEmpty()) {
        // Django shows __str__ alone. A model without a __str__ of its own
        // would only show "Book object (1)": show its first fields instead.
        if (model.strFunction()) {
            out.listDisplay = {QStringLiteral("__str__")};
        } else {
            for (const Field *field : model.concreteFields())
                if (out.listDisplay.size() < 5)
                    out.listDisplay << field->name();
        }
    }
    if (out.listDisplayLinks.isEmpty())
        out.listDisplayLinks = {out.listDisplay.first()};
    if (out.fieldsets.isEmpty()) {
        Fieldset all;
        for (const FieldPtr &field : model.fields())
            if (field->isEditable() && !field->isAutoField())
                all.fields << field->name();
        out.fieldsets << all;
    }
    return out;
}

} // namespace quango
