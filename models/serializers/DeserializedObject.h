#pragma once
#include "orm/Model.h"
#include <QList>
#include <QPair>
#include <QString>
#include <QUuid>
#include <QVariantList>

namespace quango {

class ManyToManyField;

// Django's serializers.base.DeserializedObject: one fixture entry turned into
// an unsaved instance, its ManyToMany lists (set once every object exists),
// and where it came from, for error messages.
struct DeserializedObject {
    Model object;
    QList<QPair<const ManyToManyField *, QVariantList>> m2m;
    QString fixture;   // the file as named on the command line
    int index = 0;     // position in the fixture, from 0

    // "blog.post(pk=3)", as error messages name it.
    QString describe() const { return QStringLiteral("%1(pk=%2)").arg(object.meta()->labelLower(), pkText(object.pk())); }
    // A pk as the fixture writes it: UUIDs without braces, None for none.
    static QString pkText(const QVariant &pk)
    {
        if (pk.isNull())
            return QStringLiteral("None");
        return pk.metaType().id() == QMetaType::QUuid ? pk.toUuid().toString(QUuid::WithoutBraces) : pk.toString();
    }
};

} // namespace quango
