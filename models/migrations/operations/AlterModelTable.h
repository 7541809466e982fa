#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Changes Meta.db_table: renames the table.
class AlterModelTable : public Operation {
public:
    AlterModelTable(QString name, QString table);
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("AlterModelTable"); }
    void stateForwards(const QString &appLabel, ProjectState &state) const override;
    void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    QString describe() const override { return QStringLiteral("Rename table for %1 to %2").arg(m_name, m_table.isEmpty() ? QStringLiteral("(default)") : m_table); }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return QStringLiteral("alter_%1_table").arg(m_name.toLower()); }

private:
    QString m_name, m_table;
};

} // namespace quango
