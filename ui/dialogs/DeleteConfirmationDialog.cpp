#include "ui/dialogs/DeleteConfirmationDialog.h"
#include "orm/ModelMeta.h"
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quango {

namespace {

// A tree of hundreds of thousands of rows would take longer to build than to
// read; past this many items the rest is summed up in one line per level.
constexpr int MaxTreeItems = 2000;

void addNodes(QTreeWidgetItem *parent, QTreeWidget *tree, const QList<DeletedObjects::Node> &nodes, int &budget)
{
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (budget <= 0) {
            const QString more = QObject::tr("… and %1 more (see the summary)").arg(nodes.size() - i);
            if (parent)
                new QTreeWidgetItem(parent, {more});
            else
                new QTreeWidgetItem(tree, {more});
            return;
        }
        --budget;
        const DeletedObjects::Node &node = nodes.at(i);
        auto *item = parent ? new QTreeWidgetItem(parent, {node.text}) : new QTreeWidgetItem(tree, {node.text});
        addNodes(item, tree, node.children, budget);
    }
}

} // namespace

DeleteConfirmationDialog::DeleteConfirmationDialog(const ModelMeta &model, const DeletedObjects &deleted, QWidget *parent)
    : QDialog(parent), m_deleted(deleted)
{
    setObjectName(QStringLiteral("deleteConfirmation"));
    setWindowTitle(tr("Are you sure?"));
    auto *layout = new QVBoxLayout(this);

    const QList<DeletedObjects::Node> &tree = deleted.tree();
    // Django's wording: one object by name, several as "the selected <plural>".
    const QString what = tree.size() == 1 ? tr("the %1 \u201c%2\u201d").arg(model.verboseName(), tree.first().object.str())
                                          : tr("the selected %1").arg(model.verboseNamePlural());
    m_question = new QLabel(this);
    m_question->setObjectName(QStringLiteral("question"));
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    if (!deleted.protectedObjects().isEmpty())
        m_question->setText(tr("Deleting %1 would require deleting the following protected related objects:").arg(what));
    else if (!deleted.permissionsNeeded().isEmpty())
        m_question->setText(tr("Deleting %1 would result in deleting related objects, but your account doesn't have "
                               "permission to delete the following types of objects:").arg(what));
    else
        m_question->setText(tr("Are you sure you want to delete %1? All of the following objects and their related items will be deleted:").arg(what));
    layout->addWidget(m_question);

    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setAccessibleName(tr("What prevents the delete"));
    m_problems->addItems(deleted.protectedObjects().isEmpty() ? deleted.permissionsNeeded() : deleted.protectedObjects());
    m_problems->setVisible(m_problems->count() > 0);
    m_problems->setMaximumHeight(160);
    layout->addWidget(m_problems);

    m_summary = new QLabel(tr("Summary: %1").arg(deleted.summary()), this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    if (!deleted.canDelete())
        layout->addWidget(new QLabel(tr("Objects that would be deleted:"), this));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("objects"));
    m_tree->setAccessibleName(tr("Objects to delete"));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    int budget = MaxTreeItems;
    addNodes(nullptr, m_tree, tree, budget);
    m_tree->expandAll();
    layout->addWidget(m_tree, 1);

    auto *buttons = new QDialogButtonBox(this);
    if (deleted.canDelete()) {
        m_confirm = buttons->addButton(tr("Yes, I\u2019m sure"), QDialogButtonBox::AcceptRole);
        m_confirm->setObjectName(QStringLiteral("confirmButton"));
        m_cancel = buttons->addButton(tr("No, take me back"), QDialogButtonBox::RejectRole);
        // A stray Enter must not delete: the safe answer is the default.
        m_cancel->setDefault(true);
    } else {
        m_cancel = buttons->addButton(QDialogButtonBox::Close);
    }
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 420);
}

bool DeleteConfirmationDialog::confirm(QWidget *parent, const ModelMeta &model, const QList<Model> &objects, const AdminUser &user,
                                       const Runner &run)
{
    if (objects.isEmpty())
        return false;
    DeleteConfirmationDialog dialog(model, DeletedObjects::collect(objects, user), parent);
    const int answer = run ? run(dialog) : dialog.exec();
    return answer == QDialog::Accepted && dialog.deletedObjects().canDelete();
}

} // namespace quango
