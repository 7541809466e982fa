#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Drops a field's column (or its M2M table).
class RemoveField : public Operation {
public:
    RemoveField(QString modelName, QString name);
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("RemoveField"); }
    void stateForwards(const QString &appLabel, ProjectState &state) const override;
    void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    QString describe() const override { return QStringLiteral("Remove field %1 from %2").arg(m_name, m_modelName); }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return QStringLiteral("remove_%1_%2").arg(m_modelName.toLower(), m_name); }

private:
    QString m_modelName, m_name;
};

} // namespace quango
