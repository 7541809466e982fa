#pragma once
#include <QMainWindow>

class QTabWidget;

namespace quango {

class Registry;

// The admin window. It only hosts pages (as tabs) and the status bar; each
// page is its own widget under ui/pages.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    MainWindow(const Registry &registry, const QString &databaseLabel, QWidget *parent = nullptr);
    QTabWidget *pages() const { return m_pages; }

private:
    QTabWidget *m_pages;
};

} // namespace quango
