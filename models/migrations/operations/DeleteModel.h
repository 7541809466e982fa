#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Drops a model's table (and its M2M tables).
class DeleteModel : public Operation {
public:
    explicit DeleteModel(QString name);
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("DeleteModel"); }
    void stateForwards(const QString &appLabel, ProjectState &state) const override;
    void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    QString describe() const override { return QStringLiteral("Delete model %1").arg(m_name); }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return QStringLiteral("delete_") + m_name.toLower(); }
    const QString &name() const { return m_name; }

private:
    QString m_name;
};

} // namespace quango
