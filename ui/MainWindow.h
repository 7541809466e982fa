#pragma once
#include "views/admin/AdminUser.h"
#include <QMainWindow>
#include <QVariant>
#include <memory>

class QTabWidget;

namespace quango {

class AdminSite;
class ChangeFormPage;
class ChangeListPage;
class MigrationsPage;
class JumpDialog;
class ModelIndex;
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
    // Shows the record form of a model's object in its tab (an invalid pk: a
    // new object), opening it if needed. nullptr when it cannot be opened
    // (the status bar says why).
    ChangeFormPage *openForm(const QString &label, const QVariant &pk = {});
    // The logged-in user: the index then lists only the models they may view
    // (Django's view or change permission), list pages write with their
    // permissions and log as them, and the status bar names them.
    void setUser(const AdminUser &user);
    const AdminUser &user() const { return m_user; }

    // The migrations page in its tab (opening it if needed): per app applied
    // state, Migrate, Revert, SQL, dry run, drift check, Make migrations.
    MigrationsPage *openMigrations();
    // Folders like `makemigrations --migrations-dir` for the migrations page
    // (a development tree): read first, and where Make migrations writes.
    void setMigrationsDirs(const QStringList &dirs);

    // The models the user may view, for the jump dialog.
    ModelIndex modelIndex() const;
    // Ctrl+K: the jump dialog (window-modal, deleted on close); choosing a
    // model opens its list page.
    JumpDialog *showJumpDialog();

    // Window layout, open tabs (list pages, and record forms by model and pk)
    // and column widths per model list are kept with QSettings. Call after
    // setUser: restores the last session (skipping tabs whose record is gone
    // or that the user may no longer view) and from then on saves it when the
    // window closes and each list page's column widths when its tab closes.
    // Windows that never call it (tests, embedded uses) leave QSettings alone.
    void restoreSession();
    void saveSession();

protected:
    // Quitting asks about each record form with unsaved changes, as closing its tab does.
    void closeEvent(QCloseEvent *event) override;

private:
    void setUp(const QString &databaseLabel);
    // Closes a tab unless it is a record form whose unsaved changes the user keeps.
    void closePage(int index);
    void saveColumns(ChangeListPage *page);
    void restoreColumns(ChangeListPage *page);

    std::unique_ptr<AdminSite> m_ownSite;
    const AdminSite *m_site;
    QTabWidget *m_pages;
    AdminUser m_user;
    bool m_remembers = false;
    QStringList m_migrationsDirs;
};

} // namespace quango
