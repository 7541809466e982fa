#pragma once
#include <QByteArray>
#include <QIconEngine>

namespace quango {

// Draws a monochrome SVG (strokes and fills in currentColor) in the colour the
// application palette gives text in each icon mode, at paint time: the icons
// follow the system's light or dark palette, and switching it, without any
// colour written into a widget.
class PaletteIconEngine : public QIconEngine {
public:
    explicit PaletteIconEngine(QByteArray svg);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    bool isNull() override { return m_svg.isEmpty(); }

    // The palette colour an icon in `mode` is drawn with.
    static QColor colour(QIcon::Mode mode);

private:
    QByteArray m_svg;
};

} // namespace quango
