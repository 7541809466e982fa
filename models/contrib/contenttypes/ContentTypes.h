#pragma once
#include "orm/Model.h"
#include <QList>
#include <QString>

namespace quango {

class AppConfig;
class ModelMeta;

// Django's ContentTypeManager and the post_migrate receiver
// create_contenttypes: the content type of a model, made on first use.
class ContentTypes {
public:
    // contenttypes.ContentType's metadata; throws ImproperlyConfigured when the
    // app is not installed.
    static const ModelMeta &meta();
    // get_for_model: the row for `model` (app_label, model name), created when missing.
    static Model getForModel(const ModelMeta &model, const QString &alias = QStringLiteral("default"));
    static Model getForId(const QVariant &id, const QString &alias = QStringLiteral("default"));
    // The installed model a content type names, or nullptr (a stale row).
    static const ModelMeta *modelClass(const Model &contentType);
    // "Blog | post"; the model name alone for a stale row (Django's app_labeled_name).
    static QString appLabeledName(const Model &contentType);
    // Creates the missing content types of the app's models; returns the new
    // ones. Nothing happens when django_content_type does not exist (yet).
    static QList<Model> createContentTypes(const AppConfig &app, const QString &alias = QStringLiteral("default"), int verbosity = 1);
    // Whether django_content_type exists on `alias`.
    static bool tableExists(const QString &alias = QStringLiteral("default"));
};

} // namespace quango
