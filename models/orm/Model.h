#pragma once
#include "orm/ModelMeta.h"
#include <QExplicitlySharedDataPointer>
#include <QMap>
#include <QMetaType>
#include <QSharedDataPointer>
#include <QStringList>
#include <QVariant>

namespace quango {

class ModelData;
class RelatedManager;
class ManyRelatedManager;

struct SaveOptions {
    QStringList updateFields;  // only these columns (Django's update_fields)
    bool forceInsert = false;
    bool forceUpdate = false;
    bool raw = false;          // loaddata: signals get raw=true
    // The database alias to write to (Django's using); empty = the one the
    // instance was loaded from or last saved to (db()), else "default".
    QString using_;
};

// What delete() removed: total and per model label ("blog.Post": 3).
struct DeleteResult {
    int total = 0;
    QMap<QString, int> perModel;
};

// One row of a model (Django's model instance): the ModelMeta, the values by
// concrete-field position, whether it is still being added, and the values as
// loaded (for change detection and optimistic concurrency). Related objects from
// select_related and lists from prefetch_related are cached on it. Implicitly
// shared: copies are cheap, writing detaches.
class Model {
public:
    Model();
    explicit Model(const ModelMeta *meta); // a new instance with defaults applied
    Model(const Model &other);
    Model(Model &&other) noexcept;
    Model &operator=(const Model &other);
    Model &operator=(Model &&other) noexcept;
    ~Model();

    bool isValid() const;
    const ModelMeta *meta() const;

    // By field name or attname. value("author") is the author's pk, like
    // value("author_id"); related("author") is the Author instance.
    QVariant value(const QString &name) const;
    void setValue(const QString &name, const QVariant &value);
    QVariant value(int concreteIndex) const;
    void setValue(int concreteIndex, const QVariant &value);
    Model &set(const QString &name, const QVariant &value) { setValue(name, value); return *this; }
    Model &set(const QString &name, const Model &related);
    QVariantList values() const;

    QVariant pk() const;
    void setPk(const QVariant &pk);
    bool isAdding() const;      // not yet saved or loaded (Django's _state.adding)
    // The alias the instance was loaded from or saved to (Django's _state.db);
    // empty before that. Later saves, deletes and related lookups use it.
    QString db() const;
    void setDb(const QString &alias);

    // Related instance for a ForeignKey/OneToOne (cached from select_related,
    // else fetched once and cached); invalid Model when the key is NULL.
    Model related(const QString &field) const;
    void setRelated(const QString &field, const Model &instance);
    bool hasRelatedCached(const QString &field) const;
    // Reverse ForeignKey ("posts") or ManyToMany ("tags" forward or reverse).
    RelatedManager relatedSet(const QString &accessor) const;
    ManyRelatedManager manyRelated(const QString &accessor) const;
    // Rows filled by prefetch_related, or nullptr when not prefetched.
    const QList<Model> *prefetched(const QString &accessor) const;
    void setPrefetched(const QString &accessor, const QList<Model> &rows);
    // annotate() results.
    QVariant annotation(const QString &name) const;
    void setAnnotation(const QString &name, const QVariant &value);
    QVariantMap annotations() const;

    // Persistence.
    void save(const SaveOptions &options = {});
    // `using_`: the alias to delete from; empty = db(), else "default".
    DeleteResult remove(const QString &using_ = {});
    void refreshFromDb(const QStringList &fields = {});
    // Raises ValidationError with per-field messages (clean_fields, clean,
    // validate_unique, validate_constraints as in Django).
    void fullClean(const QStringList &exclude = {}, bool validateUnique = true) const;

    // Fields whose value differs from what was loaded or last saved.
    QStringList changedFields() const;
    QVariant loadedValue(const QString &name) const;
    // Mark the current values as the database state (after load or save).
    void markPersisted();
    void setDeferred(int concreteIndex, bool deferred);
    bool isDeferred(int concreteIndex) const;

    // A row read from the database: values by concrete-field position, already
    // converted. Used by the row reader; marks the instance persisted.
    static Model fromRow(const ModelMeta *meta, QList<QVariant> values, const QString &db = {});

    QString str() const;   // Django's __str__: Meta's StrFunction or "Post object (1)"
    bool operator==(const Model &other) const; // same model and pk (Django's __eq__)
    bool operator!=(const Model &other) const { return !(*this == other); }

private:
    void detach();
    QString aliasFor(const QString &given) const; // given, else db(), else "default"
    QSharedDataPointer<ModelData> d;
};

} // namespace quango

Q_DECLARE_METATYPE(quango::Model)
