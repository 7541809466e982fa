#include "orm/RelatedField.h"
#include "orm/Exceptions.h"
#include "orm/Model.h"
#include "orm/ModelMeta.h"

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
QString ownerName(const ModelMeta *model)
{
    return model ? model->modelName() : QString();
}

// A Model given where a pk is expected: its pk (NULL for an invalid Model).
QVariant pkOf(const QVariant &value)
{
    const Model instance = value.value<Model>();
    return instance.isValid() ? instance.pk() : QVariant();
}

bool isModel(const QVariant &value)
{
    return value.metaType() == QMetaType::fromType<Model>();
}

// The target pk field's clean(), with its messages filed under `name`.
QVariant cleanAs(const Field *target, const QString &name, const QVariant &value)
{
    try {
        return target->clean(value);
    } catch (const ValidationError &error) {
        QStringList messages;
        for (auto it = error.errors().cbegin(); it != error.errors().cend(); ++it)
            messages << it.value();
        throw ValidationError(QMap<QString, QStringList>{{name, messages}});
    }
}
} // namespace

RelatedField::RelatedField(QString name, QString to, FieldOptions options)
    : Field(std::move(name), std::move(options)), m_to(std::move(to))
{
}

QString RelatedField::relatedAccessorName() const
{
    if (!m_options.relatedName.isEmpty())
        return m_options.relatedName;
    return ownerName(m_model) + u"_set"_s;
}

QString RelatedField::relatedQueryName() const
{
    if (!m_options.relatedName.isEmpty())
        return m_options.relatedName;
    return ownerName(m_model);
}

QString RelatedField::displayValue(const QVariant &value) const
{
    if (value.isNull())
        return QString();
    if (isModel(value))
        return value.value<Model>().str();
    return value.toString();
}

void RelatedField::deconstructExtra(QVariantMap &out) const
{
    // "self" and same-app names become full labels so migrations are unambiguous.
    QString to = m_to;
    if (m_relatedModel)
        to = m_relatedModel->label();
    else if (m_to == u"self"_s && m_model)
        to = m_model->label();
    else if (!m_to.contains(u'.') && m_model)
        to = m_model->appLabel() + u'.' + m_to;
    out.insert(u"to"_s, to);
}

// ---------------------------------------------------------------------------

ForeignKey::ForeignKey(QString name, QString to, OnDelete onDelete, FieldOptions options)
    : RelatedField(std::move(name), std::move(to), std::move(options)), m_onDelete(onDelete)
{
    m_options.dbIndex = true; // Django indexes foreign keys
}

const Field *ForeignKey::targetField() const
{
    if (!m_relatedModel)
        throw ImproperlyConfigured(u"%1.%2 points to '%3', which is not an installed model (or the registry is not populated)."_s
                                       .arg(m_model ? m_model->label() : u"?"_s, m_name, m_to));
    const Field *pk = m_relatedModel->pk();
    if (!pk)
        throw ImproperlyConfigured(u"%1.%2 points to %3, which has no primary key."_s
                                       .arg(m_model ? m_model->label() : u"?"_s, m_name, m_relatedModel->label()));
    return pk;
}

QVariant ForeignKey::clean(const QVariant &value) const
{
    if (value.isNull())
        return QVariant();
    if (isModel(value)) {
        const QVariant pk = pkOf(value);
        return pk.isNull() ? QVariant() : cleanAs(targetField(), m_name, pk);
    }
    return cleanAs(targetField(), m_name, value);
}

QVariant ForeignKey::toDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull())
        return QVariant();
    return targetField()->toDatabase(clean(value), ops);
}

QVariant ForeignKey::fromDatabase(const QVariant &value, const DatabaseOperations &ops) const
{
    if (value.isNull())
        return QVariant();
    return targetField()->fromDatabase(value, ops);
}

void ForeignKey::deconstructExtra(QVariantMap &out) const
{
    RelatedField::deconstructExtra(out);
    out.insert(u"on_delete"_s, onDeleteName(m_onDelete));
    out.remove(u"db_index"_s);  // implied, as in Django
    if (internalType() == u"OneToOneField"_s)
        out.remove(u"unique"_s);  // implied
}

// ---------------------------------------------------------------------------

OneToOneField::OneToOneField(QString name, QString to, OnDelete onDelete, FieldOptions options)
    : ForeignKey(std::move(name), std::move(to), onDelete, std::move(options))
{
    m_options.unique = true;
}

QString OneToOneField::relatedAccessorName() const
{
    if (!m_options.relatedName.isEmpty())
        return m_options.relatedName;
    return ownerName(m_model);
}

// ---------------------------------------------------------------------------

ManyToManyField::ManyToManyField(QString name, QString to, FieldOptions options)
    : RelatedField(std::move(name), std::move(to), std::move(options))
{
}

QString ManyToManyField::throughTable() const
{
    if (!m_options.dbTable.isEmpty())
        return m_options.dbTable;
    if (!m_model)
        throw ImproperlyConfigured(u"ManyToManyField '%1' is not attached to a model yet: its table name is unknown."_s.arg(m_name));
    // Django: "%s_%s" % (owner's db_table, field name), which is
    // "<app_label>_<modelname>_<field>" unless the owner sets Meta.db_table.
    const QString ownerTable = m_model->dbTable().isEmpty() ? m_model->appLabel() + u'_' + m_model->modelName()
                                                            : m_model->dbTable();
    return ownerTable + u'_' + m_name;
}

static bool pointsToItself(const ManyToManyField &field)
{
    if (!field.model())
        return false;
    if (field.relatedModel())
        return field.relatedModel() == field.model();
    return field.to() == u"self"_s || field.to() == field.model()->label() || field.to() == field.model()->objectName();
}

QString ManyToManyField::sourceColumn() const
{
    const QString owner = ownerName(m_model);
    if (pointsToItself(*this))
        return u"from_"_s + owner + u"_id"_s;
    return owner + u"_id"_s;
}

QString ManyToManyField::targetColumn() const
{
    if (pointsToItself(*this))
        return u"to_"_s + ownerName(m_model) + u"_id"_s;
    const QString target = m_relatedModel ? m_relatedModel->modelName() : m_to.section(u'.', -1).toLower();
    return target + u"_id"_s;
}

QVariant ManyToManyField::clean(const QVariant &value) const
{
    if (value.isNull())
        return QVariantList();
    const Field *target = m_relatedModel ? m_relatedModel->pk() : nullptr;
    auto cleanOne = [&](const QVariant &item) -> QVariant {
        const QVariant pk = isModel(item) ? pkOf(item) : item;
        if (pk.isNull())
            raiseInvalid(u"Related objects must be saved before they are added to '%1'."_s.arg(m_name));
        return target ? cleanAs(target, m_name, pk) : pk;
    };
    QVariantList out;
    const int type = value.metaType().id();
    if (type == QMetaType::QVariantList || type == QMetaType::QStringList) {
        const QVariantList items = value.toList();
        out.reserve(items.size());
        for (const QVariant &item : items)
            out << cleanOne(item);
    } else if (isModel(value) || value.canConvert<qlonglong>() || type == QMetaType::QUuid) {
        out << cleanOne(value); // a single pk or instance
    } else if (value.canConvert<QVariantList>()) {
        const QVariantList items = value.toList();
        for (const QVariant &item : items)
            out << cleanOne(item);
    } else {
        raiseInvalid(u"Enter a list of values."_s);
    }
    return out;
}

QStringList ManyToManyField::validate(const QVariant &value) const
{
    if (!isBlank() && isEmptyValue(value))
        return {u"This field is required."_s};
    return {};
}

} // namespace quango
