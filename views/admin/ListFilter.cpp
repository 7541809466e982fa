#include "views/admin/ListFilter.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/ModelMeta.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include "views/admin/ModelAdmin.h"
#include <QDateTime>
#include <QObject>

namespace quango {

namespace {

bool isDateField(const Field &field)
{
    const QString type = field.internalType();
    return type == QLatin1String("DateField") || type == QLatin1String("DateTimeField");
}

} // namespace

bool ListFilter::supports(const Field &field)
{
    if (!field.isConcrete())
        return false;
    return field.internalType() == QLatin1String("BooleanField") || !field.choices().isEmpty()
           || dynamic_cast<const ForeignKey *>(&field) || isDateField(field);
}

ListFilter ListFilter::forField(const ModelMeta &model, const QString &path, const QDate &today)
{
    const Field *field = ModelAdmin::fieldByPath(model, path);
    if (!field)
        throw FieldError(QStringLiteral("Cannot filter %1 by '%2': no such field. Fields: %3.")
                             .arg(model.label(), path, model.fieldNames().join(QStringLiteral(", "))));
    if (!supports(*field))
        throw FieldError(QStringLiteral("Cannot filter %1 by '%2': it is a %3; filters exist for boolean, choices, ForeignKey and date fields.")
                             .arg(model.label(), path, field->internalType()));
    ListFilter out;
    out.m_path = path;
    out.m_title = field->verboseName();
    out.m_choices << Choice{QObject::tr("All"), Q()};
    const QString isNull = path + QStringLiteral("__isnull");

    if (field->internalType() == QLatin1String("BooleanField")) {
        out.m_choices << Choice{QObject::tr("Yes"), Q(path, true)} << Choice{QObject::tr("No"), Q(path, false)};
        if (field->isNull())
            out.m_choices << Choice{QObject::tr("Unknown"), Q(isNull, true)};
    } else if (!field->choices().isEmpty()) {
        for (const quango::Choice &choice : field->choices())
            out.m_choices << Choice{choice.label, Q(path, choice.value)};
        if (field->isNull())
            out.m_choices << Choice{QObject::tr("Empty"), Q(isNull, true)};
    } else if (auto *fk = dynamic_cast<const ForeignKey *>(field)) {
        // Django lists every related object; a cap keeps a filter over a huge
        // related table from loading it whole (search covers the rest).
        const QList<Model> related = fk->relatedModel()->objects().all().slice(0, MaxRelatedChoices).list();
        for (const Model &object : related)
            out.m_choices << Choice{object.str(), Q(path, object.pk())};
        if (field->isNull())
            out.m_choices << Choice{QObject::tr("None"), Q(isNull, true)};
    } else {
        const bool dateTime = field->internalType() == QLatin1String("DateTimeField");
        // Half-open ranges [from, to) as Django's DateFieldListFilter: local
        // midnights for DateTimeFields (stored in UTC by the field).
        auto range = [&](const QDate &from, const QDate &to) {
            if (dateTime)
                return Q(path + QStringLiteral("__gte"), QDateTime(from, QTime(0, 0)))
                       & Q(path + QStringLiteral("__lt"), QDateTime(to, QTime(0, 0)));
            return Q(path + QStringLiteral("__gte"), from) & Q(path + QStringLiteral("__lt"), to);
        };
        const QDate tomorrow = today.addDays(1);
        const QDate monthStart(today.year(), today.month(), 1);
        const QDate yearStart(today.year(), 1, 1);
        out.m_choices << Choice{QObject::tr("Today"), range(today, tomorrow)}
                      << Choice{QObject::tr("Past 7 days"), range(today.addDays(-7), tomorrow)}
                      << Choice{QObject::tr("This month"), range(monthStart, monthStart.addMonths(1))}
                      << Choice{QObject::tr("This year"), range(yearStart, yearStart.addYears(1))};
        if (field->isNull())
            out.m_choices << Choice{QObject::tr("No date"), Q(isNull, true)} << Choice{QObject::tr("Has date"), Q(isNull, false)};
    }
    return out;
}

} // namespace quango
