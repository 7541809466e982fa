#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Adds a field. preserve_default=false: the default only fills existing rows
// (a one-off answer to makemigrations), the state keeps no default.
class AddField : public Operation {
public:
    AddField(QString modelName, QVariantMap field, bool preserveDefault = true);
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("AddField"); }
    void stateForwards(const QString &appLabel, ProjectState &state) const override;
    void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    QString describe() const override { return QStringLiteral("Add field %1 to %2").arg(m_name, m_modelName); }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return QStringLiteral("%1_%2").arg(m_modelName.toLower(), m_name); }
    const QVariantMap &field() const { return m_field; }

private:
    QString m_modelName, m_name;
    QVariantMap m_field;
    bool m_preserveDefault;
};

} // namespace quango
