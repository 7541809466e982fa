#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Renames a field (and its column when the column name was the default).
class RenameField : public Operation {
public:
    RenameField(QString modelName, QString oldName, QString newName);
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("RenameField"); }
    void stateForwards(const QString &appLabel, ProjectState &state) const override;
    void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    QString describe() const override { return QStringLiteral("Rename field %1 on %2 to %3").arg(m_oldName, m_modelName, m_newName); }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return QStringLiteral("rename_%1_%2_%3").arg(m_oldName, m_modelName.toLower(), m_newName); }

private:
    QString m_modelName, m_oldName, m_newName;
};

} // namespace quango
