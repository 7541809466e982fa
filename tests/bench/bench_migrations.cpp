// Migrations: W5 (migrate every app from zero: a synthetic project of 17 apps
// and 51 migrations, plus the demo project's own initial migrations) and
// AddField / AlterField on a table of 1,000,000 rows (time, and every row
// intact afterwards). SQLite always; PostgreSQL when QUANGO_TEST_POSTGRES_URL
// is set (scripts/bench starts a server). Prints figures; asserts only integrity.
#include "app/demo/DemoProject.h"
#include "apps/Registry.h"
#include "db/Connection.h"
#include "db/Connections.h"
#include "migrations/Migration.h"
#include "migrations/MigrationAutodetector.h"
#include "migrations/MigrationExecutor.h"
#include "migrations/MigrationLoader.h"
#include "migrations/MigrationQuestioner.h"
#include "migrations/MigrationWriter.h"
#include "migrations/OptionsSerializer.h"
#include "migrations/operations/AddField.h"
#include "migrations/operations/AddIndex.h"
#include "migrations/operations/AlterField.h"
#include "migrations/operations/CreateModel.h"
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <cstdio>

using namespace quango;

namespace {

QTextStream out(stdout);

QVariantMap f(const QString &type, const QString &name, QVariantMap extra = {})
{
    extra.insert(QStringLiteral("type"), type);
    extra.insert(QStringLiteral("name"), name);
    return OptionsSerializer::normalizeField(extra);
}
QVariantMap idField() { return f(QStringLiteral("AutoField"), QStringLiteral("id"), {{QStringLiteral("primary_key"), true}}); }

void write(const QString &dir, const QString &app, const QString &name, const QList<MigrationKey> &deps, const QList<OperationPtr> &ops)
{
    Migration migration(app, name);
    migration.setDependencies(deps);
    for (const OperationPtr &op : ops)
        migration.addOperation(op);
    MigrationWriter(migration).write(dir + QLatin1Char('/') + app);
}

// 17 apps x 3 migrations: two models with a FK (to the previous app too), a
// field added, a field altered plus an index.
void syntheticProject(Registry &registry, const QString &dir)
{
    for (int a = 0; a < 17; ++a) {
        const QString app = QStringLiteral("w5app%1").arg(a, 2, 10, QLatin1Char('0'));
        auto config = std::make_shared<AppConfig>(app);
        config->setMigrationsPath(dir + QLatin1Char('/') + app);
        registry.addApp(config);
        QList<MigrationKey> deps;
        QList<QVariantMap> entryFields{idField(), f(QStringLiteral("CharField"), QStringLiteral("title"), {{QStringLiteral("max_length"), 100}}),
                                       f(QStringLiteral("ForeignKey"), QStringLiteral("owner"), {{QStringLiteral("to"), app + QStringLiteral(".Owner")}, {QStringLiteral("on_delete"), QStringLiteral("CASCADE")}}),
                                       f(QStringLiteral("DateTimeField"), QStringLiteral("created"), {{QStringLiteral("null"), true}})};
        if (a > 0) {
            const QString previous = QStringLiteral("w5app%1").arg(a - 1, 2, 10, QLatin1Char('0'));
            deps << MigrationKey{previous, QStringLiteral("0001_initial")};
            entryFields << f(QStringLiteral("ForeignKey"), QStringLiteral("other"), {{QStringLiteral("to"), previous + QStringLiteral(".Entry")}, {QStringLiteral("on_delete"), QStringLiteral("SET_NULL")}, {QStringLiteral("null"), true}});
        }
        write(dir, app, QStringLiteral("0001_initial"), deps,
              {std::make_shared<CreateModel>(QStringLiteral("Owner"), QList<QVariantMap>{idField(), f(QStringLiteral("CharField"), QStringLiteral("name"), {{QStringLiteral("max_length"), 50}})}),
               std::make_shared<CreateModel>(QStringLiteral("Entry"), entryFields)});
        write(dir, app, QStringLiteral("0002_entry_rank"), {{app, QStringLiteral("0001_initial")}},
              {std::make_shared<AddField>(QStringLiteral("entry"), f(QStringLiteral("IntegerField"), QStringLiteral("rank"), {{QStringLiteral("default"), 0}}))});
        write(dir, app, QStringLiteral("0003_alter_entry_title"), {{app, QStringLiteral("0002_entry_rank")}},
              {std::make_shared<AlterField>(QStringLiteral("entry"), f(QStringLiteral("CharField"), QStringLiteral("title"), {{QStringLiteral("max_length"), 200}})),
               std::make_shared<AddIndex>(QStringLiteral("entry"), Index{{QStringLiteral("rank"), QStringLiteral("-title")}, app + QStringLiteral("_rank_idx")})});
    }
    registry.populate();
}

double seconds(const std::function<void()> &fn)
{
    QElapsedTimer timer;
    timer.start();
    fn();
    return timer.nsecsElapsed() / 1e9;
}

qint64 scalar(const QString &sql)
{
    std::unique_ptr<QSqlQuery> q = Connection::get().executeUncached(sql);
    return q->next() ? q->value(0).toLongLong() : -1;
}

void w5(const QString &backend)
{
    QTemporaryDir dir;
    Registry registry;
    syntheticProject(registry, dir.path());
    MigrationExecutor forwards(Connection::get(), registry);
    const QList<MigrationStep> plan = forwards.migrationPlan(forwards.leafTargets());
    const double up = seconds([&] { forwards.migrate(plan); });
    MigrationExecutor backwards(Connection::get(), registry);
    QList<MigrationKey> zero;
    for (AppConfig *app : registry.apps())
        zero << MigrationKey{app->label(), QString()};
    const QList<MigrationStep> down = backwards.migrationPlan(zero);
    const double back = seconds([&] { backwards.migrate(down); });
    out << QStringLiteral("%1  W5 migrate %2 migrations of %3 apps from zero: %4 s (back to zero: %5 s)\n")
               .arg(backend, -10).arg(plan.size()).arg(registry.apps().size()).arg(up, 0, 'f', 3).arg(back, 0, 'f', 3);

    // The demo project: its initial migrations made by the autodetector, then applied.
    QTemporaryDir demoDir;
    Registry demo;
    installDemoApps(demo);
    demo.populate();
    MigrationLoader loader(demo);
    for (AppConfig *app : demo.apps())
        loader.setMigrationsPath(app->label(), demoDir.filePath(app->label()));
    loader.load();
    MigrationQuestioner questioner;
    int count = 0;
    for (const auto &list : MigrationAutodetector(loader.projectState(), ProjectState::fromRegistry(demo), questioner).changes(loader.graph()))
        for (const MigrationPtr &m : list) {
            MigrationWriter(*m).write(demoDir.filePath(m->appLabel()));
            ++count;
        }
    for (AppConfig *app : demo.apps())
        app->setMigrationsPath(demoDir.filePath(app->label()));
    MigrationExecutor demoExecutor(Connection::get(), demo);
    const double demoUp = seconds([&] { demoExecutor.migrate(demoExecutor.migrationPlan(demoExecutor.leafTargets())); });
    QList<MigrationKey> demoZero;
    for (AppConfig *app : demo.apps())
        demoZero << MigrationKey{app->label(), QString()};
    MigrationExecutor demoBack(Connection::get(), demo);
    demoBack.migrate(demoBack.migrationPlan(demoZero));
    out << QStringLiteral("%1  W5 demo project: %2 initial migrations from zero: %3 s\n").arg(backend, -10).arg(count).arg(demoUp, 0, 'f', 3);
}

void bigTable(const QString &backend, int rows)
{
    QTemporaryDir dir;
    Registry registry;
    auto app = std::make_shared<AppConfig>(QStringLiteral("bigt"));
    app->setMigrationsPath(dir.filePath(QStringLiteral("bigt")));
    registry.addApp(app);
    registry.populate();
    const QString path = dir.path();
    write(path, QStringLiteral("bigt"), QStringLiteral("0001_initial"), {},
          {std::make_shared<CreateModel>(QStringLiteral("Row"), QList<QVariantMap>{idField(), f(QStringLiteral("CharField"), QStringLiteral("name"), {{QStringLiteral("max_length"), 40}})})});
    write(path, QStringLiteral("bigt"), QStringLiteral("0002_row_score"), {{QStringLiteral("bigt"), QStringLiteral("0001_initial")}},
          {std::make_shared<AddField>(QStringLiteral("row"), f(QStringLiteral("IntegerField"), QStringLiteral("score"), {{QStringLiteral("default"), 7}}))});
    write(path, QStringLiteral("bigt"), QStringLiteral("0003_alter_row_name"), {{QStringLiteral("bigt"), QStringLiteral("0002_row_score")}},
          {std::make_shared<AlterField>(QStringLiteral("row"), f(QStringLiteral("CharField"), QStringLiteral("name"), {{QStringLiteral("max_length"), 120}, {QStringLiteral("null"), true}}))});
    auto migrateTo = [&](const QString &name) {
        MigrationExecutor executor(Connection::get(), registry);
        executor.migrate(executor.migrationPlan({{QStringLiteral("bigt"), name}}));
    };
    migrateTo(QStringLiteral("0001_initial"));
    const bool sqlite = Connection::get().vendor() == DatabaseOperations::Vendor::Sqlite;
    const double fill = seconds([&] {
        Connection::get().executeScript({sqlite ? QStringLiteral("INSERT INTO bigt_row (id, name) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "
                                                                 "SELECT x, 'row ' || x FROM c").arg(rows)
                                                : QStringLiteral("INSERT INTO bigt_row (id, name) SELECT x, 'row ' || x FROM generate_series(1, %1) AS x").arg(rows)});
    });
    const double add = seconds([&] { migrateTo(QStringLiteral("0002_row_score")); });
    const double alter = seconds([&] { migrateTo(QStringLiteral("0003_alter_row_name")); });
    const qint64 count = scalar(QStringLiteral("SELECT count(*) FROM bigt_row"));
    const qint64 intact = scalar(QStringLiteral("SELECT count(*) FROM bigt_row WHERE name = 'row ' || id AND score = 7"));
    const qint64 idSum = scalar(QStringLiteral("SELECT sum(id) FROM bigt_row"));
    const bool ok = count == rows && intact == rows && idSum == qint64(rows) * (rows + 1) / 2;
    out << QStringLiteral("%1  %2 rows (filled in %3 s): AddField with default %4 s, AlterField (max_length, null) %5 s; rows intact: %6\n")
               .arg(backend, -10).arg(rows).arg(fill, 0, 'f', 2).arg(add, 0, 'f', 2).arg(alter, 0, 'f', 2).arg(ok ? QStringLiteral("yes") : QStringLiteral("NO"));
    migrateTo(QStringLiteral("0001_initial"));
    MigrationExecutor executor(Connection::get(), registry);
    executor.migrate(executor.migrationPlan({{QStringLiteral("bigt"), QString()}}));
    if (!ok)
        std::exit(1);
}

void runAll(const QString &backend, int rows)
{
    w5(backend);
    bigTable(backend, rows);
    Connections::closeAll();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = qEnvironmentVariableIntValue("QUANGO_BENCH_ROWS") > 0 ? qEnvironmentVariableIntValue("QUANGO_BENCH_ROWS") : 1000000;
    out << "Migrations (W5 and big-table AddField/AlterField)\n";
    QTemporaryDir dir;
    Connections::configure(DatabaseUrl::parse(QStringLiteral("sqlite:///") + dir.path() + QStringLiteral("/bench.sqlite3")));
    runAll(QStringLiteral("SQLite"), rows);
    const QString pg = qEnvironmentVariable("QUANGO_TEST_POSTGRES_URL");
    if (pg.isEmpty()) {
        out << "PostgreSQL: not measured (QUANGO_TEST_POSTGRES_URL is not set; scripts/bench sets it)\n";
    } else {
        Connections::configure(DatabaseUrl::parse(pg));
        runAll(QStringLiteral("PostgreSQL"), rows);
    }
    out.flush();
    return 0;
}
