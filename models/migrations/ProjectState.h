#pragma once
#include "migrations/ModelState.h"
#include <QMap>
#include <memory>

namespace quango {

class Registry;

// Django's ProjectState: every model's state at one point of the migration
// history. render() builds real ModelMeta objects in a private Registry so the
// SchemaEditor can run DDL for any historical state; the rendering is cached
// until the state changes. Copies are cheap until rendered.
class ProjectState {
public:
    ProjectState();
    ~ProjectState();
    ProjectState(const ProjectState &other);
    ProjectState &operator=(const ProjectState &other);

    void addModel(const ModelState &model);
    void removeModel(const QString &appLabel, const QString &name);
    bool hasModel(const QString &appLabel, const QString &name) const;
    const ModelState &model(const QString &appLabel, const QString &name) const; // throws FieldError
    ModelState &mutableModel(const QString &appLabel, const QString &name);      // invalidates the rendering
    QList<ModelState> models() const;
    QList<ModelState> models(const QString &appLabel) const;
    QStringList appLabels() const;
    void invalidate() { m_rendered.reset(); }

    // The state's models as metadata (relations resolved).
    const Registry &render() const;
    const ModelMeta &meta(const QString &appLabel, const QString &name) const;

    // The models a registry declares (managed or not): the "to" side of makemigrations.
    static ProjectState fromRegistry(const Registry &registry, const QStringList &appLabels = {});

private:
    QMap<QString, ModelState> m_models; // "app.modelname"
    mutable std::shared_ptr<Registry> m_rendered;
};

} // namespace quango
