#include "orm/RelatedField.h"
#include "orm/Exceptions.h"
#include "orm/Model.h"
#include "orm/ModelMeta.h"

namespace quango {

RelatedField::RelatedField(QString name, QString to, FieldOptions options)
    : Field(std::move(name), std::move(options)), m_to(std::move(to))
{
}

QString RelatedField::relatedAccessorName() const
{
    if (!m_options.relatedName.isEmpty())
        return m_options.relatedName;
    return (m_model ? m_model->modelName() : QString()) + QStringLiteral("_set");
}

QString RelatedField::relatedQueryName() const
{
    if (!m_options.relatedName.isEmpty())
        return m_options.relatedName;
    return m_model ? m_model->modelName() : QString();
}

QString RelatedField::displayValue(const QVariant &value) const { return value.isNull() ? QString() : value.toString(); }

void RelatedField::deconstructExtra(QVariantMap &out) const
{
    // "self" and same-app names become full labels so migrations are unambiguous.
    QString to = m_to;
    if (m_relatedModel)
        to = m_relatedModel->appLabel() + QLatin1Char('.') + m_relatedModel->objectName();
    out.insert(QStringLiteral("to"), to);
}

ForeignKey::ForeignKey(QString name, QString to, OnDelete onDelete, FieldOptions options)
    : RelatedField(std::move(name), std::move(to), std::move(options)), m_onDelete(onDelete)
{
    m_options.dbIndex = true; // Django indexes foreign keys
}

const Field *ForeignKey::targetField() const
{
    if (!m_relatedModel)
        throw ImproperlyConfigured(QStringLiteral("%1.%2 points to '%3', which is not an installed model (or the registry is not populated).")
                                       .arg(m_model ? m_model->label() : QStringLiteral("?"), m_name, m_to));
    return m_relatedModel->pk();
}

QVariant ForeignKey::clean(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return QVariant();
    if (value.metaType() == QMetaType::fromType<Model>()) {
        const Model instance = value.value<Model>();
        return instance.isValid() ? instance.pk() : QVariant();
    }
    return targetField()->clean(value);
}

QVariant ForeignKey::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    return value.isNull() ? QVariant() : targetField()->toDatabase(clean(value), ops);
}

QVariant ForeignKey::fromDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    return value.isNull() ? value : targetField()->fromDatabase(value, ops);
}

void ForeignKey::deconstructExtra(QVariantMap &out) const
{
    RelatedField::deconstructExtra(out);
    out.insert(QStringLiteral("on_delete"), onDeleteName(m_onDelete));
    out.remove(QStringLiteral("db_index")); // implied
}

OneToOneField::OneToOneField(QString name, QString to, OnDelete onDelete, FieldOptions options)
    : ForeignKey(std::move(name), std::move(to), onDelete, std::move(options))
{
    m_options.unique = true;
}

QString OneToOneField::relatedAccessorName() const
{
    if (!m_options.relatedName.isEmpty())
        return m_options.relatedName;
    return m_model ? m_model->modelName() : QString();
}

ManyToManyField::ManyToManyField(QString name, QString to, FieldOptions options)
    : RelatedField(std::move(name), std::move(to), std::move(options))
{
}

QString ManyToManyField::throughTable() const
{
    if (!m_options.dbTable.isEmpty())
        return m_options.dbTable;
    return m_model->appLabel() + QLatin1Char('_') + m_model->modelName() + QLatin1Char('_') + m_name;
}

QString ManyToManyField::sourceColumn() const
{
    if (m_relatedModel == m_model)
        return QStringLiteral("from_") + m_model->modelName() + QStringLiteral("_id");
    return m_model->modelName() + QStringLiteral("_id");
}

QString ManyToManyField::targetColumn() const
{
    const QString target = m_relatedModel ? m_relatedModel->modelName() : m_to.section(QLatin1Char('.'), -1).toLower();
    if (m_relatedModel == m_model)
        return QStringLiteral("to_") + target + QStringLiteral("_id");
    return target + QStringLiteral("_id");
}

QVariant ManyToManyField::clean(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return QVariantList();
    QVariantList out;
    const Field *target = m_relatedModel ? m_relatedModel->pk() : nullptr;
    for (const QVariant &item : value.toList()) {
        if (item.metaType() == QMetaType::fromType<Model>())
            out << item.value<Model>().pk();
        else
            out << (target ? target->clean(item) : item);
    }
    return out;
}

QStringList ManyToManyField::validate(const QVariant &value) const
{
    if (!isBlank() && value.toList().isEmpty())
        return {QStringLiteral("This field is required.")};
    return {};
}

} // namespace quango
