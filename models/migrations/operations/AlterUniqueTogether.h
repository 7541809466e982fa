#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Changes Meta.unique_together.
class AlterUniqueTogether : public Operation {
public:
    AlterUniqueTogether(QString name, QList<QStringList> uniqueTogether);
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("AlterUniqueTogether"); }
    void stateForwards(const QString &appLabel, ProjectState &state) const override;
    void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    QString describe() const override { return QStringLiteral("Alter unique_together for %1 (%2 constraint(s))").arg(m_name).arg(m_uniqueTogether.size()); }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return QStringLiteral("alter_%1_unique_together").arg(m_name.toLower()); }

private:
    QString m_name;
    QList<QStringList> m_uniqueTogether;
};

} // namespace quango
