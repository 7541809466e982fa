#include "orm/sql/RowReader.h"
#include "orm/Field.h"

namespace quango {

Model RowReader::model(const QSqlQuery &query) const
{
    const QList<CompiledQuery::ModelColumns> &models = m_compiled.models;
    QVarLengthArray<Model, 4> instances(models.size());
    for (int m = 0; m < models.size(); ++m) {
        const CompiledQuery::ModelColumns &mc = models.at(m);
        const QList<const Field *> &fields = mc.model->concreteFields();
        if (mc.parent >= 0) {
            // A LEFT JOIN without a match: the related object is None.
            const int pkPosition = int(mc.fieldIndexes.indexOf(mc.model->pkIndex()));
            if (pkPosition >= 0 && query.isNull(mc.firstColumn + pkPosition))
                continue;
        }
        QList<QVariant> values(fields.size());
        for (int k = 0; k < mc.fieldIndexes.size(); ++k) {
            const int index = mc.fieldIndexes.at(k);
            values[index] = fields.at(index)->fromDatabase(query.value(mc.firstColumn + k), m_ops);
        }
        instances[m] = Model::fromRow(mc.model, std::move(values), m_alias);
        if (mc.fieldIndexes.size() < fields.size()) {
            for (int i = 0; i < fields.size(); ++i)
                if (!mc.fieldIndexes.contains(i))
                    instances[m].setDeferred(i, true);
            instances[m].markPersisted();
        }
    }
    // Children follow their parents: attach the deepest first so each copy is complete.
    for (int m = int(models.size()) - 1; m > 0; --m) {
        const CompiledQuery::ModelColumns &mc = models.at(m);
        if (instances[mc.parent].isValid())
            instances[mc.parent].setRelated(mc.fieldName, instances[m]);
    }
    for (int a = 0; a < m_compiled.annotationNames.size(); ++a)
        instances[0].setAnnotation(m_compiled.annotationNames.at(a), query.value(m_compiled.firstAnnotationColumn + a));
    return instances[0];
}

QVariantList RowReader::list(const QSqlQuery &query) const
{
    QVariantList out;
    const int n = int(m_compiled.valueNames.size());
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        const Field *field = m_compiled.valueFields.at(i);
        out << (field ? field->fromDatabase(query.value(i), m_ops) : query.value(i));
    }
    return out;
}

QVariantMap RowReader::map(const QSqlQuery &query) const
{
    QVariantMap out;
    for (int i = 0; i < m_compiled.valueNames.size(); ++i) {
        const Field *field = m_compiled.valueFields.at(i);
        out.insert(m_compiled.valueNames.at(i), field ? field->fromDatabase(query.value(i), m_ops) : query.value(i));
    }
    return out;
}

QVariant RowReader::flat(const QSqlQuery &query) const
{
    const Field *field = m_compiled.valueFields.value(0);
    return field ? field->fromDatabase(query.value(0), m_ops) : query.value(0);
}

} // namespace quango
