// Ctrl+K's jump dialog: the model index it searches (names, labels, ranking,
// the user's permissions) and the dialog driven by the keyboard.
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "contrib/BuiltinApps.h"
#include "orm/ModelMeta.h"
#include "ui/dialogs/JumpDialog.h"
#include "views/admin/ModelIndex.h"
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QtTest>

using namespace quango;

namespace {
QStringList labels(const QList<ModelIndex::Entry> &entries)
{
    QStringList out;
    for (const ModelIndex::Entry &entry : entries)
        out << entry.label;
    return out;
}

QStringList listed(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->data(Qt::UserRole).toString();
    return out;
}
} // namespace

class TestJumpDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        installDemoApps(Registry::instance());
        Registry::instance().populate();
    }

    void indexListsEveryModelInRegistryOrder()
    {
        const ModelIndex index(Registry::instance());
        QCOMPARE(index.entries().size(), Registry::instance().models().size());
        const QStringList all = labels(index.entries());
        QVERIFY(all.indexOf("auth.User") < all.indexOf("blog.Author"));
        QVERIFY(all.indexOf("blog.Author") < all.indexOf("blog.Post"));
        const ModelIndex::Entry post = index.entries().at(int(all.indexOf("blog.Post")));
        QCOMPARE(post.name, QStringLiteral("Posts"));
        QCOMPARE(post.verboseName, QStringLiteral("post"));
        QCOMPARE(post.appLabel, QStringLiteral("blog"));
        QCOMPARE(labels(index.search(QString())), all);
        QCOMPARE(labels(index.search("   ")), all);
    }

    void searchMatchesNamesAndLabels()
    {
        const ModelIndex index(Registry::instance());
        // By verbose_name_plural, any case.
        QCOMPARE(labels(index.search("POSTS")), QStringList{"blog.Post"});
        // By "app.Model", and by the object name.
        QCOMPARE(labels(index.search("blog.tag")), QStringList{"blog.Tag"});
        QCOMPARE(labels(index.search("MyModel")), QStringList{"myapi.MyModel"});
        // Every word must match somewhere.
        QCOMPARE(labels(index.search("blog auth")), QStringList{"blog.Author"});
        QVERIFY(index.search("no such model").isEmpty());
        // Names or labels starting with the text: the auth app's models, "Authors".
        const QStringList auth = labels(index.search("auth"));
        QVERIFY2(auth.size() >= 3, qPrintable(auth.join(", ")));
        QVERIFY(auth.first().startsWith("auth")); // the auth app's label starts with it
        QVERIFY(auth.contains("blog.Author") && auth.contains("bench.Author"));
        QVERIFY(!auth.contains("blog.Post"));
    }

    void rankingPutsPrefixesFirst()
    {
        // "tag": blog.Tag and bench.Tag start with it; anything with "tag"
        // later in a name comes after them.
        const ModelIndex index(Registry::instance());
        const QStringList tags = labels(index.search("tag"));
        QVERIFY2(tags.size() >= 2, qPrintable(tags.join(", ")));
        QCOMPARE(QSet<QString>(tags.begin(), tags.begin() + 2), (QSet<QString>{"blog.Tag", "bench.Tag"}));
        ModelIndex::Entry entry{"x.Y", "Old tags", "old tag", "x", "X"};
        QVERIFY(ModelIndex::matches(entry, "tags"));
        QVERIFY(ModelIndex::matches(entry, "old TAG"));
        QVERIFY(!ModelIndex::matches(entry, "new tag"));
    }

    void indexKeepsOnlyVisibleModels()
    {
        const ModelIndex index(Registry::instance(), [](const ModelMeta &model) { return model.appLabel() == QLatin1String("blog"); });
        QCOMPARE(labels(index.entries()), (QStringList{"blog.Author", "blog.Tag", "blog.Post", "blog.Comment"}));
        QVERIFY(index.search("user").isEmpty());
    }

    void typingFiltersAndEnterChooses()
    {
        JumpDialog dialog(ModelIndex(Registry::instance()));
        QSignalSpy chosen(&dialog, &JumpDialog::modelChosen);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.searchEdit()->hasFocus());
        QVERIFY(!dialog.searchEdit()->accessibleName().isEmpty());
        QVERIFY(!dialog.list()->accessibleName().isEmpty());
        QCOMPARE(dialog.list()->count(), int(Registry::instance().models().size()));
        QTest::keyClicks(dialog.searchEdit(), "comm");
        QCOMPARE(listed(dialog.list()), QStringList{"blog.Comment"});
        QCOMPARE(dialog.list()->item(0)->text(), QStringLiteral("Comments — blog.Comment"));
        QTest::keyClick(dialog.searchEdit(), Qt::Key_Return);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("blog.Comment"));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
    }

    void arrowsWalkTheListFromTheLineEdit()
    {
        JumpDialog dialog(ModelIndex(Registry::instance()));
        QSignalSpy chosen(&dialog, &JumpDialog::modelChosen);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.searchEdit(), "author");
        QCOMPARE(dialog.list()->count(), 2);
        // For people to look at: <build>/screenshots/jumpdialog.png.
        const QString folder = QDir(QCoreApplication::applicationDirPath() + "/../screenshots").absolutePath();
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(dialog.grab().save(folder + "/jumpdialog.png"));
        const QString second = dialog.list()->item(1)->data(Qt::UserRole).toString();
        QTest::keyClick(dialog.searchEdit(), Qt::Key_Down);
        QVERIFY(dialog.searchEdit()->hasFocus()); // typing goes on in the line edit
        QCOMPARE(dialog.currentLabel(), second);
        QTest::keyClick(dialog.searchEdit(), Qt::Key_Up);
        QCOMPARE(dialog.list()->currentRow(), 0);
        QTest::keyClick(dialog.searchEdit(), Qt::Key_Down);
        QTest::keyClick(dialog.searchEdit(), Qt::Key_Enter);
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), second);
    }

    void noMatchStaysOpenAndEscapeCloses()
    {
        JumpDialog dialog(ModelIndex(Registry::instance()));
        QSignalSpy chosen(&dialog, &JumpDialog::modelChosen);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.searchEdit(), "zzzz");
        QCOMPARE(dialog.list()->count(), 0);
        auto *empty = dialog.findChild<QLabel *>("jumpEmpty");
        QVERIFY(empty && empty->isVisible());
        QTest::keyClick(dialog.searchEdit(), Qt::Key_Return);
        QCOMPARE(chosen.size(), 0);
        QVERIFY(dialog.isVisible());
        // Back to a match: the label goes, the first row is highlighted.
        QTest::keyClick(dialog.searchEdit(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(dialog.searchEdit(), "tags");
        QVERIFY(!empty->isVisible());
        QCOMPARE(dialog.list()->currentRow(), 0);
        QTest::keyClick(dialog.searchEdit(), Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(chosen.size(), 0);
    }

    void doubleClickChooses()
    {
        JumpDialog dialog(ModelIndex(Registry::instance()));
        QSignalSpy chosen(&dialog, &JumpDialog::modelChosen);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.searchEdit(), "blog.");
        QCOMPARE(dialog.list()->count(), 4);
        const QRect rect = dialog.list()->visualItemRect(dialog.list()->item(2));
        QTest::mouseClick(dialog.list()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(dialog.list()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), dialog.list()->item(2)->data(Qt::UserRole).toString());
    }
};

QTEST_MAIN(TestJumpDialog)
#include "tst_jumpdialog.moc"
