#include "app/commands/TemplateCommand.h"
#include "apps/Registry.h"
#include "orm/Exceptions.h"
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace quango {

namespace {
// Names that compile as identifiers but would break the generated C++ or
// CMake: keywords, the standard and Qt namespaces, CMake's own targets.
const QStringList &reservedNames()
{
    static const QStringList names = {
        QStringLiteral("alignas"), QStringLiteral("alignof"), QStringLiteral("and"), QStringLiteral("and_eq"), QStringLiteral("asm"),
        QStringLiteral("auto"), QStringLiteral("bitand"), QStringLiteral("bitor"), QStringLiteral("bool"), QStringLiteral("break"),
        QStringLiteral("case"), QStringLiteral("catch"), QStringLiteral("char"), QStringLiteral("char8_t"), QStringLiteral("char16_t"),
        QStringLiteral("char32_t"), QStringLiteral("class"), QStringLiteral("compl"), QStringLiteral("concept"), QStringLiteral("const"),
        QStringLiteral("consteval"), QStringLiteral("constexpr"), QStringLiteral("constinit"), QStringLiteral("const_cast"),
        QStringLiteral("continue"), QStringLiteral("co_await"), QStringLiteral("co_return"), QStringLiteral("co_yield"),
        QStringLiteral("decltype"), QStringLiteral("default"), QStringLiteral("delete"), QStringLiteral("do"), QStringLiteral("double"),
        QStringLiteral("dynamic_cast"), QStringLiteral("else"), QStringLiteral("enum"), QStringLiteral("explicit"), QStringLiteral("export"),
        QStringLiteral("extern"), QStringLiteral("false"), QStringLiteral("float"), QStringLiteral("for"), QStringLiteral("friend"),
        QStringLiteral("goto"), QStringLiteral("if"), QStringLiteral("inline"), QStringLiteral("int"), QStringLiteral("long"),
        QStringLiteral("mutable"), QStringLiteral("namespace"), QStringLiteral("new"), QStringLiteral("noexcept"), QStringLiteral("not"),
        QStringLiteral("not_eq"), QStringLiteral("nullptr"), QStringLiteral("operator"), QStringLiteral("or"), QStringLiteral("or_eq"),
        QStringLiteral("private"), QStringLiteral("protected"), QStringLiteral("public"), QStringLiteral("register"),
        QStringLiteral("reinterpret_cast"), QStringLiteral("requires"), QStringLiteral("return"), QStringLiteral("short"),
        QStringLiteral("signed"), QStringLiteral("sizeof"), QStringLiteral("static"), QStringLiteral("static_assert"),
        QStringLiteral("static_cast"), QStringLiteral("struct"), QStringLiteral("switch"), QStringLiteral("template"), QStringLiteral("this"),
        QStringLiteral("thread_local"), QStringLiteral("throw"), QStringLiteral("true"), QStringLiteral("try"), QStringLiteral("typedef"),
        QStringLiteral("typeid"), QStringLiteral("typename"), QStringLiteral("union"), QStringLiteral("unsigned"), QStringLiteral("using"),
        QStringLiteral("virtual"), QStringLiteral("void"), QStringLiteral("volatile"), QStringLiteral("wchar_t"), QStringLiteral("while"),
        QStringLiteral("xor"), QStringLiteral("xor_eq"), QStringLiteral("main"),
    };
    return names;
}

const QStringList &takenNames()
{
    static const QStringList names = {
        QStringLiteral("std"), QStringLiteral("quango"), QStringLiteral("Quango"), QStringLiteral("Qt"), QStringLiteral("all"),
        QStringLiteral("test"), QStringLiteral("install"), QStringLiteral("clean"), QStringLiteral("help"), QStringLiteral("package"),
        QStringLiteral("package_source"), QStringLiteral("edit_cache"), QStringLiteral("rebuild_cache"),
        QStringLiteral("list_install_components"), QStringLiteral("build"),
    };
    return names;
}
} // namespace

void TemplateCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("name"), QStringLiteral("Name of the application or project."));
    parser.addPositionalArgument(QStringLiteral("directory"), QStringLiteral("Optional destination directory"), QStringLiteral("[directory]"));
}

QString TemplateCommand::camelCase(const QString &name)
{
    // Python's str.title() without the underscores.
    QString out;
    bool startOfWord = true;
    for (const QChar c : name) {
        if (c.isLetter()) {
            out += startOfWord ? c.toUpper() : c.toLower();
            startOfWord = false;
        } else {
            if (c != u'_')
                out += c;
            startOfWord = true;
        }
    }
    return out;
}

void TemplateCommand::validateName(const QString &name, const QString &what)
{
    if (name.isEmpty())
        throw Error(QStringLiteral("you must provide %1 %2 name").arg(what == QLatin1String("app") ? "an" : "a", what));
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!identifier.match(name).hasMatch() || reservedNames().contains(name))
        throw Error(QStringLiteral("'%1' is not a valid %2 name. Please make sure the name is a valid identifier.").arg(name, what));
    if (takenNames().contains(name))
        throw Error(QStringLiteral("'%1' conflicts with the name of an existing C++ namespace or CMake target and cannot be used as %2 %3 name. "
                                   "Please try another name.")
                        .arg(name, what == QLatin1String("app") ? "an" : "a", what));
    if (Registry::instance().app(name))
        throw Error(QStringLiteral("'%1' conflicts with the name of an existing app and cannot be used as %2 %3 name. Please try another name.")
                        .arg(name, what == QLatin1String("app") ? "an" : "a", what));
}

QHash<QString, QString> TemplateCommand::extraContext(const QString &, const QString &) const
{
    return {};
}

int TemplateCommand::run(const QCommandLineParser &parser, CommandContext &context)
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty() || args.size() > 2) {
        context.err << (args.isEmpty() ? QStringLiteral("the following arguments are required: name")
                                       : QStringLiteral("unrecognized arguments: %1").arg(args.mid(2).join(u' ')))
                    << "\n\n" << usage();
        return 2;
    }
    const QString name = args.at(0);
    validateName(name, kind());

    QString topDir;
    if (args.size() < 2) {
        topDir = QDir::current().absoluteFilePath(name);
        if (QFileInfo::exists(topDir))
            throw Error(QStringLiteral("'%1' already exists").arg(topDir));
        if (!QDir().mkpath(topDir))
            throw Error(QStringLiteral("Cannot create the directory '%1'.").arg(topDir));
    } else {
        topDir = QDir::cleanPath(QDir::current().absoluteFilePath(args.at(1)));
        if (kind() == QLatin1String("app"))
            validateName(QFileInfo(topDir).fileName(), QStringLiteral("directory"));
        if (!QFileInfo(topDir).isDir())
            throw Error(QStringLiteral("Destination directory '%1' does not exist, please create it first.").arg(topDir));
    }

    QHash<QString, QString> variables = extraContext(name, topDir);
    variables.insert(kind() + QStringLiteral("_name"), name);
    variables.insert(QStringLiteral("camel_case_") + kind() + QStringLiteral("_name"), camelCase(name));
    variables.insert(QStringLiteral("upper_") + kind() + QStringLiteral("_name"), name.toUpper());
    variables.insert(kind() + QStringLiteral("_directory"), topDir);

    // Every file first: an existing one stops everything before anything is written.
    const QString root = QStringLiteral(":/templates/") + kind();
    QList<QPair<QString, QString>> files; // resource, target
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString resource = it.next();
        QString relative = resource.mid(root.size() + 1);
        relative.replace(QStringLiteral("AppName"), camelCase(name));
        if (relative.endsWith(QLatin1String("-tpl")))
            relative.chop(4);
        files.append({resource, QDir(topDir).filePath(relative)});
    }
    if (files.isEmpty())
        throw Error(QStringLiteral("The %1 template is missing from this build (no Qt resource %2).").arg(kind(), root));
    std::sort(files.begin(), files.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
    for (const auto &[resource, target] : std::as_const(files))
        if (QFileInfo::exists(target))
            throw Error(QStringLiteral("%1 already exists. Overlaying %2 %3 into an existing directory won't replace conflicting files.")
                            .arg(target, kind() == QLatin1String("app") ? "an" : "a", kind()));

    for (const auto &[resource, target] : std::as_const(files)) {
        QFile in(resource);
        if (!in.open(QIODevice::ReadOnly))
            throw Error(QStringLiteral("Cannot read the template file %1.").arg(resource));
        QString text = QString::fromUtf8(in.readAll());
        for (auto v = variables.cbegin(); v != variables.cend(); ++v)
            text.replace(QStringLiteral("{{ %1 }}").arg(v.key()), v.value());
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0)
            throw Error(QStringLiteral("Cannot write %1: %2").arg(target, out.errorString()));
        if (context.verbosity >= 2)
            context.out << "Creating " << target << "\n";
    }
    return 0;
}

} // namespace quango
