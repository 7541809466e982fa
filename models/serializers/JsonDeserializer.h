#pragma once
#include "serializers/DeserializedObject.h"
#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

namespace quango {

class Field;
class ModelMeta;

// Django's serializers.json.Deserializer: reads a fixture
//   [{"model": "blog.post", "pk": 1, "fields": {...}}]
// into unsaved instances, each value cleaned by its field (a ForeignKey's by
// the target's pk field, ManyToMany as lists of pks). Nothing touches the
// database. Any problem throws DeserializationError naming the fixture and
// the object: malformed JSON, an unknown model or field, a bad value.
class JsonDeserializer {
public:
    explicit JsonDeserializer(QString fixtureName);
    // Django's --ignorenonexistent: skip fields the model does not have.
    void setIgnoreNonexistent(bool ignore) { m_ignoreNonexistent = ignore; }
    // Objects of these models are read (and checked) but not returned.
    void setExcludedModels(const QSet<const ModelMeta *> &models) { m_excluded = models; }

    // `total`, when given, receives the number of objects in the fixture,
    // excluded ones included.
    QList<DeserializedObject> deserialize(const QByteArray &json, int *total = nullptr) const;

private:
    [[noreturn]] void fail(const QString &problem) const;
    QVariant cleanRelated(const Field *target, const QJsonValue &value, const QString &where, const QString &fieldName) const;

    QString m_fixture;
    bool m_ignoreNonexistent = false;
    QSet<const ModelMeta *> m_excluded;
};

} // namespace quango
