#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Meta.indexes change: AddIndex.
class AddIndex : public Operation {
public:
    AddIndex(QString modelName, Index index);
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("AddIndex"); }
    void stateForwards(const QString &appLabel, ProjectState &state) const override;
    void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    QString describe() const override { return QStringLiteral("Create index %1 on %2").arg(m_index.name.isEmpty() ? m_index.fields.join(QStringLiteral(", ")) : m_index.name, m_modelName); }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return QStringLiteral("%1_%2").arg(m_modelName.toLower(), m_index.name.isEmpty() ? m_index.fields.join(QLatin1Char('_')).remove(QLatin1Char('-')) : m_index.name); }

private:
    QString m_modelName;
    Index m_index;
};

} // namespace quango
