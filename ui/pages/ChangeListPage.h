#pragma once
#include "ui/dialogs/DeleteConfirmationDialog.h"
#include "views/admin/ChangeListExporter.h"
#include <QVariant>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QTimer;
class QToolButton;

namespace quango {

class ChangeListModel;
class ModelMeta;
struct AdminAction;
struct ModelAdmin;

// Django admin's change list for one model: a search box (Ctrl+F, debounced),
// the count of matches, the rows in a lazily filled table (sort by clicking a
// header; edit in place; Delete removes the selected rows after a
// confirmation) and the list_filter sidebar. Above the table, Django's action
// bar: an "Action" box ("Delete selected <plural>" and the ModelAdmin's
// actions the user may run) with "Go", and Export (CSV or JSON, of the
// selection or of every match) with a progress dialog. Only layout and
// interaction: the rows, queries and writes are the ChangeListModel's, the
// cascade preview DeletedObjects', the files ChangeListExporter's.
class ChangeListPage : public QWidget {
    Q_OBJECT

public:
    ChangeListPage(const ModelMeta &model, const ModelAdmin &admin, QWidget *parent = nullptr);

    ChangeListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchBox() const { return m_search; }
    QLabel *countLabel() const { return m_count; }
    QLabel *errorLabel() const { return m_error; }
    // One list per list_filter, in order; row 0 is "All".
    QList<QListWidget *> filterLists() const { return m_filterLists; }
    // Milliseconds between the last keystroke and the search (Enter searches at once).
    void setSearchDelay(int milliseconds);

    // The action bar. Item 0 is "---------"; each item's data is the action
    // name ("delete_selected" or an AdminAction's name).
    QComboBox *actionBox() const { return m_actions; }
    QPushButton *goButton() const { return m_go; }
    QToolButton *exportButton() const { return m_export; }
    // What the last action or export reported (Django's messages).
    QLabel *messageLabel() const { return m_message; }
    // The user whose permissions filter the actions and check the writes
    // (also sets the model's user).
    void setUser(const AdminUser &user);
    // Replaces running the delete confirmation modally (tests inspect and answer it).
    void setDeleteRunner(DeleteConfirmationDialog::Runner runner) { m_deleteRunner = std::move(runner); }
    // Selected rows in order.
    QList<int> selectedRows() const;
    // Every match is selected (Ctrl+A): actions and exports then work on the
    // page's QuerySet instead of a list of pks (Django's "select across").
    bool selectsAllMatching() const;

public Q_SLOTS:
    void applySearch();
    // Shows what the delete would take (cascade, PROTECT, permissions), then
    // deletes the selected rows through the model (ORM delete with cascade).
    // True when they were deleted.
    bool deleteSelected();
    // "Go": runs the action chosen in actionBox() on the selected rows.
    bool runSelectedAction();
    // Runs the action `name` on the selected rows; its message (or its
    // error) shows in messageLabel()/errorLabel(), and the list re-reads.
    bool runAction(const QString &name);
    // Exports the selected rows (or every row matching the search and
    // filters) to `path`, asking for the file when `path` is empty; a
    // progress dialog follows the chunks and can cancel. True when written.
    bool exportRows(quango::ChangeListExporter::Format format, bool selectedOnly, QString path = {});

Q_SIGNALS:
    // A row was opened (double click or Enter on a link column): its pk.
    void objectActivated(const QString &modelLabel, const QVariant &pk);
    // Ctrl+N: the user wants to add a record of this model.
    void addRequested(const QString &modelLabel);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updateCount();
    QWidget *buildFilterSidebar();
    QWidget *buildActionBar();
    // Fills the action box with what the current user may run.
    void populateActions();
    bool actionAllowed(const AdminAction &action) const;
    void showMessage(const QString &text);
    void showError(const QString &text);

    ChangeListModel *m_model;
    QTableView *m_table;
    QLineEdit *m_search;
    QLabel *m_count;
    QLabel *m_error;
    QTimer *m_searchTimer;
    QList<QListWidget *> m_filterLists;
    QComboBox *m_actions = nullptr;
    QPushButton *m_go = nullptr;
    QToolButton *m_export = nullptr;
    QLabel *m_message = nullptr;
    DeleteConfirmationDialog::Runner m_deleteRunner;
};

} // namespace quango
