#pragma once
// Helpers for the migration suites: an app whose migrations folder is a temp
// dir, migrations written as files, and rows read back with plain SQL.
#include "apps/Registry.h"
#include "db/Connection.h"
#include "migrations/Migration.h"
#include "migrations/MigrationWriter.h"
#include "migrations/OptionsSerializer.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

namespace quango::testing {

inline QVariantMap f(const QString &type, const QString &name, QVariantMap extra = {})
{
    extra.insert(QStringLiteral("type"), type);
    extra.insert(QStringLiteral("name"), name);
    return OptionsSerializer::normalizeField(extra);
}
inline QVariantMap idField() { return f("AutoField", "id", {{"primary_key", true}, {"verbose_name", "ID"}}); }

// A project of apps whose migrations live in a temp dir per app.
struct MigrationProject {
    QTemporaryDir dir;
    Registry registry;
    explicit MigrationProject(const QStringList &labels)
    {
        for (const QString &label : labels) {
            auto app = std::make_shared<AppConfig>(label);
            app->setMigrationsPath(dir.filePath(label));
            registry.addApp(app);
        }
        registry.populate();
    }
    QString path(const QString &app) const { return dir.filePath(app); }
    void write(const QString &app, const QString &name, const QList<MigrationKey> &deps, const QList<OperationPtr> &operations)
    {
        Migration migration(app, name);
        migration.setDependencies(deps);
        for (const OperationPtr &op : operations)
            migration.addOperation(op);
        MigrationWriter(migration).write(path(app));
    }
    void writeRaw(const QString &app, const QString &name, const QByteArray &json)
    {
        QDir().mkpath(path(app));
        QFile file(QDir(path(app)).filePath(name + ".json"));
        file.open(QIODevice::WriteOnly);
        file.write(json);
    }
};

inline QList<QVariantList> rows(const QString &sql)
{
    std::unique_ptr<QSqlQuery> query = Connection::get().executeUncached(sql);
    QList<QVariantList> out;
    while (query->next()) {
        QVariantList row;
        for (int i = 0; i < query->record().count(); ++i)
            row << query->value(i);
        out << row;
    }
    return out;
}
inline QVariantList column(const QString &sql)
{
    QVariantList out;
    for (const QVariantList &row : rows(sql))
        out << row.value(0);
    return out;
}
inline void exec(const QString &sql) { Connection::get().executeScript({sql}); }

inline bool tableExists(const QString &table)
{
    if (Connection::get().vendor() == DatabaseOperations::Vendor::Sqlite)
        return !rows(QStringLiteral("SELECT name FROM sqlite_master WHERE type='table' AND name='%1'").arg(table)).isEmpty();
    return !rows(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name='%1'").arg(table)).isEmpty();
}
inline QStringList columns(const QString &table)
{
    QStringList out;
    if (Connection::get().vendor() == DatabaseOperations::Vendor::Sqlite) {
        for (const QVariantList &row : rows(QStringLiteral("PRAGMA table_info(\"%1\")").arg(table)))
            out << row.value(1).toString();
    } else {
        for (const QVariant &name : column(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_name='%1' ORDER BY ordinal_position").arg(table)))
            out << name.toString();
    }
    return out;
}
inline QStringList indexes(const QString &table)
{
    QStringList out;
    const QString sql = Connection::get().vendor() == DatabaseOperations::Vendor::Sqlite
                            ? QStringLiteral("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='%1' AND sql IS NOT NULL ORDER BY name")
                            : QStringLiteral("SELECT indexname FROM pg_indexes WHERE tablename='%1' AND indexname NOT LIKE '%_pkey' ORDER BY indexname");
    for (const QVariant &name : column(sql.arg(table)))
        out << name.toString();
    return out;
}

} // namespace quango::testing
