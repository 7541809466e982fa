#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "orm/RelatedField.h"
#include <QSet>

namespace quango {

QString CheckMessage::toString() const
{
    QString text = QStringLiteral("%1: (%2) %3").arg(object, id, message);
    if (!hint.isEmpty())
        text += QStringLiteral("\n\tHINT: ") + hint;
    return text;
}

Registry &Registry::instance()
{
    static Registry registry;
    return registry;
}

void Registry::addApp(std::shared_ptr<AppConfig> app)
{
    if (this->app(app->label()))
        throw ImproperlyConfigured(QStringLiteral("Application labels aren't unique, duplicates: %1").arg(app->label()));
    app->setRegistry(this);
    m_apps.append(app);
    // An app installed after populate() is wired up and readied at once.
    if (m_ready) {
        resolveRelations();
        app->ready();
    }
}

void Registry::populate()
{
    if (m_ready)
        return;
    resolveRelations();
    m_ready = true;
    for (const auto &app : std::as_const(m_apps))
        app->ready();
}

void Registry::clear()
{
    m_apps.clear();
    m_ready = false;
}

static const ModelMeta *resolveTarget(const Registry &registry, const ModelMeta &owner, const QString &to)
{
    if (to == QLatin1String("self"))
        return &owner;
    if (to.contains(QLatin1Char('.')))
        return registry.model(to);
    return registry.model(owner.appLabel(), to);
}

void Registry::resolveRelations()
{
    for (const auto &app : std::as_const(m_apps))
        for (ModelMeta *model : app->models())
            model->clearReverseRelations();
    for (const auto &app : std::as_const(m_apps)) {
        for (ModelMeta *model : app->models()) {
            for (const FieldPtr &field : model->fields()) {
                auto *related = dynamic_cast<RelatedField *>(field.get());
                if (!related)
                    continue;
                const ModelMeta *target = resolveTarget(*this, *model, related->to());
                related->setRelatedModel(target);
                if (!target)
                    continue;
                ReverseRelation relation;
                relation.field = related;
                relation.model = model;
                relation.accessorName = related->relatedAccessorName();
                relation.queryName = related->relatedQueryName();
                relation.multiple = related->reverseIsMultiple();
                relation.manyToMany = related->isManyToMany();
                const_cast<ModelMeta *>(target)->addReverseRelation(relation);
            }
        }
    }
}

QList<AppConfig *> Registry::apps() const
{
    QList<AppConfig *> out;
    for (const auto &app : m_apps)
        out.append(app.get());
    return out;
}

AppConfig *Registry::app(const QString &label) const
{
    for (const auto &app : m_apps)
        if (app->label().compare(label, Qt::CaseInsensitive) == 0)
            return app.get();
    return nullptr;
}

AppConfig &Registry::appOrThrow(const QString &label) const
{
    if (AppConfig *found = app(label))
        return *found;
    QStringList labels;
    for (const auto &app : m_apps)
        labels << app->label();
    throw ImproperlyConfigured(QStringLiteral("No installed app with label '%1'. Installed apps: %2")
                                   .arg(label, labels.join(QStringLiteral(", "))));
}

const ModelMeta *Registry::model(const QString &appLabel, const QString &modelName) const
{
    AppConfig *config = app(appLabel);
    return config ? config->model(modelName) : nullptr;
}

const ModelMeta *Registry::model(const QString &label) const
{
    const qsizetype dot = label.indexOf(QLatin1Char('.'));
    if (dot <= 0)
        return nullptr;
    return model(label.left(dot), label.mid(dot + 1));
}

const ModelMeta &Registry::modelOrThrow(const QString &label) const
{
    if (const ModelMeta *meta = model(label))
        return *meta;
    QStringList labels;
    for (const ModelMeta *meta : models())
        labels << meta->label();
    throw ImproperlyConfigured(QStringLiteral("No installed model '%1' (expected \"app_label.ModelName\"). Installed models: %2")
                                   .arg(label, labels.join(QStringLiteral(", "))));
}

QList<const ModelMeta *> Registry::models() const
{
    QList<const ModelMeta *> out;
    for (const auto &app : m_apps)
        for (ModelMeta *model : app->models())
            out.append(model);
    return out;
}

QList<CheckMessage> Registry::check() const
{
    QList<CheckMessage> messages;
    auto error = [&](const QString &id, const QString &object, const QString &message, const QString &hint = {}) {
        messages.append({CheckMessage::Level::Error, id, object, message, hint});
    };
    QHash<QString, QString> tables;
    for (const ModelMeta *model : models()) {
        const QString table = model->dbTable();
        if (tables.contains(table))
            error(QStringLiteral("models.E028"), model->label(),
                  QStringLiteral("db_table '%1' is used by multiple models: %2, %3.").arg(table, tables.value(table), model->label()));
        tables.insert(table, model->label());

        QSet<QString> accessors;
        for (const FieldPtr &field : model->fields()) {
            const QString object = model->label() + QLatin1Char('.') + field->name();
            if (field->name().endsWith(QLatin1Char('_')) || field->name().contains(QLatin1String("__")))
                error(QStringLiteral("fields.E001"), object,
                      QStringLiteral("Field names must not end with an underscore or contain \"__\"."));
            if (auto *related = dynamic_cast<const RelatedField *>(field.get())) {
                if (!related->relatedModel()) {
                    error(QStringLiteral("fields.E300"), object,
                          QStringLiteral("Field defines a relation with model '%1', which is either not installed, or is abstract.")
                              .arg(related->to()));
                }
            }
        }
        for (const ReverseRelation &relation : model->reverseRelations()) {
            if (model->field(relation.accessorName))
                error(QStringLiteral("fields.E302"), relation.model->label() + QLatin1Char('.') + relation.field->name(),
                      QStringLiteral("Reverse accessor '%1.%2' clashes with field name '%1.%2'.").arg(model->objectName(), relation.accessorName),
                      QStringLiteral("Rename field '%1.%2', or add/change a related_name argument.").arg(model->objectName(), relation.accessorName));
            if (accessors.contains(relation.accessorName))
                error(QStringLiteral("fields.E304"), relation.model->label() + QLatin1Char('.') + relation.field->name(),
                      QStringLiteral("Reverse accessor '%1.%2' clashes with another reverse accessor.").arg(model->objectName(), relation.accessorName),
                      QStringLiteral("Add or change a related_name argument."));
            accessors.insert(relation.accessorName);
        }
        for (QString path : model->ordering()) {
            if (path == QLatin1String("?"))
                continue;
            if (path.startsWith(QLatin1Char('-')))
                path.remove(0, 1);
            const QString first = path.section(QStringLiteral("__"), 0, 0);
            if (!model->field(first) && !model->reverseRelation(first))
                error(QStringLiteral("models.E015"), model->label(),
                      QStringLiteral("'ordering' refers to the nonexistent field, related field, or lookup '%1'.").arg(path));
        }
        for (const QStringList &together : model->options().uniqueTogether)
            for (const QString &name : together)
                if (!model->field(name))
                    error(QStringLiteral("models.E012"), model->label(),
                          QStringLiteral("'unique_together' refers to the nonexistent field '%1'.").arg(name));
        for (const Index &index : model->options().indexes)
            for (QString name : index.fields)
                if (!model->field(name.remove(QLatin1Char('-'))))
                    error(QStringLiteral("models.E012"), model->label(),
                          QStringLiteral("'indexes' refers to the nonexistent field '%1'.").arg(name));
    }
    return messages;
}

} // namespace quango
