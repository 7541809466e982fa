#include "ui/Icons.h"
#include "ui/PaletteIconEngine.h"
#include <QFile>
#include <QHash>

namespace quango {

QIcon Icons::icon(const QString &name)
{
    static QHash<QString, QByteArray> sources; // read once; the GUI thread only
    auto it = sources.find(name);
    if (it == sources.end()) {
        QFile file(path(name));
        it = sources.insert(name, file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
    }
    if (it->isEmpty())
        return {};
    return QIcon(new PaletteIconEngine(*it));
}

} // namespace quango
