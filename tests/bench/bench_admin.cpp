// The admin list page on a large table (issue 5): bench.Book with --rows rows
// (1,000,000 by default; data per shared/bench/WORKLOAD.md, extended past
// 100,000 with the same formulas) in a SQLite file. Times, as the median of
// --runs runs: opening the list and showing its first screen (ChangeListModel
// + QTableView, offscreen), the whole page (with its filter sidebar), sorting
// by an indexed column (the author ForeignKey) and by a plain one (title),
// searching, jumping to the middle and the end; then peak RSS (VmHWM). Last,
// with --compare, the alternative the model does not use: QSqlQueryModel over
// the same prepared SELECT, which reads forward only.
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "db/SchemaEditor.h"
#include "orm/Manager.h"
#include "orm/QuerySet.h"
#include "ui/pages/ChangeListPage.h"
#include "views/admin/AdminSite.h"
#include "views/admin/ChangeListModel.h"
#include <QApplication>
#include <QCommandLineParser>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QScrollBar>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <cstdio>

using namespace quango;

namespace {

QTextStream out(stdout);

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

template <typename Fn>
double timedMs(Fn &&fn)
{
    QElapsedTimer timer;
    timer.start();
    fn();
    return timer.nsecsElapsed() / 1e6;
}

QString procStatus(const char *key)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray &line : file.readAll().split('\n'))
        if (line.startsWith(key))
            return QString::fromLatin1(line.mid(qstrlen(key) + 1).trimmed());
    return QStringLiteral("?");
}

// Peak RSS counts from here on (Linux: writing 5 to clear_refs resets VmHWM).
void resetPeakRss()
{
    QFile file(QStringLiteral("/proc/self/clear_refs"));
    if (file.open(QIODevice::WriteOnly))
        file.write("5");
}

QString cpuModel()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (file.open(QIODevice::ReadOnly))
        for (const QByteArray &line : file.readAll().split('\n'))
            if (line.startsWith("model name"))
                return QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
    return QStringLiteral("unknown");
}

void showScreen(QTableView &view)
{
    QCoreApplication::processEvents();
    view.viewport()->repaint(); // paints now: every visible cell's data() is read
}

void createData(qint64 rows)
{
    const ModelMeta &author = Registry::instance().modelOrThrow(QStringLiteral("bench.Author"));
    const ModelMeta &tag = Registry::instance().modelOrThrow(QStringLiteral("bench.Tag"));
    const ModelMeta &book = Registry::instance().modelOrThrow(QStringLiteral("bench.Book"));
    SchemaEditor editor(Connection::get());
    for (const ModelMeta *m : {&book, &tag, &author})
        if (editor.tableExists(m->dbTable()))
            editor.deleteModel(*m);
    for (const ModelMeta *m : {&author, &tag, &book})
        editor.createModel(*m);
    QElapsedTimer timer;
    timer.start();
    atomic([&] {
        QList<Model> authors;
        for (int i = 0; i < 1000; ++i)
            authors << Model(&author).set(QStringLiteral("name"), QStringLiteral("Author %1").arg(i))
                           .set(QStringLiteral("email"), QStringLiteral("author%1@example.com").arg(i));
        authors = author.objects().bulkCreate(std::move(authors), 1000);
        QList<Model> tags;
        for (int i = 0; i < 20; ++i)
            tags << Model(&tag).set(QStringLiteral("name"), QStringLiteral("tag%1").arg(i));
        tag.objects().bulkCreate(std::move(tags));
        const QDate epoch(2000, 1, 1);
        for (qint64 start = 0; start < rows; start += 10000) {
            QList<Model> batch;
            batch.reserve(10000);
            for (qint64 i = start; i < std::min(rows, start + 10000); ++i)
                batch << Model(&book).set(QStringLiteral("title"), QStringLiteral("Book %1").arg(i))
                             .set(QStringLiteral("author"), authors.at(int(i % 1000)).pk())
                             .set(QStringLiteral("price"), double((i * 37) % 100) + 0.5)
                             .set(QStringLiteral("published"), epoch.addDays(i % 9000))
                             .set(QStringLiteral("in_stock"), i % 3 != 0);
            book.objects().bulkCreate(std::move(batch), 1000);
        }
    });
    out << QStringLiteral("created %1 books in %2 s (bulkCreate, one transaction)\n").arg(rows).arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The admin list page on a large table."));
    parser.addHelpOption();
    QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Books to create (default 1000000)."), QStringLiteral("n"), QStringLiteral("1000000"));
    QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure (default 3)."), QStringLiteral("n"), QStringLiteral("3"));
    QCommandLineOption fileOption(QStringLiteral("database"),
                                  QStringLiteral("SQLite file to use; kept, and reused when it holds --rows books (default: a temporary file)."),
                                  QStringLiteral("path"));
    QCommandLineOption compareOption(QStringLiteral("compare"),
                                     QStringLiteral("Also time QSqlQueryModel over the same SELECT (raises the peak RSS to ~300 MB)."));
    parser.addOptions({rowsOption, runsOption, fileOption, compareOption});
    parser.process(app);
    const qint64 rows = parser.value(rowsOption).toLongLong();
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir dir;
    const QString path = parser.isSet(fileOption) ? parser.value(fileOption) : dir.filePath(QStringLiteral("bench_admin.sqlite3"));
    installDemoApps(Registry::instance());
    Registry::instance().populate();
    Connections::configure(DatabaseUrl::parse(QStringLiteral("sqlite://") + path));
    const ModelMeta &book = Registry::instance().modelOrThrow(QStringLiteral("bench.Book"));

    QSqlQuery &journal = Connection::get().execute(QStringLiteral("PRAGMA journal_mode"));
    const QString journalMode = journal.next() ? journal.value(0).toString() : QStringLiteral("?");
    journal.finish();
    out << QStringLiteral("bench_admin: %1 CPUs, %2\nSQLite %3 (journal_mode=%4), %5 books\n")
               .arg(QThread::idealThreadCount()).arg(cpuModel(), path, journalMode).arg(rows);
    out.flush();
    bool reuse = false;
    if (SchemaEditor(Connection::get()).tableExists(book.dbTable()))
        reuse = book.objects().count() == rows;
    if (!reuse)
        createData(rows);
    Connection::get().clearStatementCache();
    resetPeakRss();

    AdminSite site(Registry::instance());
    site.registerModel(QStringLiteral("bench.Book"), ModelAdmin{
        .listDisplay = {QStringLiteral("title"), QStringLiteral("author"), QStringLiteral("price"), QStringLiteral("published"), QStringLiteral("in_stock")},
        .listFilter = {QStringLiteral("in_stock"), QStringLiteral("published"), QStringLiteral("author")},
        .searchFields = {QStringLiteral("title")},
    });
    const ModelAdmin admin = site.modelAdmin(book);

    QMap<QString, QList<double>> figures;
    QStringList order;
    auto record = [&](const QString &name, double ms) {
        if (!order.contains(name))
            order << name;
        figures[name] << ms;
    };
    for (int run = 0; run < runs; ++run) {
        std::unique_ptr<ChangeListModel> model;
        QTableView view;
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.resize(1000, 700);
        record(QStringLiteral("open list, first screen (model + view)"), timedMs([&] {
            model = std::make_unique<ChangeListModel>(book, admin);
            model->select();
            view.setModel(model.get());
            view.show();
            showScreen(view);
        }));
        record(QStringLiteral("jump to the middle row"), timedMs([&] {
            view.scrollTo(model->index(int(rows / 2), 0), QAbstractItemView::PositionAtTop);
            showScreen(view);
        }));
        record(QStringLiteral("jump to the last row"), timedMs([&] {
            view.scrollToBottom();
            showScreen(view);
        }));
        view.scrollToTop();
        record(QStringLiteral("search \"Book 12345\" (20 matches)"), timedMs([&] {
            model->setSearchText(QStringLiteral("Book 12345"));
            showScreen(view);
        }));
        const qint64 found = model->totalCount();
        record(QStringLiteral("clear search"), timedMs([&] {
            model->setSearchText(QString());
            showScreen(view);
        }));
        record(QStringLiteral("filter in stock = Yes (COUNT + page)"), timedMs([&] {
            model->setFilterChoice(0, 1);
            showScreen(view);
        }));
        model->setFilterChoice(0, 0);
        record(QStringLiteral("sort by author (indexed FK), first screen"), timedMs([&] {
            model->sort(1, Qt::AscendingOrder);
            showScreen(view);
        }));
        record(QStringLiteral("sort by author descending"), timedMs([&] {
            model->sort(1, Qt::DescendingOrder);
            showScreen(view);
        }));
        record(QStringLiteral("  then jump to the middle row"), timedMs([&] {
            view.scrollTo(model->index(int(rows / 2), 0), QAbstractItemView::PositionAtTop);
            showScreen(view);
        }));
        view.scrollToTop();
        record(QStringLiteral("sort by title (no index), first screen"), timedMs([&] {
            model->sort(0, Qt::AscendingOrder);
            showScreen(view);
        }));
        if (run == 0)
            out << QStringLiteral("search matched %1 rows; chunks cached: %2\n").arg(found).arg(model->cachedChunkCount());
        model->clearSort();
        view.hide();
        model.reset();
        record(QStringLiteral("open the whole page (filters, 1,000 authors)"), timedMs([&] {
            ChangeListPage page(book, admin);
            page.resize(1200, 800);
            page.show();
            showScreen(*page.table());
        }));
    }
    out << QStringLiteral("\n%1 %2\n").arg(QStringLiteral("ChangeListModel (ORM chunks)"), -46).arg(QStringLiteral("median ms"));
    for (const QString &name : std::as_const(order))
        out << QStringLiteral("%1 %2\n").arg(name, -46).arg(median(figures.value(name)), 9, 'f', 1);
    out << QStringLiteral("peak RSS (VmHWM) of the admin runs: %1 (VmRSS now %2)\n").arg(procStatus("VmHWM:"), procStatus("VmRSS:"));
    out.flush();

    // The road not taken: QSqlQueryModel over the same SELECT, prepared with
    // its values bound, reading forward in batches of 256 rows (fetchMore).
    if (parser.isSet(compareOption)) {
        const CompiledQuery compiled = ChangeListModel(book, admin).compiledSelect();
        QSqlQuery query(Connection::get().database());
        query.prepare(compiled.sql);
        for (const QVariant &value : compiled.params)
            query.addBindValue(value);
        QSqlQueryModel plain;
        QTableView view;
        view.resize(1000, 700);
        const double first = timedMs([&] {
            query.exec();
            plain.setQuery(std::move(query));
            view.setModel(&plain);
            view.show();
            showScreen(view);
        });
        const double middle = timedMs([&] {
            while (plain.rowCount() <= rows / 2 && plain.canFetchMore())
                plain.fetchMore();
            view.scrollTo(plain.index(int(rows / 2), 0), QAbstractItemView::PositionAtTop);
            showScreen(view);
        });
        out << QStringLiteral("\nQSqlQueryModel (forward-only), same SELECT\nfirst screen %1 ms; to the middle row %2 ms; VmHWM now %3\n")
                   .arg(first, 0, 'f', 1).arg(middle, 0, 'f', 1).arg(procStatus("VmHWM:"));
    }
    return 0;
}
