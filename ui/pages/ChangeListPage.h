#pragma once
#include <QVariant>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class QTimer;

namespace quango {

class ChangeListModel;
class ModelMeta;
struct ModelAdmin;

// Django admin's change list for one model: a search box (Ctrl+F, debounced),
// the count of matches, the rows in a lazily filled table (sort by clicking a
// header; edit in place; Delete removes the selected rows after a
// confirmation) and the list_filter sidebar. Only layout and interaction: the
// rows, queries and writes are the ChangeListModel's.
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

public Q_SLOTS:
    void applySearch();
    // Asks, then deletes the selected rows through the model (ORM delete with cascade).
    void deleteSelected();

Q_SIGNALS:
    // A row was opened (double click or Enter on a link column): its pk.
    void objectActivated(const QString &modelLabel, const QVariant &pk);
    // Ctrl+N: the user wants to add a record of this model.
    void addRequested(const QString &modelLabel);

private:
    void updateCount();
    QWidget *buildFilterSidebar();

    ChangeListModel *m_model;
    QTableView *m_table;
    QLineEdit *m_search;
    QLabel *m_count;
    QLabel *m_error;
    QTimer *m_searchTimer;
    QList<QListWidget *> m_filterLists;
};

} // namespace quango
