"""An indicator's line or bar chart drawn with QPainter from the shared domain layout."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from trygghetsrad.domain.situation import IndicatorData
from trygghetsrad.domain.situation_charts import Dot, Line, Polyline, Rect, Text, layout_chart

LEGEND_HEIGHT = 24


class IndicatorChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator: IndicatorData | None = None
        self.kind: str | None = None
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Diagram"))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(560, 300)

    def set_indicator(self, indicator: IndicatorData | None, kind: str | None = None) -> None:
        self.indicator = indicator
        self.kind = kind
        if indicator is not None:
            self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """A text alternative for screen readers: the latest value of each series."""
        if self.indicator is None:
            return ""
        parts = []
        for area in self.indicator.areas[:3]:
            point = self.indicator.latest(area)
            if point is not None:
                parts.append(f"{area}: {point.value:g} ({point.period})")
        return "; ".join(parts)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        font = QFont(self.font())
        font.setPointSizeF(8.5)
        painter.setFont(font)
        size = (
            font.pixelSize()
            if font.pixelSize() > 0
            else font.pointSizeF() * self.logicalDpiY() / 72
        )
        if self.indicator is None:
            painter.end()
            return
        height = self.height() - LEGEND_HEIGHT
        layout = layout_chart(self.indicator, self.width(), height, font_size=size, kind=self.kind)
        if layout.empty:
            painter.setPen(QColor("#5b6670"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Indikatorn har inga värden ännu."),
            )
            painter.end()
            return
        metrics = painter.fontMetrics()
        for item in layout.items:
            if isinstance(item, Line):
                painter.setPen(QPen(QColor(item.colour), item.width))
                painter.drawLine(QPointF(item.x1, item.y1), QPointF(item.x2, item.y2))
            elif isinstance(item, Polyline):
                painter.setPen(QPen(QColor(item.colour), item.width))
                painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in item.points]))
            elif isinstance(item, Rect):
                painter.fillRect(QRectF(item.x, item.y, item.w, item.h), QColor(item.colour))
            elif isinstance(item, Dot):
                painter.setPen(QPen(QColor("#ffffff"), 1))
                painter.setBrush(QColor(item.colour))
                painter.drawEllipse(QPointF(item.x, item.y), item.r + 0.5, item.r + 0.5)
                painter.setBrush(Qt.BrushStyle.NoBrush)
            elif isinstance(item, Text):
                painter.setPen(QColor(item.colour))
                width = metrics.horizontalAdvance(item.text)
                x = item.x - (
                    width if item.anchor == "end" else width / 2 if item.anchor == "middle" else 0
                )
                painter.drawText(QPointF(x, item.y), item.text)
        x = 12.0
        y = self.height() - 8.0
        for area, colour in layout.series:
            painter.fillRect(QRectF(x, y - 9, 10, 10), QColor(colour))
            painter.setPen(QColor("#33404c"))
            painter.drawText(QPointF(x + 14, y), area)
            x += 14 + metrics.horizontalAdvance(area) + 18
        painter.end()
