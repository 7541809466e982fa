#pragma once
#include <QWidget>
#include <functional>

class QTreeWidget;

namespace quango {

class Registry;

// Django admin's index: each installed app and, under it, its models by
// verbose_name_plural, with table name and field count.
class AppsPage : public QWidget {
    Q_OBJECT

public:
    explicit AppsPage(const Registry &registry, QWidget *parent = nullptr);
    QTreeWidget *tree() const { return m_tree; }
    // Shows only the models ("blog.Post") `visible` accepts, and only the
    // apps left with a model, as Django's index does for a user's permissions.
    void showModels(const std::function<bool(const QString &label)> &visible);

private:
    QTreeWidget *m_tree;
};

} // namespace quango
