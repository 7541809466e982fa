#pragma once
#include "orm/ModelMeta.h"
#include <QList>
#include <QString>
#include <memory>

namespace quango {

class Registry;

// Django's AppConfig: a label and the app's models; later also its migrations,
// tasks and API routes. Subclass and override ready() to connect signals.
class AppConfig {
public:
    explicit AppConfig(QString label, QString verboseName = {});
    virtual ~AppConfig();

    const QString &label() const { return m_label; }
    QString verboseName() const;
    void setVerboseName(const QString &name) { m_verboseName = name; }

    // Declares a model: fields in order; an "id" AutoField is added first unless
    // a field has primaryKey. Returns the metadata, owned by the app.
    ModelMeta *addModel(const QString &objectName, QList<FieldDecl> fields, MetaOptions options = {});
    const QList<ModelMeta *> &models() const { return m_modelPointers; }
    ModelMeta *model(const QString &name) const; // case-insensitive

    // Qt resource or disk folder holding this app's migration files. Like
    // Django's "<app>.migrations" module it defaults to ":/migrations/<label>";
    // an app whose folder holds no migration is unmigrated (migrate --run-syncdb).
    const QString &migrationsPath() const { return m_migrationsPath; }
    void setMigrationsPath(const QString &path) { m_migrationsPath = path; }

    // Called once by Registry::populate after every relation is resolved.
    virtual void ready() {}

    Registry *registry() const { return m_registry; }
    void setRegistry(Registry *registry) { m_registry = registry; }

private:
    QString m_label;
    QString m_verboseName;
    QString m_migrationsPath;
    QList<std::shared_ptr<ModelMeta>> m_models;
    QList<ModelMeta *> m_modelPointers;
    Registry *m_registry = nullptr;
};

} // namespace quango
