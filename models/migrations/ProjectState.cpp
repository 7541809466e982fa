#include "migrations/ProjectState.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include "orm/FieldFactory.h"

namespace quango {

static QString keyOf(const QString &appLabel, const QString &name) { return appLabel + QLatin1Char('.') + name.toLower(); }

ProjectState::ProjectState() = default;
ProjectState::~ProjectState() = default;
ProjectState::ProjectState(const ProjectState &other) = default;
ProjectState &ProjectState::operator=(const ProjectState &other) = default;

void ProjectState::addModel(const ModelState &model)
{
    m_models.insert(model.key(), model);
    invalidate();
}

void ProjectState::removeModel(const QString &appLabel, const QString &name)
{
    if (!m_models.remove(keyOf(appLabel, name)))
        throw FieldError(QStringLiteral("No model '%1.%2' in the migration state.").arg(appLabel, name));
    invalidate();
}

bool ProjectState::hasModel(const QString &appLabel, const QString &name) const { return m_models.contains(keyOf(appLabel, name)); }

const ModelState &ProjectState::model(const QString &appLabel, const QString &name) const
{
    const auto it = m_models.constFind(keyOf(appLabel, name));
    if (it == m_models.constEnd())
        throw FieldError(QStringLiteral("No model '%1.%2' in the migration state (known: %3).")
                             .arg(appLabel, name, QStringList(m_models.keys()).join(QStringLiteral(", "))));
    return *it;
}

ModelState &ProjectState::mutableModel(const QString &appLabel, const QString &name)
{
    model(appLabel, name); // throws when absent
    invalidate();
    return m_models[keyOf(appLabel, name)];
}

QList<ModelState> ProjectState::models() const { return m_models.values(); }

QList<ModelState> ProjectState::models(const QString &appLabel) const
{
    QList<ModelState> out;
    for (const ModelState &m : m_models)
        if (m.appLabel == appLabel)
            out << m;
    return out;
}

QStringList ProjectState::appLabels() const
{
    QStringList labels;
    for (const ModelState &m : m_models)
        if (!labels.contains(m.appLabel))
            labels << m.appLabel;
    return labels;
}

const Registry &ProjectState::render() const
{
    if (m_rendered)
        return *m_rendered;
    auto registry = std::make_shared<Registry>();
    QMap<QString, std::shared_ptr<AppConfig>> apps;
    for (const ModelState &state : m_models) {
        auto &app = apps[state.appLabel];
        if (!app)
            app = std::make_shared<AppConfig>(state.appLabel);
        QList<FieldDecl> fields;
        for (const QVariantMap &field : state.fields)
            fields << FieldDecl(FieldFactory::create(field));
        app->addModel(state.name, fields, state.options);
    }
    for (const auto &app : std::as_const(apps))
        registry->addApp(app);
    registry->populate();
    m_rendered = registry;
    return *m_rendered;
}

const ModelMeta &ProjectState::meta(const QString &appLabel, const QString &name) const
{
    const ModelMeta *meta = render().model(appLabel, name);
    if (!meta)
        throw FieldError(QStringLiteral("No model '%1.%2' in the migration state.").arg(appLabel, name));
    return *meta;
}

ProjectState ProjectState::fromRegistry(const Registry &registry, const QStringList &appLabels)
{
    ProjectState state;
    for (const ModelMeta *meta : registry.models())
        if (appLabels.isEmpty() || appLabels.contains(meta->appLabel()))
            state.m_models.insert(keyOf(meta->appLabel(), meta->objectName()), ModelState::fromMeta(*meta));
    return state;
}

} // namespace quango
