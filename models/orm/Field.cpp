#include "orm/Field.h"
#include "db/DatabaseOperations.h"
#include "orm/Exceptions.h"

namespace quango {

QString onDeleteName(OnDelete mode)
{
    switch (mode) {
    case OnDelete::Cascade: return QStringLiteral("CASCADE");
    case OnDelete::Protect: return QStringLiteral("PROTECT");
    case OnDelete::SetNull: return QStringLiteral("SET_NULL");
    case OnDelete::SetDefault: return QStringLiteral("SET_DEFAULT");
    case OnDelete::Restrict: return QStringLiteral("RESTRICT");
    case OnDelete::DoNothing: return QStringLiteral("DO_NOTHING");
    }
    return {};
}

OnDelete onDeleteFromName(const QString &name)
{
    for (OnDelete mode : {OnDelete::Cascade, OnDelete::Protect, OnDelete::SetNull, OnDelete::SetDefault, OnDelete::Restrict, OnDelete::DoNothing})
        if (onDeleteName(mode).compare(name, Qt::CaseInsensitive) == 0)
            return mode;
    throw FieldError(QStringLiteral("Unknown on_delete '%1'. Choices: CASCADE, PROTECT, SET_NULL, SET_DEFAULT, RESTRICT, DO_NOTHING").arg(name));
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
    name.replace(QLatin1Char('_'), QLatin1Char(' '));
    return name;
}

QString Field::choiceLabel(const QVariant &value) const
{
    for (const Choice &choice : m_options.choices)
        if (choice.value == value || choice.value.toString() == value.toString())
            return choice.label;
    return value.toString();
}

bool Field::isEmptyValue(const QVariant &value) const
{
    if (value.isNull() || !value.isValid())
        return true;
    if (value.metaType().id() == QMetaType::QString)
        return value.toString().isEmpty();
    if (value.metaType().id() == QMetaType::QVariantList)
        return value.toList().isEmpty();
    if (value.metaType().id() == QMetaType::QVariantMap)
        return value.toMap().isEmpty();
    return false;
}

void Field::raiseInvalid(const QString &message) const
{
    throw ValidationError(QMap<QString, QStringList>{{m_name, {message}}});
}

QVariant Field::toDatabase(const QVariant &value, const DatabaseOperations &) const
{
    return value;
}

QVariant Field::fromDatabase(const QVariant &value, const DatabaseOperations &) const
{
    return value;
}

QStringList Field::validate(const QVariant &value) const
{
    QStringList errors;
    if (value.isNull() || !value.isValid()) {
        if (!m_options.null)
            errors << QStringLiteral("This field cannot be null.");
        return errors;
    }
    if (isEmptyValue(value)) {
        if (!m_options.blank)
            errors << QStringLiteral("This field cannot be blank.");
        return errors;
    }
    if (!m_options.choices.isEmpty()) {
        bool found = false;
        for (const Choice &choice : m_options.choices)
            found = found || choice.value == value || choice.value.toString() == value.toString();
        if (!found)
            errors << QStringLiteral("Value %1 is not a valid choice.").arg(displayValue(value));
    }
    for (const Validator &validator : m_options.validators) {
        const QString message = validator(value);
        if (!message.isEmpty())
            errors << message;
    }
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
    out.insert(QStringLiteral("type"), internalType());
    out.insert(QStringLiteral("name"), m_name);
    const FieldOptions &o = m_options;
    auto flag = [&](const char *key, bool value) {
        if (value)
            out.insert(QLatin1String(key), true);
    };
    flag("null", o.null);
    flag("blank", o.blank);
    flag("unique", o.unique);
    flag("db_index", o.dbIndex);
    flag("primary_key", o.primaryKey);
    flag("auto_now", o.autoNow);
    flag("auto_now_add", o.autoNowAdd);
    if (!o.editable)
        out.insert(QStringLiteral("editable"), false);
    if (o.defaultFactory)
        out.insert(QStringLiteral("callable_default"), true);
    else if (o.defaultValue.isValid())
        out.insert(QStringLiteral("default"), o.defaultValue);
    if (!o.dbColumn.isEmpty())
        out.insert(QStringLiteral("db_column"), o.dbColumn);
    if (!o.verboseName.isEmpty())
        out.insert(QStringLiteral("verbose_name"), o.verboseName);
    if (!o.helpText.isEmpty())
        out.insert(QStringLiteral("help_text"), o.helpText);
    if (!o.relatedName.isEmpty())
        out.insert(QStringLiteral("related_name"), o.relatedName);
    if (!o.dbTable.isEmpty())
        out.insert(QStringLiteral("db_table"), o.dbTable);
    if (!o.choices.isEmpty()) {
        QVariantList choices;
        for (const Choice &c : o.choices)
            choices << QVariant(QVariantList{c.value, c.label});
        out.insert(QStringLiteral("choices"), choices);
    }
    const QVariantMap params = typeParameters();
    for (auto it = params.cbegin(); it != params.cend(); ++it)
        out.insert(it.key(), it.value());
    deconstructExtra(out);
    return out;
}

} // namespace quango
