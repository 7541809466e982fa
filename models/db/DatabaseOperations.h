#pragma once
#include <QDate>
#include <QHash>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>
#include <QVariant>

namespace quango {

class Field;

// What differs between databases (Django's DatabaseOperations + the parts of
// DatabaseWrapper that hold operators and data types). One per backend.
class DatabaseOperations {
public:
    enum class Vendor { Sqlite, Postgres };
    virtual ~DatabaseOperations() = default;

    virtual Vendor vendor() const = 0;
    virtual QString vendorName() const = 0;        // "sqlite", "postgresql"
    virtual QString driverName() const = 0;        // "QSQLITE", "QPSQL"

    QString quoteName(const QString &name) const;   // "name", doubling embedded quotes
    // Column type for a field ("varchar(100)", "integer"), without NULL/PK
    // parts: the dialect's dataTypes() template filled with the field's
    // typeParameters() ("varchar({max_length})").
    QString columnType(const Field &field) const;
    // Django's DatabaseWrapper.data_types: internal type -> SQL template.
    virtual const QHash<QString, QString> &dataTypes() const = 0;
    // Full column definition of an auto-increment primary key.
    virtual QString autoPrimaryKeyDefinition(const Field &field) const = 0;
    // Type of a ForeignKey column that points to `target` (an AutoField becomes integer).
    virtual QString relatedColumnType(const Field &target) const;
    // Check constraint a column type carries (PositiveIntegerField: "col" >= 0).
    virtual QString columnCheck(const Field &field) const;
    virtual QString deferrableForeignKeySql() const { return QStringLiteral(" DEFERRABLE INITIALLY DEFERRED"); }

    // Lookup SQL. `lhs` is the column SQL; the result has one '%s' for the
    // right-hand side placeholder. Throws FieldError for unsupported names.
    virtual QString lookupOperator(const QString &lookup, const QString &lhs) const = 0;
    // Prepares the bound value of a LIKE/GLOB-style pattern lookup.
    virtual QString patternValue(const QString &lookup, const QString &value) const;
    // Date part of a date/datetime column: "year", "month", "day", "week_day", "hour", ...
    virtual QString dateExtractSql(const QString &part, const QString &columnSql) const = 0;
    virtual QString dateCastSql(const QString &columnSql) const = 0; // datetime -> date
    virtual QString randomFunctionSql() const = 0;
    virtual bool supportsReturning() const = 0;
    virtual QString limitOffsetSql(qint64 limit, qint64 offset) const; // limit < 0: none
    // SQL string for a literal in DDL defaults / check constraints.
    QString quoteValue(const QVariant &value) const;

    // Value adaptation, used by the fields.
    virtual QVariant adaptDateTime(const QDateTime &value) const = 0;
    QDateTime convertDateTime(const QVariant &value) const;   // always UTC; text as ISO 8601 (both dialects store it so)
    virtual QVariant adaptDate(const QDate &value) const = 0;
    QDate convertDate(const QVariant &value) const;
    virtual QVariant adaptBool(bool value) const = 0;
    virtual QVariant adaptUuid(const QUuid &value) const = 0;
    virtual QVariant adaptDecimal(const QString &value) const = 0;
    virtual QVariant adaptJson(const QVariant &value) const; // JSON text
    virtual QVariant convertJson(const QVariant &value) const;

    // Django's parse_date / parse_datetime, without allocating (they run for
    // every date column of every row read): "yyyy-M-d" and
    // "yyyy-M-d[T ]H:m[:s[.ffffff]][ ][Z|+HH[:MM]|-HH[:MM]]"; text without an
    // offset is UTC. Results are invalid when the text does not parse;
    // `matched` (optional) is true when the format matched, so a caller can
    // tell a malformed text from a well-formed impossible date ("2023-02-30").
    static QDate parseIsoDate(QStringView text, bool *matched = nullptr);
    static QDateTime parseIsoDateTime(QStringView text, bool *matched = nullptr);

    // Statements run when a connection opens (PRAGMAs, time zone).
    virtual QStringList connectionInitStatements() const = 0;
};

} // namespace quango
