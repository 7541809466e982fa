#include "orm/FieldFactory.h"
#include "orm/Exceptions.h"
#include "orm/RelatedField.h"
#include "orm/fields/AutoField.h"
#include "orm/fields/BigAutoField.h"
#include "orm/fields/BigIntegerField.h"
#include "orm/fields/BooleanField.h"
#include "orm/fields/CharField.h"
#include "orm/fields/DateField.h"
#include "orm/fields/DateTimeField.h"
#include "orm/fields/DecimalField.h"
#include "orm/fields/EmailField.h"
#include "orm/fields/FloatField.h"
#include "orm/fields/IntegerField.h"
#include "orm/fields/JSONField.h"
#include "orm/fields/PositiveIntegerField.h"
#include "orm/fields/SlugField.h"
#include "orm/fields/TextField.h"
#include "orm/fields/URLField.h"
#include "orm/fields/UUIDField.h"
#include <QMap>
#include <functional>

namespace quango {

namespace {
FieldOptions optionsFrom(const QVariantMap &d)
{
    FieldOptions o;
    o.null = d.value(QStringLiteral("null")).toBool();
    o.blank = d.value(QStringLiteral("blank")).toBool();
    if (d.contains(QStringLiteral("default")))
        o.defaultValue = d.value(QStringLiteral("default"));
    o.unique = d.value(QStringLiteral("unique")).toBool();
    o.dbIndex = d.value(QStringLiteral("db_index")).toBool();
    o.dbColumn = d.value(QStringLiteral("db_column")).toString();
    for (const QVariant &choice : d.value(QStringLiteral("choices")).toList()) {
        const QVariantList pair = choice.toList();
        if (pair.size() == 2)
            o.choices.append({pair.at(0), pair.at(1).toString()});
    }
    o.verboseName = d.value(QStringLiteral("verbose_name")).toString();
    o.helpText = d.value(QStringLiteral("help_text")).toString();
    o.editable = d.value(QStringLiteral("editable"), true).toBool();
    o.primaryKey = d.value(QStringLiteral("primary_key")).toBool();
    o.relatedName = d.value(QStringLiteral("related_name")).toString();
    o.dbTable = d.value(QStringLiteral("db_table")).toString();
    o.autoNow = d.value(QStringLiteral("auto_now")).toBool();
    o.autoNowAdd = d.value(QStringLiteral("auto_now_add")).toBool();
    return o;
}

int required(const QVariantMap &d, const char *key)
{
    bool ok = false;
    const int n = d.value(QLatin1String(key)).toInt(&ok);
    if (!ok)
        throw FieldError(QStringLiteral("Field '%1' (%2) needs an integer '%3'.")
                             .arg(d.value(QStringLiteral("name")).toString(), d.value(QStringLiteral("type")).toString(), QLatin1String(key)));
    return n;
}

QString requiredText(const QVariantMap &d, const char *key)
{
    const QString s = d.value(QLatin1String(key)).toString();
    if (s.isEmpty())
        throw FieldError(QStringLiteral("Field '%1' (%2) needs '%3'.")
                             .arg(d.value(QStringLiteral("name")).toString(), d.value(QStringLiteral("type")).toString(), QLatin1String(key)));
    return s;
}

using Maker = std::function<FieldPtr(const QString &, const QVariantMap &, const FieldOptions &)>;
const QMap<QString, Maker> &makers()
{
    static const QMap<QString, Maker> table = {
        {QStringLiteral("AutoField"), [](auto n, auto, auto o) { return std::make_shared<AutoField>(n, o); }},
        {QStringLiteral("BigAutoField"), [](auto n, auto, auto o) { return std::make_shared<BigAutoField>(n, o); }},
        {QStringLiteral("IntegerField"), [](auto n, auto, auto o) { return std::make_shared<IntegerField>(n, o); }},
        {QStringLiteral("BigIntegerField"), [](auto n, auto, auto o) { return std::make_shared<BigIntegerField>(n, o); }},
        {QStringLiteral("PositiveIntegerField"), [](auto n, auto, auto o) { return std::make_shared<PositiveIntegerField>(n, o); }},
        {QStringLiteral("FloatField"), [](auto n, auto, auto o) { return std::make_shared<FloatField>(n, o); }},
        {QStringLiteral("DecimalField"), [](auto n, auto d, auto o) { return std::make_shared<DecimalField>(n, required(d, "max_digits"), required(d, "decimal_places"), o); }},
        {QStringLiteral("BooleanField"), [](auto n, auto, auto o) { return std::make_shared<BooleanField>(n, o); }},
        {QStringLiteral("DateField"), [](auto n, auto, auto o) { return std::make_shared<DateField>(n, o); }},
        {QStringLiteral("DateTimeField"), [](auto n, auto, auto o) { return std::make_shared<DateTimeField>(n, o); }},
        {QStringLiteral("CharField"), [](auto n, auto d, auto o) { return std::make_shared<CharField>(n, required(d, "max_length"), o); }},
        {QStringLiteral("TextField"), [](auto n, auto, auto o) { return std::make_shared<TextField>(n, o); }},
        {QStringLiteral("EmailField"), [](auto n, auto d, auto o) { return std::make_shared<EmailField>(n, o, d.value(QStringLiteral("max_length"), 254).toInt()); }},
        {QStringLiteral("URLField"), [](auto n, auto d, auto o) { return std::make_shared<URLField>(n, o, d.value(QStringLiteral("max_length"), 200).toInt()); }},
        {QStringLiteral("SlugField"), [](auto n, auto d, auto o) { return std::make_shared<SlugField>(n, o, d.value(QStringLiteral("max_length"), 50).toInt()); }},
        {QStringLiteral("UUIDField"), [](auto n, auto, auto o) { return std::make_shared<UUIDField>(n, o); }},
        {QStringLiteral("JSONField"), [](auto n, auto, auto o) { return std::make_shared<JSONField>(n, o); }},
        {QStringLiteral("ForeignKey"), [](auto n, auto d, auto o) {
             return std::make_shared<ForeignKey>(n, requiredText(d, "to"), onDeleteFromName(requiredText(d, "on_delete")), o); }},
        {QStringLiteral("OneToOneField"), [](auto n, auto d, auto o) {
             return std::make_shared<OneToOneField>(n, requiredText(d, "to"), onDeleteFromName(requiredText(d, "on_delete")), o); }},
        {QStringLiteral("ManyToManyField"), [](auto n, auto d, auto o) { return std::make_shared<ManyToManyField>(n, requiredText(d, "to"), o); }},
    };
    return table;
}
} // namespace

QStringList FieldFactory::knownTypes() { return makers().keys(); }

FieldPtr FieldFactory::create(const QVariantMap &d)
{
    const QString type = d.value(QStringLiteral("type")).toString();
    const QString name = d.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        throw FieldError(QStringLiteral("A field of type '%1' has no name.").arg(type));
    const auto it = makers().constFind(type);
    if (it == makers().constEnd())
        throw FieldError(QStringLiteral("Unknown field type '%1' for field '%2'. Known types: %3").arg(type, name, knownTypes().join(QStringLiteral(", "))));
    return (*it)(name, d, optionsFrom(d));
}

} // namespace quango
