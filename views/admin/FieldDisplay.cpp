#include "views/admin/FieldDisplay.h"
#include "orm/Manager.h"
#include "orm/ModelMeta.h"
#include "orm/QuerySet.h"
#include "orm/RelatedField.h"
#include <QDate>
#include <QDateTime>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {

QString relatedText(const ModelMeta *model, const QVariant &pk)
{
    if (!model)
        return pk.toString();
    const std::optional<Model> row = model->objects().filter(Q(u"pk"_s, pk)).first();
    return row ? row->str() : u"%1 (deleted)"_s.arg(pk.toString());
}

} // namespace

QString FieldDisplay::text(const Field *field, const QVariant &value)
{
    if (!field)
        return value.toString();
    if (const auto *m2m = dynamic_cast<const ManyToManyField *>(field)) {
        const QVariantList pks = value.toList();
        if (pks.isEmpty())
            return emptyValue();
        QStringList names;
        for (const QVariant &pk : pks)
            names << relatedText(m2m->relatedModel(), pk);
        return names.join(u", "_s);
    }
    if (value.isNull() || !value.isValid())
        return emptyValue();
    if (const auto *fk = dynamic_cast<const ForeignKey *>(field))
        return relatedText(fk->relatedModel(), value);
    if (!field->choices().isEmpty())
        return field->choiceLabel(value);
    switch (value.metaType().id()) {
    case QMetaType::Bool:
        return value.toBool() ? u"Yes"_s : u"No"_s;
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QDateTime:
        return value.toDateTime().toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
    default:
        return field->displayValue(value);
    }
}

} // namespace quango
