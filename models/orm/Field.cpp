#include "orm/Field.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"
#include <QLocale>

namespace quango {

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr OnDelete allModes[] = {OnDelete::Cascade, OnDelete::Protect, OnDelete::SetNull,
                                 OnDelete::SetDefault, OnDelete::Restrict, OnDelete::DoNothing};

// Python's repr() of a value, as Django's "Value %(value)r is not a valid choice." shows it.
QString pythonRepr(const QVariant &value)
{
    if (value.isNull())
        return u"None"_s;
    switch (value.metaType().id()) {
    case QMetaType::QString: {
        QString text = value.toString();
        const bool useDouble = text.contains(u'\'') && !text.contains(u'"');
        text.replace(u"\\"_s, u"\\\\"_s);
        if (!useDouble)
            text.replace(u"'"_s, u"\\'"_s);
        const QChar quote = useDouble ? u'"' : u'\'';
        return quote + text + quote;
    }
    case QMetaType::Bool:
        return value.toBool() ? u"True"_s : u"False"_s;
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        QString text = QString::number(d, 'g', QLocale::FloatingPointShortest);
        if (!text.contains(u'.') && !text.contains(u'e') && !text.contains(u'n') && !text.contains(u'i'))
            text += u".0"_s;
        return text;
    }
    default:
        return value.toString();
    }
}

bool choiceMatches(const QVariant &choice, const QVariant &value)
{
    if (choice == value)
        return true;
    // A value from a form arrives as text: "1" selects the choice 1.
    return !value.isNull() && choice.toString() == value.toString();
}
} // namespace

QString onDeleteName(OnDelete mode)
{
    switch (mode) {
    case OnDelete::Cascade: return u"CASCADE"_s;
    case OnDelete::Protect: return u"PROTECT"_s;
    case OnDelete::SetNull: return u"SET_NULL"_s;
    case OnDelete::SetDefault: return u"SET_DEFAULT"_s;
    case OnDelete::Restrict: return u"RESTRICT"_s;
    case OnDelete::DoNothing: return u"DO_NOTHING"_s;
    }
    return {};
}

OnDelete onDeleteFromName(const QString &name)
{
    // Accepts "CASCADE", "cascade" and Django's "models.CASCADE".
    QString key = name.trimmed();
    if (key.startsWith(u"models."_s))
        key = key.mid(7);
    QStringList names;
    for (OnDelete mode : allModes) {
        if (onDeleteName(mode).compare(key, Qt::CaseInsensitive) == 0)
            return mode;
        names << onDeleteName(mode);
    }
    throw FieldError(u"Unknown on_delete '%1'. Choices: %2"_s.arg(name, names.join(u", "_s)));
}

Field::Field(QString name, FieldOptions options) : m_name(std::move(name)), m_options(std::move(options)) {}

Field::~Field() = default;

QVariant Field::defaultValue() const
{
    if (m_options.defaultFactory)
        return m_options.defaultFactory();
    return m_options.defaultValue;
}

QString Field::verboseName() const
{
    if (!m_options.verboseName.isEmpty())
        return m_options.verboseName;
    QString name = m_name;
    name.replace(u'_', u' ');
    return name;
}

QString Field::choiceLabel(const QVariant &value) const
{
    for (const Choice &choice : m_options.choices)
        if (choiceMatches(choice.value, value))
            return choice.label;
    return value.isNull() ? QString() : value.toString();
}

// Django's empty_values: None, "", [], (), {}.
bool Field::isEmptyValue(const QVariant &value) const
{
    if (value.isNull())
        return true;
    switch (value.metaType().id()) {
    case QMetaType::QString: return value.toString().isEmpty();
    case QMetaType::QByteArray: return value.toByteArray().isEmpty();
    case QMetaType::QStringList: return value.toStringList().isEmpty();
    case QMetaType::QVariantList: return value.toList().isEmpty();
    case QMetaType::QVariantMap: return value.toMap().isEmpty();
    case QMetaType::QVariantHash: return value.toHash().isEmpty();
    default: return false;
    }
}

void Field::raiseInvalid(const QString &message) const
{
    throw ValidationError(QMap<QString, QStringList>{{m_name, {message}}});
}

QVariant Field::toDatabase(const QVariant &value, const DatabaseOperations &) const
{
    return value.isNull() ? QVariant() : value;
}

QVariant Field::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    return value.isNull() ? QVariant() : value;
}

// Django's Field.clean() after to_python(): validate() (skipped for
// non-editable fields), which stops at the first of choices/null/blank, then
// run_validators(), which collects every message but skips empty values.
QStringList Field::validate(const QVariant &value) const
{
    const bool empty = isEmptyValue(value);
    if (m_options.editable) {
        if (!m_options.choices.isEmpty() && !empty) {
            bool found = false;
            for (const Choice &choice : m_options.choices)
                found = found || choiceMatches(choice.value, value);
            if (!found)
                return {u"Value %1 is not a valid choice."_s.arg(pythonRepr(value))};
        }
        if (value.isNull() && !m_options.null)
            return {u"This field cannot be null."_s};
        if (empty && !m_options.blank)
            return {u"This field cannot be blank."_s};
    }
    if (empty)
        return {};
    QStringList errors;
    for (const Validator &validator : m_options.validators) {
        const QString message = validator(value);
        if (!message.isEmpty())
            errors << message;
    }
    errors << typeValidationErrors(value);
    return errors;
}

QString Field::displayValue(const QVariant &value) const
{
    if (value.isNull())
        return QString();
    if (!m_options.choices.isEmpty())
        return choiceLabel(value);
    return value.toString();
}

QVariantMap Field::deconstruct() const
{
    QVariantMap out;
    out.insert(u"type"_s, internalType());
    out.insert(u"name"_s, m_name);
    const FieldOptions &o = m_options;
    auto flag = [&](const QString &key, bool value) {
        if (value)
            out.insert(key, true);
    };
    flag(u"null"_s, o.null);
    flag(u"blank"_s, o.blank);
    if (o.defaultFactory)
        out.insert(u"callable"_s, true);
    else if (o.defaultValue.isValid())
        out.insert(u"default"_s, o.defaultValue);
    flag(u"unique"_s, o.unique);
    flag(u"db_index"_s, o.dbIndex);
    if (!o.dbColumn.isEmpty())
        out.insert(u"db_column"_s, o.dbColumn);
    if (!o.choices.isEmpty()) {
        QVariantList choices;
        for (const Choice &c : o.choices)
            choices << QVariant(QVariantList{c.value, c.label});
        out.insert(u"choices"_s, choices);
    }
    if (!o.verboseName.isEmpty())
        out.insert(u"verbose_name"_s, o.verboseName);
    if (!o.helpText.isEmpty())
        out.insert(u"help_text"_s, o.helpText);
    if (!o.editable)
        out.insert(u"editable"_s, false);
    flag(u"primary_key"_s, o.primaryKey);
    if (!o.relatedName.isEmpty())
        out.insert(u"related_name"_s, o.relatedName);
    if (!o.dbTable.isEmpty())
        out.insert(u"db_table"_s, o.dbTable);
    flag(u"auto_now"_s, o.autoNow);
    flag(u"auto_now_add"_s, o.autoNowAdd);
    const QVariantMap params = typeParameters();
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        out.insert(it.key(), it.value());
    deconstructExtra(out);
    return out;
}

} // namespace quango
