#include "migrations/MigrationRecorder.h"
#include "db/Connection.h"
#include "db/SchemaEditor.h"
#include "orm/ModelMeta.h"
#include "orm/QuerySet.h"
#include "orm/fields/AutoField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/DateTimeField.h"
#include <QDateTime>

namespace quango {

MigrationRecorder::MigrationRecorder(Connection &connection) : m_connection(connection) {}

const ModelMeta &MigrationRecorder::model()
{
    static const std::shared_ptr<ModelMeta> meta = [] {
        QList<FieldPtr> fields{std::make_shared<AutoField>(QStringLiteral("id"), FieldOptions{.verboseName = QStringLiteral("ID"), .primaryKey = true}),
                               std::make_shared<CharField>(QStringLiteral("app"), 255),
                               std::make_shared<CharField>(QStringLiteral("name"), 255),
                               std::make_shared<DateTimeField>(QStringLiteral("applied"))};
        return std::make_shared<ModelMeta>(QStringLiteral("migrations"), QStringLiteral("Migration"), fields,
                                           MetaOptions{.dbTable = QStringLiteral("django_migrations")});
    }();
    return *meta;
}

bool MigrationRecorder::hasTable() const { return SchemaEditor(m_connection).tableExists(model().dbTable()); }

void MigrationRecorder::ensureSchema()
{
    if (hasTable())
        return;
    SchemaEditor(m_connection).createModel(model());
}

QSet<MigrationKey> MigrationRecorder::appliedMigrations() const
{
    QSet<MigrationKey> out;
    if (!hasTable())
        return out;
    const QList<QVariantList> rows = QuerySet(&model(), m_connection.alias()).valuesList({QStringLiteral("app"), QStringLiteral("name")}).list();
    for (const QVariantList &row : rows)
        out.insert({row.at(0).toString(), row.at(1).toString()});
    return out;
}

void MigrationRecorder::recordApplied(const QString &appLabel, const QString &name)
{
    ensureSchema();
    QuerySet(&model(), m_connection.alias())
        .create({{QStringLiteral("app"), appLabel}, {QStringLiteral("name"), name}, {QStringLiteral("applied"), QDateTime::currentDateTimeUtc()}});
}

void MigrationRecorder::recordUnapplied(const QString &appLabel, const QString &name)
{
    ensureSchema();
    QuerySet(&model(), m_connection.alias()).filter(Q({{QStringLiteral("app"), appLabel}, {QStringLiteral("name"), name}})).deleteRows();
}

void MigrationRecorder::flush()
{
    if (hasTable())
        QuerySet(&model(), m_connection.alias()).all().deleteRows();
}

} // namespace quango
