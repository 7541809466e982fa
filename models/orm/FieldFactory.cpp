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
#include "orm/fields/PositiveSmallIntegerField.h"
#include "orm/fields/SlugField.h"
#include "orm/fields/TextField.h"
#include "orm/fields/URLField.h"
#include "orm/fields/UUIDField.h"
#include <QDateTime>
#include <QMap>
#include <QUuid>
#include <functional>
#include <optional>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
std::function<QVariant()> standInFactory(const QString &type)
{
    if (type == u"UUIDField"_s)
        return [] { return QVariant(QUuid::createUuid()); };
    if (type == u"DateTimeField"_s)
        return [] { return QVariant(QDateTime::currentDateTimeUtc()); };
    if (type == u"DateField"_s)
        return [] { return QVariant(QDate::currentDate()); };
    if (type == u"JSONField"_s)
        return [] { return QVariant(QVariantMap()); };
    return [] { return QVariant(); };
}

FieldOptions optionsFrom(const QVariantMap &d, const QString &type)
{
    FieldOptions o;
    o.null = d.value(u"null"_s).toBool();
    o.blank = d.value(u"blank"_s).toBool();
    if (d.value(u"callable"_s).toBool() || d.value(u"callable_default"_s).toBool())
        o.defaultFactory = standInFactory(type);
    else if (d.contains(u"default"_s))
        o.defaultValue = d.value(u"default"_s);
    o.unique = d.value(u"unique"_s).toBool();
    o.dbIndex = d.value(u"db_index"_s).toBool();
    o.dbColumn = d.value(u"db_column"_s).toString();
    for (const QVariant &choice : d.value(u"choices"_s).toList()) {
        const QVariantList pair = choice.toList();
        if (pair.size() != 2)
            throw FieldError(u"Field '%1' has a choice that is not a [value, label] pair."_s.arg(d.value(u"name"_s).toString()));
        o.choices.append({pair.at(0), pair.at(1).toString()});
    }
    o.verboseName = d.value(u"verbose_name"_s).toString();
    o.helpText = d.value(u"help_text"_s).toString();
    o.editable = d.value(u"editable"_s, true).toBool();
    o.primaryKey = d.value(u"primary_key"_s).toBool();
    o.relatedName = d.value(u"related_name"_s).toString();
    o.dbTable = d.value(u"db_table"_s).toString();
    o.autoNow = d.value(u"auto_now"_s).toBool();
    o.autoNowAdd = d.value(u"auto_now_add"_s).toBool();
    return o;
}

// An integer parameter; JSON gives numbers back as doubles.
int integer(const QVariantMap &d, const QString &key, std::optional<int> fallback = std::nullopt)
{
    const QVariant value = d.value(key);
    if (!value.isValid() || value.isNull()) {
        if (fallback)
            return *fallback;
    } else {
        bool ok = false;
        const double n = value.toDouble(&ok);
        if (ok && n == double(int(n)) && n >= 0)
            return int(n);
    }
    throw FieldError(u"Field '%1' (%2) needs a non-negative integer '%3'."_s
                         .arg(d.value(u"name"_s).toString(), d.value(u"type"_s).toString(), key));
}

QString text(const QVariantMap &d, const QString &key)
{
    const QString s = d.value(key).toString();
    if (s.isEmpty())
        throw FieldError(u"Field '%1' (%2) needs '%3'."_s.arg(d.value(u"name"_s).toString(), d.value(u"type"_s).toString(), key));
    return s;
}

using Maker = std::function<FieldPtr(const QString &, const QVariantMap &, const FieldOptions &)>;

template <typename T>
Maker simple()
{
    return [](const QString &n, const QVariantMap &, const FieldOptions &o) { return std::make_shared<T>(n, o); };
}

const QMap<QString, Maker> &makers()
{
    static const QMap<QString, Maker> table = {
        {u"AutoField"_s, simple<AutoField>()},
        {u"BigAutoField"_s, simple<BigAutoField>()},
        {u"IntegerField"_s, simple<IntegerField>()},
        {u"BigIntegerField"_s, simple<BigIntegerField>()},
        {u"PositiveIntegerField"_s, simple<PositiveIntegerField>()},
        {u"PositiveSmallIntegerField"_s, simple<PositiveSmallIntegerField>()},
        {u"FloatField"_s, simple<FloatField>()},
        {u"BooleanField"_s, simple<BooleanField>()},
        {u"DateField"_s, simple<DateField>()},
        {u"DateTimeField"_s, simple<DateTimeField>()},
        {u"TextField"_s, simple<TextField>()},
        {u"UUIDField"_s, simple<UUIDField>()},
        {u"JSONField"_s, simple<JSONField>()},
        {u"DecimalField"_s, [](const QString &n, const QVariantMap &d, const FieldOptions &o) {
             return std::make_shared<DecimalField>(n, integer(d, u"max_digits"_s), integer(d, u"decimal_places"_s), o);
         }},
        {u"CharField"_s, [](const QString &n, const QVariantMap &d, const FieldOptions &o) {
             return std::make_shared<CharField>(n, integer(d, u"max_length"_s), o);
         }},
        {u"EmailField"_s, [](const QString &n, const QVariantMap &d, const FieldOptions &o) {
             return std::make_shared<EmailField>(n, o, integer(d, u"max_length"_s, 254));
         }},
        {u"URLField"_s, [](const QString &n, const QVariantMap &d, const FieldOptions &o) {
             return std::make_shared<URLField>(n, o, integer(d, u"max_length"_s, 200));
         }},
        {u"SlugField"_s, [](const QString &n, const QVariantMap &d, const FieldOptions &o) {
             return std::make_shared<SlugField>(n, o, integer(d, u"max_length"_s, 50));
         }},
        {u"ForeignKey"_s, [](const QString &n, const QVariantMap &d, const FieldOptions &o) {
             return std::make_shared<ForeignKey>(n, text(d, u"to"_s), onDeleteFromName(text(d, u"on_delete"_s)), o);
         }},
        {u"OneToOneField"_s, [](const QString &n, const QVariantMap &d, const FieldOptions &o) {
             return std::make_shared<OneToOneField>(n, text(d, u"to"_s), onDeleteFromName(text(d, u"on_delete"_s)), o);
         }},
        {u"ManyToManyField"_s, [](const QString &n, const QVariantMap &d, const FieldOptions &o) {
             return std::make_shared<ManyToManyField>(n, text(d, u"to"_s), o);
         }},
    };
    return table;
}
} // namespace

QStringList FieldFactory::knownTypes() { return makers().keys(); }

FieldPtr FieldFactory::create(const QVariantMap &d)
{
    const QString type = d.value(u"type"_s).toString();
    const auto it = makers().constFind(type);
    if (it == makers().constEnd())
        throw FieldError(u"Unknown field type '%1'. Known types: %2"_s.arg(type, knownTypes().join(u", "_s)));
    const QString name = d.value(u"name"_s).toString();
    if (name.isEmpty())
        throw FieldError(u"A field of type '%1' has no name."_s.arg(type));
    // Defaults stay as written (JSON gives "2024-01-01" for a date): users of
    // defaultValue() clean it, and create(d)->deconstruct() must equal d.
    return (*it)(name, d, optionsFrom(d, type));
}

} // namespace quango
