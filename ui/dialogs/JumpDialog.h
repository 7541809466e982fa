#pragma once
#include "views/admin/ModelIndex.h"
#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;

namespace quango {

// Ctrl+K: jump to any model by name. A line edit over the list of every model
// the user may view (verbose_name_plural and "app.Model"), filtered as one
// types; Up/Down move through the list, Enter opens the highlighted model's
// list page, Escape closes. The matching is ModelIndex's.
class JumpDialog : public QDialog {
    Q_OBJECT

public:
    explicit JumpDialog(ModelIndex index, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_search; }
    QListWidget *list() const { return m_list; }
    // The model highlighted now ("blog.Post"), empty when nothing matches.
    QString currentLabel() const;

public Q_SLOTS:
    // Opens the highlighted model: modelChosen, then the dialog closes.
    void choose();

Q_SIGNALS:
    void modelChosen(const QString &label);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refill();

    ModelIndex m_index;
    QLineEdit *m_search;
    QListWidget *m_list;
    QLabel *m_empty;
};

} // namespace quango
