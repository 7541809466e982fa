#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Raw SQL forwards, and backwards (no reverse SQL = irreversible).
class RunSQL : public Operation {
public:
    RunSQL(QStringList sql, QStringList reverseSql = {}, bool reversible = false);
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("RunSQL"); }
    void stateForwards(const QString &, ProjectState &) const override {}
    void databaseForwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    void databaseBackwards(const QString &appLabel, SchemaEditor &editor, const ProjectState &from, const ProjectState &to) const override;
    QString describe() const override { return QStringLiteral("Raw SQL operation"); }
    bool isReversible() const override { return m_reversible; }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return QStringLiteral("run_sql"); }

private:
    QStringList m_sql, m_reverseSql;
    bool m_reversible;
};

} // namespace quango
