#pragma once
#include <QWidget>

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

private:
    QTreeWidget *m_tree;
};

} // namespace quango
