#include "orm/ModelMeta.h"
#include "orm/Exceptions.h"
#include "orm/Manager.h"
#include "orm/RelatedField.h"

namespace quango {

ModelMeta::ModelMeta(QString appLabel, QString objectName, QList<FieldPtr> fields, MetaOptions options)
    : m_appLabel(std::move(appLabel)), m_objectName(std::move(objectName)),
      m_modelName(m_objectName.toLower()), m_options(std::move(options)), m_fields(std::move(fields))
{
    m_dbTable = m_options.dbTable.isEmpty() ? m_appLabel + QLatin1Char('_') + m_modelName : m_options.dbTable;
    for (const FieldPtr &field : std::as_const(m_fields)) {
        if (m_byName.contains(field->name()))
            throw ImproperlyConfigured(QStringLiteral("Model %1 declares the field '%2' twice.").arg(label(), field->name()));
        field->setModel(this);
        m_byName.insert(field->name(), field.get());
        if (!field->isConcrete())
            continue;
        if (field->attname() != field->name())
            m_byName.insert(field->attname(), field.get());
        const int index = int(m_concrete.size());
        m_concrete.append(field.get());
        m_concreteByName.insert(field->name(), index);
        m_concreteByName.insert(field->attname(), index);
        if (field->isPrimaryKey()) {
            if (m_pk)
                throw ImproperlyConfigured(QStringLiteral("Model %1 has more than one primary key ('%2' and '%3').")
                                               .arg(label(), m_pk->name(), field->name()));
            m_pk = field.get();
            m_pkIndex = index;
        }
    }
    if (!m_pk)
        throw ImproperlyConfigured(QStringLiteral("Model %1 has no primary key.").arg(label()));
    m_byName.insert(QStringLiteral("pk"), m_pk);
    m_concreteByName.insert(QStringLiteral("pk"), m_pkIndex);
    m_managers.append({QStringLiteral("objects"), std::make_shared<Manager>(this)});
}

ModelMeta::~ModelMeta() = default;

QString ModelMeta::verboseName() const
{
    if (!m_options.verboseName.isEmpty())
        return m_options.verboseName;
    // Django's camel_case_to_spaces: "BlogPost" -> "blog post".
    QString out;
    for (int i = 0; i < m_objectName.size(); ++i) {
        const QChar c = m_objectName.at(i);
        if (c.isUpper() && i > 0 && !m_objectName.at(i - 1).isUpper())
            out += QLatin1Char(' ');
        out += c.toLower();
    }
    return out;
}

QString ModelMeta::verboseNamePlural() const
{
    return m_options.verboseNamePlural.isEmpty() ? verboseName() + QLatin1Char('s') : m_options.verboseNamePlural;
}

QList<const ManyToManyField *> ModelMeta::manyToManyFields() const
{
    QList<const ManyToManyField *> out;
    for (const FieldPtr &field : m_fields)
        if (auto *m2m = dynamic_cast<const ManyToManyField *>(field.get()))
            out.append(m2m);
    return out;
}

const Field *ModelMeta::field(const QString &name) const { return m_byName.value(name, nullptr); }

QStringList ModelMeta::fieldNames() const
{
    QStringList names;
    for (const FieldPtr &field : m_fields)
        names << field->name();
    for (const ReverseRelation &relation : m_reverse)
        names << relation.queryName;
    names.sort();
    return names;
}

const Field *ModelMeta::fieldOrThrow(const QString &name) const
{
    if (const Field *f = field(name))
        return f;
    throw FieldError(QStringLiteral("Cannot resolve keyword '%1' into field of %2. Choices are: %3")
                         .arg(name, label(), fieldNames().join(QStringLiteral(", "))));
}

int ModelMeta::concreteIndex(const QString &nameOrAttname) const { return m_concreteByName.value(nameOrAttname, -1); }

int ModelMeta::concreteIndex(const Field *field) const { return int(m_concrete.indexOf(field)); }

const ReverseRelation *ModelMeta::reverseRelation(const QString &name) const
{
    for (const ReverseRelation &relation : m_reverse)
        if (relation.accessorName == name || relation.queryName == name)
            return &relation;
    return nullptr;
}

Manager &ModelMeta::objects() const
{
    for (const auto &[name, manager] : m_managers)
        if (name == QLatin1String("objects"))
            return *manager;
    return *m_managers.first().second;
}

Manager &ModelMeta::manager(const QString &name) const
{
    for (const auto &[managerName, manager] : m_managers)
        if (managerName == name)
            return *manager;
    throw FieldError(QStringLiteral("Model %1 has no manager '%2'. Managers: %3")
                         .arg(label(), name, managerNames().join(QStringLiteral(", "))));
}

void ModelMeta::addManager(const QString &name, std::shared_ptr<Manager> manager)
{
    manager->setModel(this);
    for (auto &entry : m_managers) {
        if (entry.first == name) {
            entry.second = std::move(manager);
            return;
        }
    }
    m_managers.append({name, std::move(manager)});
}

QStringList ModelMeta::managerNames() const
{
    QStringList names;
    for (const auto &entry : m_managers)
        names << entry.first;
    return names;
}

} // namespace quango
