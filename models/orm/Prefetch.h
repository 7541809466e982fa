#pragma once
#include "orm/Model.h"
#include <QList>
#include <QStringList>

namespace quango {

// Django's prefetch_related_objects: for each path ("books", "books__tags",
// "tags", "author"), one extra query with IN over the instances' keys, joined
// in memory onto the instances' caches.
void prefetchRelatedObjects(QList<Model> &instances, const QStringList &paths, const QString &alias);

} // namespace quango
