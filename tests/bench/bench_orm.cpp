// W1–W4 of shared/bench/WORKLOAD.md: the ORM beside the same work written by
// hand with prepared, bound QSqlQuery in one transaction. Prints a table; each
// figure is the median of --runs runs (default 3). SQLite always; PostgreSQL
// when QUANGO_TEST_POSTGRES_URL is set (scripts/bench starts a server).
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "db/Atomic.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "db/SchemaEditor.h"
#include "orm/ManyRelatedManager.h"
#include "orm/Manager.h"
#include "orm/QuerySet.h"
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QHash>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cstdio>

using namespace quango;

namespace {

constexpr int Authors = 1000;
constexpr int Tags = 20;
constexpr int Books = 100000;
constexpr int TaggedBooks = 10000;

QTextStream out(stdout);

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

template <typename Fn>
double timed(Fn &&fn)
{
    QElapsedTimer timer;
    timer.start();
    fn();
    return timer.nsecsElapsed() / 1e9;
}

struct Figure {
    QString name;
    QString unit;
    double orm = 0;
    double hand = 0;
    QString note;
};

class Bench {
public:
    explicit Bench(int runs) : m_runs(runs) {}

    QList<Figure> run()
    {
        const ModelMeta &author = Registry::instance().modelOrThrow(QStringLiteral("bench.Author"));
        const ModelMeta &tag = Registry::instance().modelOrThrow(QStringLiteral("bench.Tag"));
        m_book = &Registry::instance().modelOrThrow(QStringLiteral("bench.Book"));
        Connection &conn = Connection::get();
        SchemaEditor editor(conn);
        for (const ModelMeta *m : {m_book, &tag, &author})
            if (editor.tableExists(m->dbTable()))
                editor.deleteModel(*m);
        for (const ModelMeta *m : {&author, &tag, m_book})
            editor.createModel(*m);

        QList<Model> authors, tags;
        for (int i = 0; i < Authors; ++i)
            authors << Model(&author).set(QStringLiteral("name"), QStringLiteral("Author %1").arg(i))
                           .set(QStringLiteral("email"), QStringLiteral("author%1@example.com").arg(i));
        for (int i = 0; i < Tags; ++i)
            tags << Model(&tag).set(QStringLiteral("name"), QStringLiteral("tag%1").arg(i));
        authors = author.objects().bulkCreate(authors);
        tags = tag.objects().bulkCreate(tags);
        for (const Model &a : authors)
            m_authorIds << a.pk();
        for (const Model &t : tags)
            m_tagIds << t.pk();

        QList<Figure> figures;
        figures << w1();
        addTags();
        figures << w2() << w3() << w4();
        return figures;
    }

private:
    void clearBooks()
    {
        Connection &conn = Connection::get();
        const DatabaseOperations &ops = conn.ops();
        conn.executeScript({QStringLiteral("DELETE FROM %1").arg(ops.quoteName(QStringLiteral("bench_book_tags"))),
                            QStringLiteral("DELETE FROM %1").arg(ops.quoteName(m_book->dbTable()))});
    }

    static QDate published(int i) { return QDate(2000, 1, 1).addDays(i % 9000); }

    Figure w1()
    {
        QList<double> orm, hand;
        for (int run = 0; run < m_runs; ++run) {
            clearBooks();
            orm << timed([&] {
                Atomic transaction;
                QList<Model> batch;
                batch.reserve(1000);
                for (int i = 0; i < Books; ++i) {
                    Model b(m_book);
                    b.set(QStringLiteral("title"), QStringLiteral("Book %1").arg(i))
                        .set(QStringLiteral("author"), m_authorIds.at(i % Authors))
                        .set(QStringLiteral("price"), (i * 37) % 100 + 0.5)
                        .set(QStringLiteral("published"), published(i))
                        .set(QStringLiteral("in_stock"), i % 3 != 0);
                    batch << b;
                    if (batch.size() == 1000) {
                        m_book->objects().bulkCreate(std::move(batch), 1000);
                        batch.clear();
                    }
                }
                transaction.commit();
            });
            clearBooks();
            hand << timed([&] {
                Connection &conn = Connection::get();
                const bool sqlite = conn.vendor() == DatabaseOperations::Vendor::Sqlite;
                Atomic transaction;
                QSqlQuery query(conn.database());
                query.prepare(QStringLiteral("INSERT INTO \"bench_book\" (\"title\", \"author_id\", \"price\", \"published\", \"in_stock\") VALUES (?, ?, ?, ?, ?)"));
                for (int i = 0; i < Books; ++i) {
                    query.bindValue(0, QStringLiteral("Book %1").arg(i));
                    query.bindValue(1, m_authorIds.at(i % Authors));
                    query.bindValue(2, (i * 37) % 100 + 0.5);
                    query.bindValue(3, sqlite ? QVariant(published(i).toString(Qt::ISODate)) : QVariant(published(i)));
                    query.bindValue(4, sqlite ? QVariant(int(i % 3 != 0)) : QVariant(i % 3 != 0));
                    if (!query.exec())
                        qFatal("hand-written insert failed");
                }
                transaction.commit();
            });
        }
        // Leave the ORM's rows for the read figures.
        clearBooks();
        {
            Atomic transaction;
            QList<Model> batch;
            for (int i = 0; i < Books; ++i) {
                Model b(m_book);
                b.set(QStringLiteral("title"), QStringLiteral("Book %1").arg(i))
                    .set(QStringLiteral("author"), m_authorIds.at(i % Authors))
                    .set(QStringLiteral("price"), (i * 37) % 100 + 0.5)
                    .set(QStringLiteral("published"), published(i))
                    .set(QStringLiteral("in_stock"), i % 3 != 0);
                batch << b;
            }
            batch = m_book->objects().bulkCreate(std::move(batch), 1000);
            for (const Model &b : std::as_const(batch))
                m_bookIds << b.pk();
            transaction.commit();
        }
        const double ormS = median(orm), handS = median(hand);
        return {QStringLiteral("W1 bulk insert 100k"), QStringLiteral("rows/s"), Books / ormS, Books / handS,
                QStringLiteral("%1 s vs %2 s").arg(ormS, 0, 'f', 3).arg(handS, 0, 'f', 3)};
    }

    void addTags()
    {
        Atomic transaction;
        for (int i = 0; i < TaggedBooks; ++i) {
            const int a = i % Tags, b = (i * 7) % Tags;
            QVariantList ids{m_tagIds.at(a)};
            if (a != b)
                ids << m_tagIds.at(b);
            Model book = Model::fromRow(m_book, QList<QVariant>(m_book->concreteFields().size()));
            book.setPk(m_bookIds.at(i));
            book.manyRelated(QStringLiteral("tags")).add(ids);
        }
        transaction.commit();
    }

    Figure w2()
    {
        QList<double> orm, hand;
        qint64 sink = 0;
        for (int run = 0; run < m_runs; ++run) {
            orm << timed([&] {
                for (const Model &b : m_book->objects().selectRelated({QStringLiteral("author")}).orderBy({}))
                    sink += b.value(QStringLiteral("title")).toString().size() + b.related(QStringLiteral("author")).value(QStringLiteral("name")).toString().size();
            });
            hand << timed([&] {
                QSqlQuery query(Connection::get().database());
                query.setForwardOnly(true);
                query.prepare(QStringLiteral("SELECT \"bench_book\".\"title\", \"bench_author\".\"name\" FROM \"bench_book\" "
                                             "INNER JOIN \"bench_author\" ON (\"bench_book\".\"author_id\" = \"bench_author\".\"id\")"));
                query.exec();
                while (query.next())
                    sink += query.value(0).toString().size() + query.value(1).toString().size();
            });
        }
        if (sink == 0)
            qFatal("W2 read nothing");
        return {QStringLiteral("W2 select_related"), QStringLiteral("s"), median(orm), median(hand), {}};
    }

    Figure w3()
    {
        QList<double> orm, hand;
        qsizetype rowsOrm = 0, rowsHand = 0;
        for (int run = 0; run < m_runs; ++run) {
            orm << timed([&] {
                const QList<QVariantList> rows = m_book->objects().filter(Q(QStringLiteral("price__gte"), 50) & Q(QStringLiteral("in_stock"), true))
                                                     .orderBy({}).valuesList({QStringLiteral("id"), QStringLiteral("title")}).list();
                rowsOrm = rows.size();
            });
            hand << timed([&] {
                Connection &conn = Connection::get();
                QSqlQuery query(conn.database());
                query.setForwardOnly(true);
                query.prepare(QStringLiteral("SELECT \"id\", \"title\" FROM \"bench_book\" WHERE \"price\" >= ? AND \"in_stock\" = ?"));
                query.bindValue(0, 50);
                query.bindValue(1, conn.vendor() == DatabaseOperations::Vendor::Sqlite ? QVariant(1) : QVariant(true));
                query.exec();
                QList<QVariantList> rows;
                while (query.next())
                    rows.append(QVariantList{query.value(0), query.value(1)});
                rowsHand = rows.size();
            });
        }
        if (rowsOrm != rowsHand)
            qFatal("W3 row counts differ: ORM %lld, hand %lld", qint64(rowsOrm), qint64(rowsHand));
        return {QStringLiteral("W3 values_list"), QStringLiteral("s"), median(orm), median(hand), QStringLiteral("%1 rows").arg(rowsOrm)};
    }

    Figure w4()
    {
        const ModelMeta &author = Registry::instance().modelOrThrow(QStringLiteral("bench.Author"));
        QList<double> orm, hand;
        qint64 totalOrm = 0, totalHand = 0;
        for (int run = 0; run < m_runs; ++run) {
            orm << timed([&] {
                totalOrm = 0;
                for (const Model &a : author.objects().prefetchRelated({QStringLiteral("books")}).orderBy({}))
                    totalOrm += a.prefetched(QStringLiteral("books"))->size();
            });
            hand << timed([&] {
                QSqlDatabase db = Connection::get().database();
                QSqlQuery authors(db);
                authors.setForwardOnly(true);
                authors.exec(QStringLiteral("SELECT \"id\", \"name\", \"email\" FROM \"bench_author\""));
                QList<qint64> ids;
                QHash<qint64, QList<QVariantList>> books;
                while (authors.next())
                    ids << authors.value(0).toLongLong();
                QStringList marks(ids.size(), QStringLiteral("?"));
                QSqlQuery query(db);
                query.setForwardOnly(true);
                query.prepare(QStringLiteral("SELECT \"id\", \"title\", \"author_id\", \"price\", \"published\", \"in_stock\" FROM \"bench_book\" WHERE \"author_id\" IN (%1)")
                                  .arg(marks.join(QStringLiteral(", "))));
                for (int i = 0; i < ids.size(); ++i)
                    query.bindValue(i, ids.at(i));
                query.exec();
                while (query.next())
                    books[query.value(2).toLongLong()].append(QVariantList{query.value(0), query.value(1), query.value(3), query.value(4), query.value(5)});
                totalHand = 0;
                for (qint64 id : std::as_const(ids))
                    totalHand += books.value(id).size();
            });
        }
        if (totalOrm != Books || totalHand != Books)
            qFatal("W4 counted %lld / %lld books", totalOrm, totalHand);
        return {QStringLiteral("W4 prefetch"), QStringLiteral("s"), median(orm), median(hand), {}};
    }

    int m_runs;
    const ModelMeta *m_book = nullptr;
    QVariantList m_authorIds, m_tagIds, m_bookIds;
};

void printTable(const QString &backend, const QString &setting, const QList<Figure> &figures)
{
    out << "\n" << backend << " (" << setting << ")\n";
    out << QStringLiteral("%1 %2 %3 %4  %5\n").arg(QStringLiteral("figure"), -22).arg(QStringLiteral("ORM"), 14)
               .arg(QStringLiteral("hand-written"), 14).arg(QStringLiteral("ORM/hand"), 9).arg(QStringLiteral("note"));
    for (const Figure &f : figures) {
        // For rates more is better: the ratio is always "how much slower the ORM is".
        const double ratio = f.unit == QLatin1String("rows/s") ? f.hand / f.orm : f.orm / f.hand;
        const QString orm = f.unit == QLatin1String("rows/s") ? QStringLiteral("%1 %2").arg(f.orm, 0, 'f', 0).arg(f.unit)
                                                              : QStringLiteral("%1 %2").arg(f.orm, 0, 'f', 4).arg(f.unit);
        const QString hand = f.unit == QLatin1String("rows/s") ? QStringLiteral("%1 %2").arg(f.hand, 0, 'f', 0).arg(f.unit)
                                                               : QStringLiteral("%1 %2").arg(f.hand, 0, 'f', 4).arg(f.unit);
        out << QStringLiteral("%1 %2 %3 %4x  %5\n").arg(f.name, -22).arg(orm, 14).arg(hand, 14).arg(ratio, 8, 'f', 2).arg(f.note);
    }
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Quango ORM benchmark: W1-W4 of WORKLOAD.md"));
    parser.addHelpOption();
    QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per figure (median reported)."), QStringLiteral("n"), QStringLiteral("3"));
    QCommandLineOption sqliteOnly(QStringLiteral("sqlite-only"), QStringLiteral("Skip PostgreSQL."));
    parser.addOption(runsOption);
    parser.addOption(sqliteOnly);
    parser.process(app);
    const int runs = std::max(1, parser.value(runsOption).toInt());

    installDemoApps(Registry::instance());
    Registry::instance().populate();

    QTemporaryDir dir;
    Connections::configure(DatabaseUrl::parse(QStringLiteral("sqlite:///") + dir.path() + QStringLiteral("/bench.sqlite3")));
    QString journal;
    {
        QSqlQuery &query = Connection::get().execute(QStringLiteral("PRAGMA journal_mode"));
        journal = query.next() ? query.value(0).toString() : QStringLiteral("?");
    }
    printTable(QStringLiteral("SQLite file"), QStringLiteral("journal_mode=%1, synchronous=NORMAL").arg(journal), Bench(runs).run());
    Connections::closeAll();

    const QString pg = qEnvironmentVariable("QUANGO_TEST_POSTGRES_URL");
    if (!parser.isSet(sqliteOnly)) {
        if (pg.isEmpty()) {
            out << "\nPostgreSQL: not measured (QUANGO_TEST_POSTGRES_URL is not set; scripts/bench sets it)\n";
        } else {
            Connections::configure(DatabaseUrl::parse(pg));
            printTable(QStringLiteral("PostgreSQL"), DatabaseUrl::parse(pg).redacted(), Bench(runs).run());
            Connections::closeAll();
        }
    }
    return 0;
}
