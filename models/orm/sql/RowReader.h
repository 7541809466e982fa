#pragma once
#include "orm/Model.h"
#include "orm/sql/CompiledQuery.h"
#include <QSqlQuery>

namespace quango {

class DatabaseOperations;

// Turns result rows into instances, maps, tuples or single values, with the
// column positions resolved once per query (CompiledQuery), never per row.
class RowReader {
public:
    // `alias`: the database the rows come from, remembered by each instance (Model::db()).
    RowReader(const CompiledQuery &compiled, const DatabaseOperations &ops, QString alias = {})
        : m_compiled(compiled), m_ops(ops), m_alias(std::move(alias)) {}
    Model model(const QSqlQuery &query) const;
    QVariantList list(const QSqlQuery &query) const;  // values converted by their fields
    QVariantMap map(const QSqlQuery &query) const;
    QVariant flat(const QSqlQuery &query) const;

private:
    const CompiledQuery &m_compiled;
    const DatabaseOperations &m_ops;
    QString m_alias;
};

} // namespace quango
