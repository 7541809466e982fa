#pragma once
#include "db/DatabaseOperations.h"

namespace quango {

class PostgresOperations : public DatabaseOperations {
public:
    Vendor vendor() const override { return Vendor::Postgres; }
    QString vendorName() const override { return QStringLiteral("postgresql"); }
    QString driverName() const override { return QStringLiteral("QPSQL"); }
    const QHash<QString, QString> &dataTypes() const override;
    QString autoPrimaryKeyDefinition(const Field &field) const override;
    QString relatedColumnType(const Field &target) const override;
    QString lookupOperator(const QString &lookup, const QString &lhs) const override;
    // iexact compares with '=' on PostgreSQL, so its value is not a LIKE pattern.
    QString patternValue(const QString &lookup, const QString &value) const override;
    QString dateExtractSql(const QString &part, const QString &columnSql) const override;
    QString dateCastSql(const QString &columnSql) const override;
    QString randomFunctionSql() const override { return QStringLiteral("RANDOM()"); }
    bool supportsReturning() const override { return true; }
    QVariant adaptDateTime(const QDateTime &value) const override;
    QVariant adaptDate(const QDate &value) const override;
    QVariant adaptBool(bool value) const override { return value; }
    QVariant adaptUuid(const QUuid &value) const override;
    QVariant adaptDecimal(const QString &value) const override;
    QStringList connectionInitStatements() const override;
};

} // namespace quango
