// The admin window hosts the apps page: every installed app and its models,
// with a filter box; Ctrl+K jumps to a model; the session (layout, tabs,
// column widths) survives into the next window through QSettings, kept in a
// temporary folder; the icons come from the compiled-in SVGs.
// A screenshot goes to the build folder's screenshots/ for people to look at.
#include "TestDatabase.h"
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/auth/PBKDF2PasswordHasher.h"
#include "contrib/auth/Permissions.h"
#include "contrib/auth/UserService.h"
#include "orm/Manager.h"
#include "orm/ManyRelatedManager.h"
#include "ui/Icons.h"
#include "ui/MainWindow.h"
#include "ui/PaletteIconEngine.h"
#include "ui/dialogs/JumpDialog.h"
#include "ui/pages/AppsPage.h"
#include "ui/pages/ChangeFormPage.h"
#include "ui/pages/ChangeListPage.h"
#include "views/admin/AdminSite.h"
#include "views/admin/ChangeListModel.h"
#include "views/admin/ModelForm.h"
#include "views/admin/ModelIndex.h"
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace quango;

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    TestDatabase m_db;

    static AppsPage *appsPage(MainWindow &window) { return qobject_cast<AppsPage *>(window.pages()->widget(0)); }
    static QStringList tabNames(MainWindow &window)
    {
        QStringList out;
        for (int i = 1; i < window.pages()->count(); ++i) {
            QWidget *page = window.pages()->widget(i);
            if (auto *form = qobject_cast<ChangeFormPage *>(page))
                out << "form " + form->form().modelMeta().label() + " " + form->form().instance().pk().toString();
            else
                out << page->objectName();
        }
        return out;
    }
    // Whether the image has opaque pixels, and the colour of the first one.
    static bool firstOpaque(const QImage &image, QColor *colour)
    {
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (qAlpha(image.pixel(x, y)) == 255) {
                    *colour = image.pixelColor(x, y);
                    return true;
                }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Never the user's own settings: QSettings go to a temporary folder.
        QVERIFY(m_settingsDir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QVERIFY2(QSettings().fileName().startsWith(m_settingsDir.path()), qPrintable(QSettings().fileName()));
        installDemoApps(Registry::instance());
        Registry::instance().populate();
        m_db.setUp();
        m_db.createTables();
        PBKDF2PasswordHasher::setDefaultIterations(1000);
    }
    void cleanupTestCase() { m_db.tearDown(); }
    void init()
    {
        m_db.resetTables();
        QSettings().clear();
    }

    void listsAppsAndModels()
    {
        MainWindow window(Registry::instance(), "sqlite:///tmp/demo.sqlite3");
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Quango administration"));
        auto *page = qobject_cast<AppsPage *>(window.pages()->widget(0));
        QVERIFY(page);
        QTreeWidget *tree = page->tree();
        QStringList apps;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            apps << tree->topLevelItem(i)->data(0, Qt::UserRole).toString();
        // The built-in apps come first, as in Django's INSTALLED_APPS.
        QCOMPARE(apps.mid(0, 3), (QStringList{"contenttypes", "auth", "admin"}));
        QCOMPARE(apps.mid(apps.size() - 3), (QStringList{"myapi", "blog", "bench"}));
        QVERIFY(apps.contains("authtoken"));
        QTreeWidgetItem *blog = tree->topLevelItem(int(apps.indexOf("blog")));
        QStringList models;
        for (int i = 0; i < blog->childCount(); ++i)
            models << blog->child(i)->text(0);
        QCOMPARE(models, (QStringList{"Authors", "Tags", "Posts", "Comments"}));
        QCOMPARE(blog->child(2)->text(1), QStringLiteral("blog_post"));
        QVERIFY(window.statusBar()->findChild<QLabel *>("databaseLabel")->text().contains("demo.sqlite3"));
        // Keyboard: the tree takes focus and arrows move through it.
        tree->setFocus();
        tree->setCurrentItem(tree->topLevelItem(int(apps.indexOf("myapi"))));
        QTest::keyClick(tree, Qt::Key_Down);
        QCOMPARE(tree->currentItem()->data(0, Qt::UserRole).toString(), QStringLiteral("myapi.MyModel"));

        // The test binary sits in <build>/tests, and ctest runs it there: the
        // build folder is its parent, whatever the working directory.
        const QString folder = QDir(QCoreApplication::applicationDirPath() + "/../screenshots").absolutePath();
        QVERIFY(QDir().mkpath(folder));
        const QString file = folder + "/mainwindow.png";
        QVERIFY2(window.grab().save(file), qPrintable(file));
        qInfo("Screenshot: %s", qPrintable(file));
    }

    void ctrlKJumpsToAModel()
    {
        MainWindow window(Registry::instance(), m_db.url());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        appsPage(window)->tree()->setFocus();
        QTest::keyClick(appsPage(window)->tree(), Qt::Key_K, Qt::ControlModifier);
        JumpDialog *dialog = window.findChild<JumpDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTRY_VERIFY(dialog->searchEdit()->hasFocus());
        QCOMPARE(dialog->list()->count(), int(Registry::instance().models().size()));
        QTest::keyClicks(dialog->searchEdit(), "posts");
        QCOMPARE(dialog->currentLabel(), QStringLiteral("blog.Post"));
        QTest::keyClick(dialog->searchEdit(), Qt::Key_Return);
        QCOMPARE(window.pages()->currentWidget()->objectName(), QStringLiteral("changeList_blog.Post"));
        QTRY_VERIFY(!window.findChild<JumpDialog *>()); // deleted on close
        // Again: the open tab is reused, by "app.Model" this time.
        // Window shortcuts need the window active; offscreen has no window
        // manager to hand activation back from the closed dialog.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(window.pages()->currentWidget(), Qt::Key_K, Qt::ControlModifier);
        dialog = window.findChild<JumpDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->searchEdit(), "blog.tag");
        QTest::keyClick(dialog->searchEdit(), Qt::Key_Return);
        QTRY_VERIFY(!window.findChild<JumpDialog *>());
        QCOMPARE(tabNames(window), (QStringList{"changeList_blog.Post", "changeList_blog.Tag"}));
        // Window shortcuts need the window active; offscreen has no window
        // manager to hand activation back from the closed dialog.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(window.pages()->currentWidget(), Qt::Key_K, Qt::ControlModifier);
        dialog = window.findChild<JumpDialog *>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->searchEdit(), "posts");
        QTest::keyClick(dialog->searchEdit(), Qt::Key_Return);
        QCOMPARE(window.pages()->currentIndex(), 1);
        QCOMPARE(window.pages()->count(), 3);
        // Only what the user may view is offered.
        appsPage(window)->showModels([](const QString &label) { return label.startsWith("blog."); });
        const ModelIndex index = window.modelIndex(); // without a user: everything
        QCOMPARE(index.entries().size(), Registry::instance().models().size());
    }

    void sidebarFilterNarrowsTheModels()
    {
        MainWindow window(Registry::instance(), m_db.url());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        AppsPage *apps = appsPage(window);
        QLineEdit *filter = apps->filterEdit();
        QVERIFY(!filter->accessibleName().isEmpty());
        const QStringList all = apps->shownModels();
        QCOMPARE(all.size(), Registry::instance().models().size());
        // Ctrl+F on the index goes to the filter.
        apps->tree()->setFocus();
        QTest::keyClick(apps->tree(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(filter->hasFocus());
        QTest::keyClicks(filter, "tag");
        QCOMPARE(apps->shownModels(), (QStringList{"blog.Tag", "bench.Tag"}));
        QTreeWidget *tree = apps->tree();
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            const QString app = tree->topLevelItem(i)->data(0, Qt::UserRole).toString();
            QCOMPARE(tree->topLevelItem(i)->isHidden(), app != "blog" && app != "bench");
        }
        // By verbose name and by "app.Model" too.
        filter->clear();
        QTest::keyClicks(filter, "blog.Comm");
        QCOMPARE(apps->shownModels(), QStringList{"blog.Comment"});
        // Nothing matches: the page says so.
        filter->clear();
        QTest::keyClicks(filter, "zzz");
        QVERIFY(apps->shownModels().isEmpty());
        QVERIFY(apps->findChild<QLabel *>("noModelMatches")->isVisible());
        // The user's permissions still hold under the filter.
        filter->clear();
        QCOMPARE(apps->shownModels(), all);
        apps->showModels([](const QString &label) { return label != "blog.Tag"; });
        QTest::keyClicks(filter, "tag");
        QCOMPARE(apps->shownModels(), QStringList{"bench.Tag"});
        // Down walks into the matches; Enter there opens the model.
        QTest::keyClick(filter, Qt::Key_Down);
        QVERIFY(tree->hasFocus());
        QCOMPARE(tree->currentItem()->data(0, Qt::UserRole).toString(), QStringLiteral("bench.Tag"));
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(window.pages()->currentWidget()->objectName(), QStringLiteral("changeList_bench.Tag"));
        // Enter in the filter opens the first match.
        window.pages()->setCurrentIndex(0);
        filter->setFocus();
        filter->clear();
        QTest::keyClicks(filter, "comments");
        QTest::keyClick(filter, Qt::Key_Return);
        QCOMPARE(window.pages()->currentWidget()->objectName(), QStringLiteral("changeList_blog.Comment"));
    }

    void sessionComesBackInTheNextWindow()
    {
        // Several columns, so that widths other than the stretched last one count.
        AdminSite site(Registry::instance());
        site.registerModel("blog.Post", ModelAdmin{.listDisplay = {"title", "slug", "author"}});
        site.registerModel("blog.Author", ModelAdmin{.listDisplay = {"name", "email", "bio"}});
        const ModelMeta &author = Registry::instance().modelOrThrow("blog.Author");
        const Model ann = author.objects().create({{"name", "Ann"}, {"email", "ann@example.com"}});
        const Model bob = author.objects().create({{"name", "Bob"}, {"email", "bob@example.com"}});
        {
            MainWindow window(site, m_db.url());
            window.restoreSession(); // nothing saved yet: the index alone
            QCOMPARE(window.pages()->count(), 1);
            window.resize(910, 640);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            ChangeListPage *posts = window.openModel("blog.Post");
            QVERIFY(posts);
            QVERIFY(window.openForm("blog.Author", ann.pk()));
            QVERIFY(window.openForm("blog.Author")); // a new record: not reopened
            QVERIFY(window.openForm("blog.Author", bob.pk()));
            ChangeListPage *authors = window.openModel("blog.Author");
            posts->table()->horizontalHeader()->resizeSection(0, 333);
            authors->table()->horizontalHeader()->resizeSection(1, 222);
            window.pages()->setCurrentWidget(posts);
            QVERIFY(window.close());
        }
        {
            MainWindow window(site, m_db.url());
            window.restoreSession();
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.size(), QSize(910, 640));
            QCOMPARE(tabNames(window), (QStringList{"changeList_blog.Post", "form blog.Author " + ann.pk().toString(),
                                                    "form blog.Author " + bob.pk().toString(), "changeList_blog.Author"}));
            QCOMPARE(window.pages()->currentWidget()->objectName(), QStringLiteral("changeList_blog.Post"));
            auto *posts = qobject_cast<ChangeListPage *>(window.pages()->widget(1));
            QCOMPARE(posts->table()->horizontalHeader()->sectionSize(0), 333);
            // A search reloads the rows, not the widths.
            posts->searchBox()->setText("x");
            posts->applySearch();
            QCOMPARE(posts->table()->horizontalHeader()->sectionSize(0), 333);
            posts->searchBox()->clear();
            posts->applySearch();
            auto *authors = qobject_cast<ChangeListPage *>(window.pages()->widget(4));
            QCOMPARE(authors->table()->horizontalHeader()->sectionSize(1), 222);
            // Closing a list saves its widths too; then the window.
            authors->table()->horizontalHeader()->resizeSection(1, 250);
            window.pages()->setCurrentWidget(authors);
            window.closeCurrentPage();
            QCOMPARE(window.pages()->count(), 4);
            QVERIFY(window.close());
        }
        // Bob was deleted meanwhile: his tab is skipped, and the status bar says so.
        author.objects().filter(Q("pk", bob.pk())).deleteRows();
        {
            MainWindow window(site, m_db.url());
            window.restoreSession();
            QCOMPARE(tabNames(window), (QStringList{"changeList_blog.Post", "form blog.Author " + ann.pk().toString()}));
            QVERIFY2(window.statusBar()->currentMessage().contains("could not be reopened"), qPrintable(window.statusBar()->currentMessage()));
            ChangeListPage *authors = window.openModel("blog.Author");
            QCOMPARE(authors->table()->horizontalHeader()->sectionSize(1), 250);
        }
        // A window that never restores leaves the settings alone.
        const QVariant saved = QSettings().value("mainWindow/tabs");
        {
            MainWindow window(Registry::instance(), m_db.url());
            window.openModel("blog.Tag");
            window.show();
            QVERIFY(window.close());
        }
        QCOMPARE(QSettings().value("mainWindow/tabs"), saved);
    }

    void userSeesAndReopensOnlyPermittedModels()
    {
        for (AppConfig *app : Registry::instance().apps())
            Permissions::createPermissions(*app, "default", 0);
        Model ann = UserService::createUser("ann", "", "Ann-passw0rd-1", {{"is_staff", true}});
        ann.manyRelated("user_permissions").add(QList<Model>{Permissions::get("blog.view_post"), Permissions::get("blog.change_tag")});
        {
            // Last session, by someone who could see everything.
            MainWindow window(Registry::instance(), m_db.url());
            window.restoreSession();
            window.openModel("blog.Author");
            window.openModel("blog.Post");
            QVERIFY(window.close());
        }
        MainWindow window(Registry::instance(), m_db.url());
        window.setUser(AdminUser(ann));
        window.restoreSession();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(tabNames(window), QStringList{"changeList_blog.Post"});
        QVERIFY(window.statusBar()->currentMessage().contains("1 tab"));
        // Ctrl+K offers only what ann may view.
        QCOMPARE(window.modelIndex().entries().size(), 2);
        window.pages()->setCurrentIndex(0);
        QTest::keyClick(appsPage(window)->tree(), Qt::Key_K, Qt::ControlModifier);
        JumpDialog *dialog = window.findChild<JumpDialog *>();
        QVERIFY(dialog);
        QStringList offered;
        for (int i = 0; i < dialog->list()->count(); ++i)
            offered << dialog->list()->item(i)->data(Qt::UserRole).toString();
        QCOMPARE(offered, (QStringList{"blog.Tag", "blog.Post"}));
        QTest::keyClicks(dialog->searchEdit(), "author");
        QCOMPARE(dialog->list()->count(), 0);
        QTest::keyClick(dialog->searchEdit(), Qt::Key_Escape);
        // The sidebar filter too: "ta" matches bench.Tag as well, which ann may not view.
        QTest::keyClicks(appsPage(window)->filterEdit(), "ta");
        QCOMPARE(appsPage(window)->shownModels(), QStringList{"blog.Tag"});
    }

    void iconsComeFromTheResources()
    {
        // The SVG plugins are installed (qt6-svg), and each icon is compiled in.
        QVERIFY(QImageReader::supportedImageFormats().contains("svg"));
        const QStringList names{"app", "model", "add", "save", "delete", "search", "migrate", "history", "export", "database"};
        for (const QString &name : names) {
            QVERIFY2(QFile::exists(":/icons/" + name + ".svg"), qPrintable(name));
            QVERIFY2(!QIcon(":/icons/" + name + ".svg").pixmap(24).isNull(), qPrintable(name)); // through Qt's own SVG engine
            const QIcon icon = Icons::icon(name);
            QVERIFY2(!icon.isNull(), qPrintable(name));
            QColor colour;
            QVERIFY2(firstOpaque(icon.pixmap(32).toImage(), &colour), qPrintable(name));
            QCOMPARE(colour, PaletteIconEngine::colour(QIcon::Normal));
        }
        QVERIFY(Icons::icon("no-such-icon").isNull());

        // Dark palette: the same icon is drawn light.
        const QPalette original = QGuiApplication::palette();
        QPalette dark = original;
        dark.setColor(QPalette::WindowText, QColor(236, 236, 236));
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        QGuiApplication::setPalette(dark);
        QColor colour;
        QVERIFY(firstOpaque(Icons::icon("model").pixmap(32).toImage(), &colour));
        QCOMPARE(colour, QColor(236, 236, 236));
        QGuiApplication::setPalette(original);

        // On the window, its tabs and the sidebar.
        MainWindow window(Registry::instance(), m_db.url());
        QVERIFY(!window.windowIcon().isNull());
        QVERIFY(!window.pages()->tabIcon(0).isNull());
        QTreeWidgetItem *app = appsPage(window)->tree()->topLevelItem(0);
        QVERIFY(!app->icon(0).isNull());
        QVERIFY(!app->child(0)->icon(0).isNull());
        window.openModel("blog.Post");
        QVERIFY(!window.pages()->tabIcon(1).isNull());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
