#pragma once
#include "orm/Model.h"
#include "views/admin/AdminUser.h"
#include "views/admin/DeletedObjects.h"
#include <QDialog>
#include <functional>

class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace quango {

class ModelMeta;

// Django admin's "Are you sure?" page as a dialog: the objects to delete as a
// tree, each with what it takes with it by CASCADE, and the summary counts
// ("Posts: 2, Comments: 5"). When PROTECT/RESTRICT blocks the delete, or the
// user may not delete some of the models reached, it says so, lists them,
// and offers only Close.
//
// The list page and the record form use confirm():
//   if (DeleteConfirmationDialog::confirm(this, meta, objects, user)) ... delete ...
// Tests pass a Runner that looks at the dialog and returns an answer instead
// of running it modally (like ChangeFormPage's Asker).
class DeleteConfirmationDialog : public QDialog {
    Q_OBJECT

public:
    // Shows the dialog and returns QDialog::Accepted or Rejected.
    using Runner = std::function<int(DeleteConfirmationDialog &dialog)>;

    // `model`: the model of the objects the user chose (for the wording).
    DeleteConfirmationDialog(const ModelMeta &model, const DeletedObjects &deleted, QWidget *parent = nullptr);

    // Collects what deleting `objects` would take (DeletedObjects::collect)
    // and asks. True only when the delete is possible and the user confirmed.
    // Throws the ORM's errors when the related rows cannot be read; callers
    // in slots catch quango::Error.
    static bool confirm(QWidget *parent, const ModelMeta &model, const QList<Model> &objects, const AdminUser &user,
                        const Runner &run = {});

    const DeletedObjects &deletedObjects() const { return m_deleted; }
    QLabel *questionLabel() const { return m_question; }
    QTreeWidget *tree() const { return m_tree; }
    QLabel *summaryLabel() const { return m_summary; }
    // The PROTECT/RESTRICT objects and the missing permissions; hidden when none.
    QListWidget *problemList() const { return m_problems; }
    // "Yes, I'm sure": nullptr when the delete is not possible.
    QPushButton *confirmButton() const { return m_confirm; }
    // "No, take me back", or "Close" when the delete is not possible.
    QPushButton *cancelButton() const { return m_cancel; }

private:
    DeletedObjects m_deleted;
    QLabel *m_question = nullptr;
    QTreeWidget *m_tree = nullptr;
    QLabel *m_summary = nullptr;
    QListWidget *m_problems = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace quango
