#include "ui/PaletteIconEngine.h"
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace quango {

PaletteIconEngine::PaletteIconEngine(QByteArray svg) : m_svg(std::move(svg)) {}

QColor PaletteIconEngine::colour(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled: return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected: return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active: break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

void PaletteIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(state);
    QByteArray svg = m_svg;
    svg.replace("currentColor", colour(mode).name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(svg);
    renderer.render(painter, rect);
}

QPixmap PaletteIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    // Cached per colour too, so a palette change draws afresh.
    const QString cacheKey = QStringLiteral("quango_icon_%1_%2x%3_%4")
                                 .arg(qHash(m_svg))
                                 .arg(size.width())
                                 .arg(size.height())
                                 .arg(colour(mode).name(QColor::HexArgb));
    QPixmap out;
    if (QPixmapCache::find(cacheKey, &out))
        return out;
    out = QPixmap(size);
    out.fill(Qt::transparent);
    {
        QPainter painter(&out);
        painter.setRenderHint(QPainter::Antialiasing);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
    }
    QPixmapCache::insert(cacheKey, out);
    return out;
}

QIconEngine *PaletteIconEngine::clone() const { return new PaletteIconEngine(m_svg); }

QString PaletteIconEngine::key() const { return QStringLiteral("quango_palette_svg"); }

} // namespace quango
