#pragma once
#include "orm/Manager.h"

namespace quango {

class ManyToManyField;

// post.manyRelated("tags") (forward) or tag.manyRelated("post_set"/related
// name) (reverse): the rows linked through the ManyToMany table, and
// add/remove/set/clear on that table, each sending m2m_changed pre_/post_.
class ManyRelatedManager : public Manager {
public:
    ManyRelatedManager(const Model &instance, const ManyToManyField *field, bool reverse);
    QuerySet querySet() const override;
    QList<Model> list() const;     // prefetched cache or the query
    void add(const QVariantList &pks) const;
    void add(const QList<Model> &objects) const;
    void remove(const QVariantList &pks) const;
    void remove(const QList<Model> &objects) const;
    void set(const QVariantList &pks) const;   // remove the others, add the missing
    void clear() const;
    QVariantList pks() const;      // pks of the related rows

private:
    QString db() const; // the instance's alias (Django's router.db_for_read/write with instance=)
    QString ownColumn() const;     // through-table column pointing to the instance
    QString otherColumn() const;
    const ModelMeta *otherModel() const;
    Model m_instance;
    const ManyToManyField *m_field;
    bool m_reverse;
};

} // namespace quango
