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
//
// Mode::Preview is Django admin's NestedObjects: a dry run for a confirmation
// page. It records what PROTECT and RESTRICT block (blocked()) instead of
// throwing, keeps collecting past them, and remembers which object pulled
// each other one in (cascadedFrom()), so the page can show the tree.
class Collector {
public:
    enum class Mode { Delete, Preview };
    // An object that stops the delete: it points at `target` through `field`
    // (PROTECT, or RESTRICT while it is not itself deleted by a CASCADE).
    struct Blocked {
        Model object;
        const ForeignKey *field = nullptr;
        Model target;
        bool restricted = false;
    };

    explicit Collector(const QString &alias = QStringLiteral("default"), Mode mode = Mode::Delete);
    // Mode::Delete throws ProtectedError / RestrictedError naming the blocking
    // objects; Mode::Preview records them in blocked().
    void collect(const QList<Model> &objects);
    // Throws ProtectedError when a preview found blocking objects.
    DeleteResult deleteAll();
    // What would be deleted, per model label, and the objects (for confirmation pages).
    QList<QPair<const ModelMeta *, QList<Model>>> collected() const;
    // The objects given to collect(), in order (Django's edges from None).
    const QList<Model> &roots() const { return m_roots; }
    // The objects `object` pulls in through CASCADE foreign keys, in the
    // order collected; one may also be reached from another object.
    QList<Model> cascadedFrom(const Model &object) const;
    const QList<Blocked> &blocked() const { return m_blocked; }

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
    static QString objectKey(const Model &object);
    QString m_alias;
    Mode m_mode = Mode::Delete;
    QList<Model> m_roots;
    QHash<QString, QList<Model>> m_edges;                  // objectKey(source) -> cascaded objects
    QList<Blocked> m_blocked;
    QList<const ModelMeta *> m_order;                       // first collected first
    QHash<const ModelMeta *, QList<Model>> m_objects;
    QHash<const ModelMeta *, QSet<QString>> m_seen;         // pk text per model
    QList<FieldUpdate> m_updates;
    QList<Restricted> m_restricted;
};

} // namespace quango
