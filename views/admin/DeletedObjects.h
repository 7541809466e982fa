#pragma once
#include "orm/Model.h"
#include "views/admin/AdminUser.h"
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace quango {

class ModelMeta;

// Django admin's get_deleted_objects: what deleting some objects would take
// with it, for the "Are you sure?" confirmation. A dry run of the Collector
// (Mode::Preview): nothing is deleted.
//
//   DeletedObjects d = DeletedObjects::collect(posts, user);
//   d.tree       Post: Alpha  ->  Comment: Comment by reader, ...
//   d.summary()  "Posts: 2, Comments: 5"
//   d.canDelete() false when something PROTECTs/RESTRICTs or a permission is missing
class DeletedObjects {
public:
    // One object that would be deleted, with those it pulls in by CASCADE.
    struct Node {
        Model object;
        QString text;           // "Comment: Comment by reader" (Django's "Verbose name: str")
        QList<Node> children;
    };

    // Throws the ORM's errors (DatabaseError) when the related rows cannot be read.
    static DeletedObjects collect(const QList<Model> &objects, const AdminUser &user = {},
                                  const QString &alias = QStringLiteral("default"));

    // The objects given, each with its cascade nested under it; an object
    // reached twice is shown once, under the first that reaches it.
    const QList<Node> &tree() const { return m_tree; }
    // Per model, in the order collected: the model and how many objects.
    const QList<QPair<const ModelMeta *, int>> &counts() const { return m_counts; }
    // "Posts: 3, Comments: 12" (verbose_name_plural always, as Django's model_count).
    QString summary() const;
    // "Comment: Comment by reader" for each object PROTECT or RESTRICT keeps
    // from going (Django's "protected").
    const QStringList &protectedObjects() const { return m_protected; }
    // Verbose names of the models with objects to delete that the user may
    // not delete (Django's perms_needed); empty without a user.
    const QStringList &permissionsNeeded() const { return m_permsNeeded; }
    bool canDelete() const { return m_protected.isEmpty() && m_permsNeeded.isEmpty(); }
    int total() const;

    // "Verbose name: str", as Django's format_callback writes it.
    static QString describe(const Model &object);

private:
    QList<Node> m_tree;
    QList<QPair<const ModelMeta *, int>> m_counts;
    QStringList m_protected;
    QStringList m_permsNeeded;
};

} // namespace quango
