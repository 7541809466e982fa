#pragma once
#include "serializers/DeserializedObject.h"
#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace quango {

class ModelMeta;

// What loaddata did.
struct FixtureLoadResult {
    int fixtureCount = 0;   // fixtures read
    int objectCount = 0;    // objects in them
    int loadedCount = 0;    // objects saved (excluded models are not)
    QStringList emptyFixtures;
};

// Django's loaddata: every fixture is read first (JsonDeserializer), then all
// objects are saved in one transaction with raw=true on the save signals,
// foreign-key checks deferred so forward references inside the fixtures
// work. Before commit each ForeignKey and ManyToMany target is checked (in the
// database, so rows loaded earlier count); ManyToMany lists are set once every
// object exists; on PostgreSQL the pk sequences are moved past the loaded
// ids. Any error rolls everything back and throws DeserializationError naming
// the fixture and the object.
class FixtureLoader {
public:
    struct Fixture {
        QString name;     // as error messages show it (the path given)
        QByteArray data;
    };

    explicit FixtureLoader(QString alias = QStringLiteral("default"));
    void setIgnoreNonexistent(bool ignore) { m_ignoreNonexistent = ignore; }
    void setExcludedModels(const QSet<const ModelMeta *> &models) { m_excluded = models; }

    // Fixture files by path; "x" finds "x.json" too. A missing one throws
    // Error("No fixture named 'x' found.").
    FixtureLoadResult loadFiles(const QStringList &paths);
    FixtureLoadResult load(const QList<Fixture> &fixtures);

private:
    void save(DeserializedObject &object) const;
    void checkReferences(const QList<DeserializedObject> &objects) const;
    void resetSequences(const QList<DeserializedObject> &objects) const;

    QString m_alias;
    bool m_ignoreNonexistent = false;
    QSet<const ModelMeta *> m_excluded;
};

} // namespace quango
