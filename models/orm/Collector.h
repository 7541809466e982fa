#pragma once
#include "orm/Model.h"
#include <QHash>
#include <QList>
#include <QString>

namespace quango {

class ForeignKey;

// Django's deletion.Collector: gathers everything a delete reaches through
// on_delete (CASCADE follows, PROTECT and RESTRICT refuse, SET_NULL and
// SET_DEFAULT update), then deletes it all in one transaction, sending
// pre_delete and post_delete for each object.
class Collector {
public:
    explicit Collector(const QString &alias = QStringLiteral("default"));
    // Throws ProtectedError / RestrictedError naming the blocking objects.
    void collect(const QList<Model> &objects);
    DeleteResult deleteAll();
    // What would be deleted, per model label, and the objects (for confirmation pages).
    QList<QPair<const ModelMeta *, QList<Model>>> collected() const;

private:
    struct FieldUpdate {
        const ForeignKey *field = nullptr;
        QVariant value;
        QVariantList pks;
    };
    struct Restricted {
        const ForeignKey *field = nullptr;
        Model object;
        Model target;
    };
    void collectBatch(const ModelMeta *model, const QList<Model> &objects, int depth);
    QString m_alias;
    QList<const ModelMeta *> m_order;                       // first collected first
    QHash<const ModelMeta *, QList<Model>> m_objects;
    QHash<const ModelMeta *, QSet<QString>> m_seen;         // pk text per model
    QList<FieldUpdate> m_updates;
    QList<Restricted> m_restricted;
};

} // namespace quango
