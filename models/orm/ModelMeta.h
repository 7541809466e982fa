#pragma once
#include "orm/Field.h"
#include "orm/Q.h"
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace quango {

class Model;
class Manager;
class RelatedField;
class ManyToManyField;
class AppConfig;

struct Index {
    QStringList fields;   // "-field" for descending
    QString name;         // generated like Django's when empty
};

struct Constraint {
    enum class Kind { Unique, Check };
    Kind kind = Kind::Unique;
    QString name;
    QStringList fields;   // Unique
    Q check;              // Check: a condition on this model's own fields
    Q condition;          // Unique: optional partial condition
};

struct Permission {
    QString codename;
    QString name;
};

// Django's class Meta. Written with designated initializers, in this order:
// {.dbTable = ..., .ordering = {"-published"}, .verboseName = ...}.
struct MetaOptions {
    QString dbTable;
    QStringList ordering;
    QString verboseName;
    QString verboseNamePlural;
    QList<Index> indexes;
    QList<QStringList> uniqueTogether;
    QList<Constraint> constraints;
    QList<Permission> permissions;
    QStringList defaultPermissions = {QStringLiteral("add"), QStringLiteral("change"),
                                      QStringLiteral("delete"), QStringLiteral("view")};
    QString getLatestBy;
    bool managed = true;
};

// The reverse side of a relation, as seen from the related model (Django's
// ForeignObjectRel): Author has a ReverseRelation "posts" for Post.author.
struct ReverseRelation {
    const RelatedField *field = nullptr;   // the forward field, on `model`
    const ModelMeta *model = nullptr;      // the model holding the forward field
    QString accessorName;                  // "posts" / "post_set" / "profile"
    QString queryName;                     // name in lookups: "posts" / "post"
    bool multiple = true;                  // false for OneToOne
    bool manyToMany = false;
};

using StrFunction = std::function<QString(const Model &)>;

// Django's Options (_meta): everything the ORM knows about one model. Built by
// AppConfig::addModel, completed (relations) by Registry::populate, then read-only.
class ModelMeta {
public:
    ModelMeta(QString appLabel, QString objectName, QList<FieldPtr> fields, MetaOptions options);
    ~ModelMeta();
    ModelMeta(const ModelMeta &) = delete;
    ModelMeta &operator=(const ModelMeta &) = delete;

    const QString &appLabel() const { return m_appLabel; }
    const QString &objectName() const { return m_objectName; }    // "BlogPost"
    const QString &modelName() const { return m_modelName; }      // "blogpost"
    QString label() const { return m_appLabel + QLatin1Char('.') + m_objectName; } // "blog.BlogPost"
    QString labelLower() const { return m_appLabel + QLatin1Char('.') + m_modelName; }
    const QString &dbTable() const { return m_dbTable; }
    const MetaOptions &options() const { return m_options; }
    const QStringList &ordering() const { return m_options.ordering; }
    QString verboseName() const;
    QString verboseNamePlural() const;

    // All fields in declaration order (pk first), including ManyToMany.
    const QList<FieldPtr> &fields() const { return m_fields; }
    // Fields with a column, in column order: position i is the value index i of
    // a Model instance.
    const QList<const Field *> &concreteFields() const { return m_concrete; }
    QList<const ManyToManyField *> manyToManyFields() const;
    const Field *pk() const { return m_pk; }
    int pkIndex() const { return m_pkIndex; }
    // By name or attname ("author" or "author_id"); nullptr when unknown.
    const Field *field(const QString &name) const;
    // Like field() but throws FieldError naming the model and the valid choices.
    const Field *fieldOrThrow(const QString &name) const;
    // Index into concreteFields(), or -1.
    int concreteIndex(const QString &nameOrAttname) const;
    int concreteIndex(const Field *field) const;
    QStringList fieldNames() const; // for error messages: fields and reverse names

    const QList<ReverseRelation> &reverseRelations() const { return m_reverse; }
    const ReverseRelation *reverseRelation(const QString &accessorOrQueryName) const;

    const StrFunction &strFunction() const { return m_str; }
    void setStr(StrFunction str) { m_str = std::move(str); }

    // Managers. "objects" exists unless replaced; the first one is the default.
    Manager &objects() const;
    Manager &manager(const QString &name) const;
    void addManager(const QString &name, std::shared_ptr<Manager> manager);
    QStringList managerNames() const;

    AppConfig *app() const { return m_app; }

    // Set up by the registry.
    void setApp(AppConfig *app) { m_app = app; }
    void addReverseRelation(const ReverseRelation &relation) { m_reverse.append(relation); }
    void clearReverseRelations() { m_reverse.clear(); }

private:
    QString m_appLabel, m_objectName, m_modelName, m_dbTable;
    MetaOptions m_options;
    QList<FieldPtr> m_fields;
    QList<const Field *> m_concrete;
    QHash<QString, const Field *> m_byName;
    QHash<QString, int> m_concreteByName;
    const Field *m_pk = nullptr;
    int m_pkIndex = -1;
    QList<ReverseRelation> m_reverse;
    StrFunction m_str;
    QList<QPair<QString, std::shared_ptr<Manager>>> m_managers;
    AppConfig *m_app = nullptr;
};

} // namespace quango
