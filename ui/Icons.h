#pragma once
#include <QIcon>
#include <QString>

namespace quango {

// The admin window's icons, from resources/icons/<name>.svg (compiled in as
// ":/icons/<name>.svg"): app, model, add, save, delete, search, migrate,
// history, export, database. Drawn in the palette's text colour, so they suit
// light and dark themes alike.
class Icons {
public:
    // A null QIcon when no such icon is compiled in.
    static QIcon icon(const QString &name);
    static QString path(const QString &name) { return QStringLiteral(":/icons/%1.svg").arg(name); }
};

} // namespace quango
