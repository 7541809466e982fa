#include "apps/AppConfig.h"
#include "orm/Exceptions.h"
#include "orm/fields/AutoField.h"
#include "utils/Text.h"

namespace quango {

AppConfig::AppConfig(QString label, QString verboseName)
    : m_label(std::move(label)), m_verboseName(std::move(verboseName)), m_migrationsPath(QStringLiteral(":/migrations/") + m_label)
{
}

AppConfig::~AppConfig() = default;

QString AppConfig::verboseName() const
{
    if (!m_verboseName.isEmpty())
        return m_verboseName;
    QString name = m_label;
    name.replace(QLatin1Char('_'), QLatin1Char(' '));
    return capFirst(name);
}

ModelMeta *AppConfig::addModel(const QString &objectName, QList<FieldDecl> fields, MetaOptions options)
{
    if (model(objectName))
        throw ImproperlyConfigured(QStringLiteral("App '%1' declares the model '%2' twice.").arg(m_label, objectName));
    QList<FieldPtr> pointers;
    bool hasPk = false;
    for (const FieldDecl &decl : fields) {
        pointers.append(decl.ptr());
        hasPk = hasPk || decl.ptr()->isPrimaryKey();
    }
    // Django adds "id = AutoField(primary_key=True)" when no field is the pk.
    if (!hasPk)
        pointers.prepend(std::make_shared<AutoField>(QStringLiteral("id"),
                                                     FieldOptions{.verboseName = QStringLiteral("ID"), .primaryKey = true}));
    auto meta = std::make_shared<ModelMeta>(m_label, objectName, std::move(pointers), std::move(options));
    meta->setApp(this);
    m_models.append(meta);
    m_modelPointers.append(meta.get());
    return meta.get();
}

ModelMeta *AppConfig::model(const QString &name) const
{
    for (ModelMeta *meta : m_modelPointers)
        if (meta->objectName().compare(name, Qt::CaseInsensitive) == 0)
            return meta;
    return nullptr;
}

} // namespace quango
