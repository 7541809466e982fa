#pragma once
#include "apps/AppConfig.h"
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace quango {

// One problem found by check(): Django's system-check message with an id.
struct CheckMessage {
    enum class Level { Warning, Error };
    Level level = Level::Error;
    QString id;        // "fields.E300"
    QString object;    // "blog.Post.author"
    QString message;
    QString hint;
    QString toString() const;
};

// Django's apps registry: the installed apps in order, model lookup by
// "app_label.ModelName" (case-insensitive), and relation resolution.
class Registry {
public:
    static Registry &instance();

    void addApp(std::shared_ptr<AppConfig> app);
    // Resolves every relation (filling reverse relations) and calls ready() on
    // each app once. A relation to an unknown model stays unresolved; check()
    // reports it (fields.E300) and using it throws ImproperlyConfigured.
    void populate();
    bool isReady() const { return m_ready; }
    // Forget every app (tests that build their own project).
    void clear();

    QList<AppConfig *> apps() const;
    AppConfig *app(const QString &label) const;             // nullptr if unknown
    AppConfig &appOrThrow(const QString &label) const;      // ImproperlyConfigured
    // "blog.Post", "blog.post"; nullptr if unknown.
    const ModelMeta *model(const QString &label) const;
    const ModelMeta &modelOrThrow(const QString &label) const; // lists installed models
    const ModelMeta *model(const QString &appLabel, const QString &modelName) const;
    QList<const ModelMeta *> models() const;
    // Django's system checks over models and relations.
    QList<CheckMessage> check() const;

private:
    void resolveRelations();
    QList<std::shared_ptr<AppConfig>> m_apps;
    bool m_ready = false;
};

} // namespace quango
