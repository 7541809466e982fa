#pragma once
#include "orm/Manager.h"

namespace quango {

// author.relatedSet("posts"): the Posts whose ForeignKey points to this author.
// Uses the prefetch_related cache when the instance has one.
class RelatedManager : public Manager {
public:
    RelatedManager(const Model &instance, const ReverseRelation &relation);
    QuerySet querySet() const override;
    // The cached rows when prefetched, else the query's rows.
    QList<Model> list() const;
    // Sets the foreign key of each object to the instance and saves it.
    void add(const QList<Model> &objects) const;
    Model create(const Assignments &values) const;
    // Only for nullable foreign keys: sets them to NULL (Django's remove/clear).
    void remove(const QList<Model> &objects) const;
    void clear() const;

private:
    QString db() const; // the instance's alias (Django's router.db_for_read/write with instance=)
    Model m_instance;
    ReverseRelation m_relation;
};

} // namespace quango
