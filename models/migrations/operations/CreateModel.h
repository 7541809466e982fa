#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Creates a model: its state and its table (with indexes and M2M tables).
class CreateModel : public Operation {
public:
    CreateModel(QString name, QList<QVariantMap> fields, MetaOptions options = {});
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("CreateModel"); }
    void stateForwards(const QString &appLabel, ProjectState &state) const override;
    void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    QString describe() const override { return QStringLiteral("Create model %1").arg(m_name); }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return m_name.toLower(); }
    const QString &name() const { return m_name; }
    const QList<QVariantMap> &fields() const { return m_fields; }
    const MetaOptions &options() const { return m_options; }

private:
    QString m_name;
    QList<QVariantMap> m_fields;
    MetaOptions m_options;
};

} // namespace quango
