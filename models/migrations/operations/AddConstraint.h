#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Meta.constraints change: AddConstraint.
class AddConstraint : public Operation {
public:
    AddConstraint(QString modelName, Constraint constraint);
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("AddConstraint"); }
    void stateForwards(const QString &appLabel, ProjectState &state) const override;
    void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    QString describe() const override { return QStringLiteral("Create constraint %1 on model %2").arg(m_constraint.name.isEmpty() ? m_constraint.fields.join(QStringLiteral(", ")) : m_constraint.name, m_modelName); }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return QStringLiteral("%1_%2").arg(m_modelName.toLower(), m_constraint.name); }

private:
    QString m_modelName;
    Constraint m_constraint;
};

} // namespace quango
