#pragma once
#include <QList>
#include <QString>
#include <QVariantList>

namespace quango {

class ModelMeta;

// SQL text with its bound values, and where each selected model's columns sit
// in the result row (positions resolved once per query, never per row).
struct CompiledQuery {
    // The columns of one model in the row: the base model, or one reached by
    // select_related along `path` ("author", "author__profile").
    struct ModelColumns {
        const ModelMeta *model = nullptr;
        QString path;                  // empty for the base model
        int parent = -1;               // index of the ModelColumns it hangs off
        QString fieldName;             // FK name on the parent
        QList<int> fieldIndexes;       // concrete-field index per column
        int firstColumn = 0;
    };
    QString sql;
    QVariantList params;
    QList<ModelColumns> models;        // [0] is the base model (Models result)
    QStringList annotationNames;       // after the model columns
    int firstAnnotationColumn = 0;
    QStringList valueNames;            // values()/values_list() column names
    QList<const class Field *> valueFields; // field for conversion, or nullptr (annotation)
};

} // namespace quango
