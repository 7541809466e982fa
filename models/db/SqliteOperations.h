#pragma once
#include "db/DatabaseOperations.h"

namespace quango {

class SqliteOperations : public DatabaseOperations {
public:
    Vendor vendor() const override { return Vendor::Sqlite; }
    QString vendorName() const override { return QStringLiteral("sqlite"); }
    QString driverName() const override { return QStringLiteral("QSQLITE"); }
    const QHash<QString, QString> &dataTypes() const override;
    QString autoPrimaryKeyDefinition(const Field &field) const override;
    QString lookupOperator(const QString &lookup, const QString &lhs) const override;
    QString patternValue(const QString &lookup, const QString &value) const override;
    QString dateExtractSql(const QString &part, const QString &columnSql) const override;
    QString dateCastSql(const QString &columnSql) const override;
    QString randomFunctionSql() const override { return QStringLiteral("RANDOM()"); }
    bool supportsReturning() const override { return false; }
    QString limitOffsetSql(qint64 limit, qint64 offset) const override; // OFFSET needs a LIMIT
    QVariant adaptDateTime(const QDateTime &value) const override;
    QVariant adaptDate(const QDate &value) const override;
    QVariant adaptBool(bool value) const override { return int(value); }
    QVariant adaptUuid(const QUuid &value) const override;
    QVariant adaptDecimal(const QString &value) const override;
    QStringList connectionInitStatements() const override;
};

} // namespace quango
