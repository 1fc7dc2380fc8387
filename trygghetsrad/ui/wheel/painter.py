"""Draws a domain `Scene` with QPainter (the widget, PNG export and the SVG via QSvgGenerator).

Paths and pens are built once per scene (`PreparedScene`), so a repaint only replays them.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
)

from trygghetsrad.domain.wheel.scene import Circle, Line, Scene, Sector, Text
from trygghetsrad.paths import resource

FONT_FAMILY = "Liberation Sans"


def sector_path(s: Sector) -> QPainterPath:
    path = QPainterPath()
    outer = QRectF(s.cx - s.r1, s.cy - s.r1, 2 * s.r1, 2 * s.r1)
    inner = QRectF(s.cx - s.r0, s.cy - s.r0, 2 * s.r0, 2 * s.r0)
    sweep = s.a1 - s.a0
    if sweep >= 359.999:
        path.addEllipse(outer)
        if s.r0 > 0:
            path.addEllipse(inner)
        path.setFillRule(Qt.FillRule.OddEvenFill)
        return path
    path.arcMoveTo(outer, 90 - s.a0)
    path.arcTo(outer, 90 - s.a0, -sweep)
    if s.r0 > 0:
        path.arcTo(inner, 90 - s.a1, sweep)
    else:
        path.lineTo(s.cx, s.cy)
    path.closeSubpath()
    return path


@cache
def load_fonts() -> None:
    """Register the bundled Liberation Sans: the scene measures its labels with that font's
    metrics, and a machine without it (Windows, most Linux) would draw them in a wider
    fallback that runs past the edge and into the next label."""
    for name in ("Regular", "Bold"):
        QFontDatabase.addApplicationFont(str(resource("fonts", f"LiberationSans-{name}.ttf")))


def _font(size: float, bold: bool) -> QFont:
    load_fonts()
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(1, round(size)))
    if size != round(size):
        font.setPointSizeF(size * 0.75)
    font.setBold(bold)
    return font


class PreparedScene:
    """A scene turned into Qt objects once; `paint` only replays them."""

    def __init__(self, scene: Scene) -> None:
        self.scene = scene
        self._ops: list[tuple[Any, ...]] = []
        fonts: dict[tuple[float, bool], tuple[QFont, QFontMetricsF]] = {}
        for prim in scene.primitives:
            if isinstance(prim, Sector):
                pen = (
                    QPen(QColor(prim.stroke), prim.width)
                    if prim.stroke
                    else QPen(Qt.PenStyle.NoPen)
                )
                brush = QBrush(QColor(prim.fill)) if prim.fill else QBrush(Qt.BrushStyle.NoBrush)
                self._ops.append(("path", sector_path(prim), pen, brush))
            elif isinstance(prim, Circle):
                pen = (
                    QPen(QColor(prim.stroke), prim.width)
                    if prim.stroke
                    else QPen(Qt.PenStyle.NoPen)
                )
                brush = QBrush(QColor(prim.fill)) if prim.fill else QBrush(Qt.BrushStyle.NoBrush)
                path = QPainterPath()
                path.addEllipse(QPointF(prim.x, prim.y), prim.r, prim.r)
                self._ops.append(("path", path, pen, brush))
            elif isinstance(prim, Line):
                pen = QPen(QColor(prim.color), prim.width)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                if prim.dash:
                    pen.setStyle(Qt.PenStyle.DashLine)
                path = QPainterPath(QPointF(*prim.points[0]))
                for pt in prim.points[1:]:
                    path.lineTo(QPointF(*pt))
                self._ops.append(("path", path, pen, QBrush(Qt.BrushStyle.NoBrush)))
            elif isinstance(prim, Text):
                key = (round(prim.size, 2), prim.bold)
                if key not in fonts:
                    font = _font(prim.size, prim.bold)
                    fonts[key] = (font, QFontMetricsF(font))
                font, metrics = fonts[key]
                width = metrics.horizontalAdvance(prim.text)
                dx = {"start": 0.0, "middle": -width / 2, "end": -width}[prim.anchor]
                baseline = (metrics.ascent() - metrics.descent()) / 2
                self._ops.append(("text", prim, font, QColor(prim.color), QPointF(dx, baseline)))

    def paint(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for op in self._ops:
            if op[0] == "path":
                painter.setPen(op[2])
                painter.setBrush(op[3])
                painter.drawPath(op[1])
            else:
                prim, font, color, offset = op[1], op[2], op[3], op[4]
                painter.setFont(font)
                painter.setPen(color)
                if prim.rotate:
                    painter.save()
                    painter.translate(prim.x, prim.y)
                    painter.rotate(prim.rotate)
                    painter.drawText(offset, prim.text)
                    painter.restore()
                else:
                    painter.drawText(QPointF(prim.x, prim.y) + offset, prim.text)
