#pragma once
#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace quango {

class Registry;

// Django admin's index: each installed app and, under it, its models by
// verbose_name_plural, with table name and field count. A filter box over the
// tree narrows the models as one types (Django's sidebar "Start typing to
// filter…"); apps left without a model hide.
class AppsPage : public QWidget {
    Q_OBJECT

public:
    explicit AppsPage(const Registry &registry, QWidget *parent = nullptr);
    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    // Shows only the models ("blog.Post") `visible` accepts, and only the
    // apps left with a model, as Django's index does for a user's permissions.
    // The filter box narrows within these.
    void showModels(const std::function<bool(const QString &label)> &visible);
    // The models shown now (allowed and matching the filter), in tree order.
    QStringList shownModels() const;

Q_SIGNALS:
    // A model was opened: Enter or double click in the tree, or Enter in the
    // filter box (the first model shown).
    void modelActivated(const QString &label);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilter();
    QTreeWidgetItem *firstShownModel() const;

    const Registry &m_registry;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
    QLabel *m_noMatch;
    std::function<bool(const QString &label)> m_allowed;
};

} // namespace quango
