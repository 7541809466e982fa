#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Changes a field's definition (type, null, unique, index, default...).
class AlterField : public Operation {
public:
    AlterField(QString modelName, QVariantMap field, bool preserveDefault = true);
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("AlterField"); }
    void stateForwards(const QString &appLabel, ProjectState &state) const override;
    void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    QString describe() const override { return QStringLiteral("Alter field %1 on %2").arg(m_name, m_modelName); }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return QStringLiteral("alter_%1_%2").arg(m_modelName.toLower(), m_name); }
    const QVariantMap &field() const { return m_field; }

private:
    QString m_modelName, m_name;
    QVariantMap m_field;
    bool m_preserveDefault;
};

} // namespace quango
