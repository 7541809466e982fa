#pragma once
#include "orm/Field.h"

namespace quango {

class ModelMeta;

// Base of ForeignKey, OneToOneField and ManyToManyField. `to` is "app_label.Model",
// "Model" (same app) or "self"; the registry resolves it when it is populated.
class RelatedField : public Field {
public:
    RelatedField(QString name, QString to, FieldOptions options);

    bool isRelation() const override { return true; }
    const QString &to() const { return m_to; }
    const ModelMeta *relatedModel() const { return m_relatedModel; }
    void setRelatedModel(const ModelMeta *model) { m_relatedModel = model; }
    // The reverse accessor on the related model ("posts", or "post_set").
    virtual QString relatedAccessorName() const;
    // Name used in query paths from the related side ("posts" or "post").
    virtual QString relatedQueryName() const;
    // True when the reverse side yields many objects (ForeignKey, ManyToMany).
    virtual bool reverseIsMultiple() const { return true; }
    virtual bool isManyToMany() const { return false; }
    WidgetHint widgetHint() const override { return WidgetHint::ForeignKeyPicker; }
    JsonType jsonType() const override { return JsonType::Integer; }
    QString displayValue(const QVariant &value) const override;

protected:
    void deconstructExtra(QVariantMap &out) const override;

    QString m_to;
    const ModelMeta *m_relatedModel = nullptr;
};

// A many-to-one relation. Its column is "<name>_id" holding the target's pk.
class ForeignKey : public RelatedField {
public:
    ForeignKey(QString name, QString to, OnDelete onDelete, FieldOptions options = {});
    QString internalType() const override { return QStringLiteral("ForeignKey"); }
    QString attname() const override { return m_name + QStringLiteral("_id"); }
    OnDelete onDelete() const { return m_onDelete; }
    // The pk field of the related model: its type is the column's type.
    const Field *targetField() const;
    QVariant clean(const QVariant &value) const override;
    QVariant toDatabase(const QVariant &value, const DatabaseOperations &ops) const override;
    QVariant fromDatabase(const QVariant &value, const DatabaseOperations &ops) const override;

protected:
    void deconstructExtra(QVariantMap &out) const override;
    OnDelete m_onDelete;
};

// A ForeignKey that is unique: the reverse side is one object ("author.profile").
class OneToOneField : public ForeignKey {
public:
    OneToOneField(QString name, QString to, OnDelete onDelete, FieldOptions options = {});
    QString internalType() const override { return QStringLiteral("OneToOneField"); }
    bool reverseIsMultiple() const override { return false; }
    QString relatedAccessorName() const override;
};

// A many-to-many relation through an automatic table named like Django's:
// "<app>_<model>_<field>" with columns "<model>_id" and "<target>_id"
// ("from_<model>_id"/"to_<model>_id" when the relation points to its own model).
class ManyToManyField : public RelatedField {
public:
    ManyToManyField(QString name, QString to, FieldOptions options = {});
    QString internalType() const override { return QStringLiteral("ManyToManyField"); }
    bool isConcrete() const override { return false; }
    bool isManyToMany() const override { return true; }
    WidgetHint widgetHint() const override { return WidgetHint::ManyToManySelector; }
    JsonType jsonType() const override { return JsonType::Array; }
    QString throughTable() const;
    QString sourceColumn() const;   // points to this field's model
    QString targetColumn() const;   // points to the related model
    QVariant clean(const QVariant &value) const override; // a list of pks
    QStringList validate(const QVariant &value) const override;
};

} // namespace quango
