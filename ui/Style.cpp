#include "ui/Style.h"
#include <QApplication>
#include <QColor>
#include <QPalette>
#include <QWidget>

namespace quango {

bool Style::isDark(const QPalette &palette) { return palette.color(QPalette::Window).lightness() < 128; }

void Style::apply(QWidget *widget, Role role)
{
    const QPalette palette = QApplication::palette(widget);
    const bool dark = isDark(palette);
    QString color;
    QString extra;
    switch (role) {
    case Role::Error:
    case Role::Destructive:
        color = dark ? QStringLiteral("#ff7b72") : QStringLiteral("#ba2121"); // Django admin's errorlist red
        break;
    case Role::Success:
        color = dark ? QStringLiteral("#7ee787") : QStringLiteral("#2e7d32");
        break;
    case Role::Help:
        color = palette.color(QPalette::PlaceholderText).name();
        extra = QStringLiteral(" font-size: small;");
        break;
    }
    widget->setStyleSheet(QStringLiteral("color: %1;%2").arg(color, extra));
}

} // namespace quango
