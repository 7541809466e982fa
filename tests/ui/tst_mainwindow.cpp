// The admin window hosts the apps page: every installed app and its models.
// A screenshot goes to the build folder's screenshots/ for people to look at.
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "ui/MainWindow.h"
#include "ui/pages/AppsPage.h"
#include <QDir>
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace quango;

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
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
        QCOMPARE(apps, (QStringList{"contenttypes", "auth", "admin", "authtoken", "myapi", "blog", "bench"}));
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
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
