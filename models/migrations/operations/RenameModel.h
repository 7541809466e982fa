#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Renames a model; its table follows when the table name was the default.
class RenameModel : public Operation {
public:
    RenameModel(QString oldName, QString newName);
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("RenameModel"); }
    void stateForwards(const QString &appLabel, ProjectState &state) const override;
    void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    QString describe() const override { return QStringLiteral("Rename model %1 to %2").arg(m_oldName, m_newName); }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return QStringLiteral("rename_%1_%2").arg(m_oldName.toLower(), m_newName.toLower()); }

private:
    QString m_oldName, m_newName;
};

} // namespace quango
