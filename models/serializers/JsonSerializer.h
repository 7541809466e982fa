#pragma once
#include "serializers/DjangoJsonEncoder.h"
#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>
#include <functional>

namespace quango {

class Field;
class Model;
class ModelMeta;
class ManyToManyField;

// Django's serializers.json.Serializer as dumpdata uses it:
//   [{"model": "blog.post", "pk": 1, "fields": {"title": "...", "author": 3, "tags": [1, 2]}}]
// Objects of a model in pk order; fields in declaration order, the pk left
// out (it is "pk"), ManyToMany fields last as sorted lists of pks. Values take
// DjangoJSONEncoder's forms (see DjangoJsonEncoder). Text goes to `write` in
// pieces, so a large dump is never held whole.
//
//   JsonSerializer s([&](const QString &t) { out << t; }, 2);
//   s.startSerialization(); s.serializeModel(post); s.endSerialization();
class JsonSerializer {
public:
    using Writer = std::function<void(const QString &)>;
    // indent <= 0: one line, as Django's indent=None.
    explicit JsonSerializer(Writer write, int indent = -1, QString alias = QStringLiteral("default"));

    void startSerialization();
    // The rows of `model` (all, or those whose pk is in `pks`), ordered by pk,
    // through its default manager or, with baseManager, every row (--all).
    // Returns how many were written.
    qint64 serializeModel(const ModelMeta *model, const QVariantList &pks = {}, bool baseManager = false);
    // Objects already loaded (their ManyToMany lists are read from the database).
    void serializeObjects(const QList<Model> &objects);
    void endSerialization();
    qint64 objectCount() const { return m_count; }

    // The fixture form of one field's value: a ForeignKey as the target's pk,
    // decimals and UUIDs as strings, JSON as nested values.
    static QVariant dumpValue(const Field *field, const QVariant &value);
    // The whole fixture of these models as one string (tests, small dumps).
    static QString serialize(const QList<const ModelMeta *> &models, int indent = -1);

private:
    // Per ManyToMany field: source pk (as text) -> sorted target pks.
    using ManyToManyData = QList<QPair<const ManyToManyField *, QHash<QString, QVariantList>>>;
    // The links of the objects whose pk is in `pks`, or of every row with wholeTable.
    ManyToManyData loadManyToMany(const ModelMeta *model, const QVariantList &pks, bool wholeTable) const;
    void writeObject(const Model &object, const ManyToManyData &m2m);

    Writer m_write;
    DjangoJsonEncoder m_encoder;
    QString m_alias;
    qint64 m_count = 0;
};

} // namespace quango
