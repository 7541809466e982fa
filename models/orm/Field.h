#pragma once
#include <QList>
#include <QSharedPointer>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>
#include <concepts>
#include <functional>
#include <memory>

namespace quango {

class DatabaseOperations;
class ModelMeta;
class Field;
using FieldPtr = std::shared_ptr<Field>;

enum class OnDelete { Cascade, Protect, SetNull, SetDefault, Restrict, DoNothing };
QString onDeleteName(OnDelete mode);   // "CASCADE", ...
OnDelete onDeleteFromName(const QString &name); // throws FieldError

struct Choice {
    QVariant value;
    QString label;
};

// Returns an error message for a bad value, or an empty string.
using Validator = std::function<QString(const QVariant &)>;

// Options every field takes, as Django's Field.__init__ keyword arguments.
// Written with designated initializers: CharField("title", 200, {.blank = true}).
struct FieldOptions {
    bool null = false;
    bool blank = false;
    QVariant defaultValue;                     // invalid QVariant = no default
    std::function<QVariant()> defaultFactory;  // a callable default (uuid4, now)
    bool unique = false;
    bool dbIndex = false;
    QString dbColumn;
    QList<Choice> choices;
    QString verboseName;
    QString helpText;
    bool editable = true;
    QList<Validator> validators;
    bool primaryKey = false;
    // ForeignKey / OneToOne / ManyToMany
    QString relatedName;
    QString dbTable;        // ManyToMany: the through table's name
    // DateField / DateTimeField
    bool autoNow = false;
    bool autoNowAdd = false;
};

// Base of all field types (django.db.models.Field). A field knows its column,
// its SQL type per dialect (through DatabaseOperations::columnType), how to turn
// a value into its database form and back, and how to validate it. Views ask it
// for hints (widgetHint, jsonType) rather than switching on the field type.
class Field {
public:
    enum class WidgetHint { LineEdit, TextEdit, SpinBox, DoubleSpinBox, CheckBox, DateEdit,
                            DateTimeEdit, ComboBox, ForeignKeyPicker, ManyToManySelector,
                            JsonEditor, Hidden };
    enum class JsonType { String, Integer, Number, Boolean, Object, Array };

    Field(QString name, FieldOptions options);
    virtual ~Field();

    // "CharField", "ForeignKey", ...: the key of DatabaseOperations' type map and
    // of the migration writer.
    virtual QString internalType() const = 0;
    // Extra type parameters for the SQL type and for migrations (max_length, ...).
    virtual QVariantMap typeParameters() const { return {}; }
    virtual WidgetHint widgetHint() const { return m_options.choices.isEmpty() ? WidgetHint::LineEdit : WidgetHint::ComboBox; }
    virtual JsonType jsonType() const { return JsonType::String; }

    const QString &name() const { return m_name; }
    // Attribute name on an instance: "author_id" for ForeignKey "author".
    virtual QString attname() const { return m_name; }
    QString column() const { return m_options.dbColumn.isEmpty() ? attname() : m_options.dbColumn; }
    // False for ManyToMany: it has no column of its own.
    virtual bool isConcrete() const { return true; }
    virtual bool isRelation() const { return false; }
    virtual bool isAutoField() const { return false; }
    // Django's empty_strings_allowed: text-like fields default to "" rather than NULL.
    virtual bool emptyStringsAllowed() const
    {
        static const QStringList textual = {QStringLiteral("CharField"), QStringLiteral("TextField"), QStringLiteral("EmailField"),
                                            QStringLiteral("URLField"), QStringLiteral("SlugField")};
        return textual.contains(internalType());
    }
    bool isPrimaryKey() const { return m_options.primaryKey; }

    const FieldOptions &options() const { return m_options; }
    bool isNull() const { return m_options.null; }
    bool isBlank() const { return m_options.blank; }
    bool isUnique() const { return m_options.unique || m_options.primaryKey; }
    bool isEditable() const { return m_options.editable; }
    bool hasDefault() const { return m_options.defaultValue.isValid() || bool(m_options.defaultFactory); }
    QVariant defaultValue() const;
    QString verboseName() const;
    const QString &helpText() const { return m_options.helpText; }
    const QList<Choice> &choices() const { return m_options.choices; }
    QString choiceLabel(const QVariant &value) const; // display for choices, or the value

    // Coerce a value given by code or a form into this field's Qt type; throws
    // ValidationError with a clear message when it cannot ("'abc' is not an integer").
    virtual QVariant clean(const QVariant &value) const { return value; }
    // Value as bound to SQL, and back from a result column.
    virtual QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const;
    virtual QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const;
    // full_clean's per-field part: blank/null, choices, max_length, validators.
    virtual QStringList validate(const QVariant &value) const;
    // Display string for a value (admin list, __str__ helpers).
    virtual QString displayValue(const QVariant &value) const;
    // For DateTimeField auto_now: the value to store before a save.
    virtual QVariant preSave(const QVariant &current, bool adding) const { Q_UNUSED(adding); return current; }

    // The model this field belongs to; set when the model is registered.
    const ModelMeta *model() const { return m_model; }
    void setModel(const ModelMeta *model) { m_model = model; }

    // Django's deconstruct(): type and options, for migrations. Plain data only.
    QVariantMap deconstruct() const;

protected:
    virtual void deconstructExtra(QVariantMap &out) const { Q_UNUSED(out); }
    // The type's own checks (Django's max_length/range/decimal validators),
    // run by validate() after the null/blank/choices checks pass and after the
    // options' validators, for non-empty values only.
    virtual QStringList typeValidationErrors(const QVariant &value) const { Q_UNUSED(value); return {}; }
    bool isEmptyValue(const QVariant &value) const;
    // Throws ValidationError({name: [message]}).
    [[noreturn]] void raiseInvalid(const QString &message) const;

    QString m_name;
    FieldOptions m_options;
    const ModelMeta *m_model = nullptr;
};

// What AppConfig::addModel takes: any field object by value, e.g.
//   {CharField("title", 200), ForeignKey("author", "blog.Author", OnDelete::Cascade, {.relatedName = "posts"})}
// FieldOptions members must be written in declaration order (C++20 designated initializers).
class FieldDecl {
public:
    template <typename T>
        requires std::derived_from<std::decay_t<T>, Field>
    FieldDecl(T &&field) : m_field(std::make_shared<std::decay_t<T>>(std::forward<T>(field))) {}
    FieldDecl(FieldPtr field) : m_field(std::move(field)) {}
    const FieldPtr &ptr() const { return m_field; }

private:
    FieldPtr m_field;
};

} // namespace quango
