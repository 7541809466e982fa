#include "migrations/ModelState.h"
#include "migrations/OptionsSerializer.h"

namespace quango {

int ModelState::fieldIndex(const QString &fieldName) const
{
    for (int i = 0; i < fields.size(); ++i)
        if (fields.at(i).value(QStringLiteral("name")).toString() == fieldName)
            return i;
    return -1;
}

const QVariantMap *ModelState::field(const QString &fieldName) const
{
    const int i = fieldIndex(fieldName);
    return i < 0 ? nullptr : &fields.at(i);
}

QStringList ModelState::fieldNames() const
{
    QStringList names;
    for (const QVariantMap &f : fields)
        names << f.value(QStringLiteral("name")).toString();
    return names;
}

QStringList ModelState::relatedModels() const
{
    QStringList out;
    for (const QVariantMap &f : fields) {
        QString to = f.value(QStringLiteral("to")).toString();
        if (to.isEmpty() || to == QLatin1String("self"))
            continue;
        if (!to.contains(QLatin1Char('.')))
            to = appLabel + QLatin1Char('.') + to;
        if (!out.contains(to, Qt::CaseInsensitive))
            out << to;
    }
    return out;
}

ModelState ModelState::fromMeta(const ModelMeta &meta)
{
    ModelState state;
    state.appLabel = meta.appLabel();
    state.name = meta.objectName();
    for (const FieldPtr &field : meta.fields())
        state.fields << OptionsSerializer::normalizeField(field->deconstruct());
    state.options = meta.options();
    return state;
}

} // namespace quango
