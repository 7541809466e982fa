#pragma once
#include "migrations/Operation.h"
#include "orm/ModelMeta.h"
#include <QList>
#include <QVariantMap>

namespace quango {

// Changes Meta options that need no DDL: ordering, verbose names,
// permissions, default_permissions, get_latest_by, managed.
class AlterModelOptions : public Operation {
public:
    AlterModelOptions(QString name, MetaOptions options);
    static OperationPtr fromJson(const QJsonObject &json);
    QString type() const override { return QStringLiteral("AlterModelOptions"); }
    void stateForwards(const QString &appLabel, ProjectState &state) const override;
    void databaseForwards(const QString &, SchemaEditor &, const ProjectState &, const ProjectState &) const override {}
    void databaseBackwards(const QString &, SchemaEditor &, const ProjectState &, const ProjectState &) const override {}
    QString describe() const override { return QStringLiteral("Change Meta options on %1").arg(m_name); }
    QJsonObject toJson() const override;
    QString nameFragment() const override { return QStringLiteral("alter_%1_options").arg(m_name.toLower()); }
    // Copies the options this operation manages from `from` into `into`.
    static void applyTo(MetaOptions &into, const MetaOptions &from);
    static bool differ(const MetaOptions &a, const MetaOptions &b);

private:
    QString m_name;
    MetaOptions m_options;
};

} // namespace quango
