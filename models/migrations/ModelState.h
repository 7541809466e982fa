#pragma once
#include "orm/ModelMeta.h"
#include <QList>
#include <QString>
#include <QVariantMap>

namespace quango {

// Django's ModelState: one model as migrations see it — plain data (fields as
// Field::deconstruct() maps, in order, the pk included; Meta options).
struct ModelState {
    QString appLabel;
    QString name;                 // "Post"
    QList<QVariantMap> fields;
    MetaOptions options;

    QString nameLower() const { return name.toLower(); }
    QString key() const { return appLabel + QLatin1Char('.') + nameLower(); }
    int fieldIndex(const QString &fieldName) const;    // -1 when absent
    const QVariantMap *field(const QString &fieldName) const;
    QStringList fieldNames() const;
    // Labels ("app.Model") of the models this one points to with relations.
    QStringList relatedModels() const;

    static ModelState fromMeta(const ModelMeta &meta);
};

} // namespace quango
