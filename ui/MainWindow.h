#pragma once
#include <QMainWindow>
#include <memory>

class QTabWidget;

namespace quango {

class AdminSite;
class ChangeListPage;
class Registry;

// The admin window. It only hosts pages (as tabs) and the status bar; each
// page is its own widget under ui/pages.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // Every model with the admin's default options.
    MainWindow(const Registry &registry, const QString &databaseLabel, QWidget *parent = nullptr);
    // The models as `site` registers them; the site must outlive the window.
    MainWindow(const AdminSite &site, const QString &databaseLabel, QWidget *parent = nullptr);
    ~MainWindow() override;
    QTabWidget *pages() const { return m_pages; }

    // Shows the list page of a model ("blog.Post") in its tab, opening it if
    // needed. nullptr for an unknown model.
    ChangeListPage *openModel(const QString &label);
    // Closes the current tab (Ctrl+W); the index page stays.
    void closeCurrentPage();

private:
    void setUp(const QString &databaseLabel);

    std::unique_ptr<AdminSite> m_ownSite;
    const AdminSite *m_site;
    QTabWidget *m_pages;
};

} // namespace quango
