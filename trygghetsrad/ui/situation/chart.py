"""An indicator's line or bar chart drawn with QPainter from the shared domain layout."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from trygghetsrad.domain.situation.charts import (
    ChartDrawing,
    Dot,
    Line,
    Polyline,
    Rect,
    Text,
    format_number,
    layout_chart,
)
from trygghetsrad.domain.situation.picture import IndicatorData
from trygghetsrad.i18n import plural

LEGEND_GAP = 18.0


class IndicatorChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator: IndicatorData | None = None
        self.kind: str | None = None
        self.layout_drawn: ChartDrawing | None = None  # the last painted layout
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
        """A text alternative for screen readers: the latest value of every series."""
        if self.indicator is None:
            return ""
        parts = []
        for area in self.indicator.areas:
            point = self.indicator.latest(area)
            if point is not None:
                parts.append(f"{area}: {format_number(point.value)} ({point.period})")
        return "; ".join(parts)

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(8.5, font.pointSizeF() * 0.95))
        return font

    def legend_lines(self, layout: ChartDrawing, metrics: QFontMetricsF) -> list[list[int]]:
        """Indexes of `layout.series` per legend line, wrapped to the widget's width."""
        lines: list[list[int]] = [[]]
        x = 12.0
        for index, (area, _colour) in enumerate(layout.series):
            width = 14 + metrics.horizontalAdvance(area) + LEGEND_GAP
            if lines[-1] and x + width > self.width():
                lines.append([])
                x = 12.0
            lines[-1].append(index)
            x += width
        return lines

    def left_out_note(self, layout: ChartDrawing) -> str:
        if not layout.left_out:
            return ""
        return self.tr("Diagrammet visar {shown} av {total}; {names} finns i tabellen.").format(
            shown=len(layout.series),
            total=plural(
                len(layout.series) + len(layout.left_out), self.tr("område"), self.tr("områden")
            ),
            names=", ".join(layout.left_out),
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        font = self._font()
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        size = font.pointSizeF() * self.logicalDpiY() / 72
        if self.indicator is None:
            painter.end()
            return
        # The legend's height depends on how many series are drawn: lay out once to learn.
        probe = layout_chart(self.indicator, self.width(), 200, font_size=size, kind=self.kind)
        line_h = metrics.height() + 4
        rows = len(self.legend_lines(probe, metrics)) + (1 if probe.left_out else 0)
        legend_h = rows * line_h + 6
        layout = layout_chart(
            self.indicator, self.width(), self.height() - legend_h, font_size=size, kind=self.kind
        )
        self.layout_drawn = layout
        if layout.empty:
            painter.setPen(QColor("#5b6670"))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Indikatorn har inga värden ännu."),
            )
            painter.end()
            return
        self._draw_items(painter, layout, metrics)
        y = self.height() - legend_h + line_h
        for line in self.legend_lines(layout, metrics):
            x = 12.0
            for index in line:
                area, colour = layout.series[index]
                painter.fillRect(QRectF(x, y - 9, 10, 10), QColor(colour))
                painter.setPen(QColor("#33404c"))
                painter.drawText(QPointF(x + 14, y), area)
                x += 14 + metrics.horizontalAdvance(area) + LEGEND_GAP
            y += line_h
        note = self.left_out_note(layout)
        if note:
            painter.setPen(QColor("#5b6670"))
            painter.drawText(
                QPointF(12, y),
                metrics.elidedText(note, Qt.TextElideMode.ElideRight, self.width() - 24),
            )
        painter.end()

    def _draw_items(self, painter: QPainter, layout: ChartDrawing, metrics: QFontMetricsF) -> None:
        for item in layout.items:
            if isinstance(item, Line):
                pen = QPen(QColor(item.colour), item.width)
                if item.dash:
                    pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
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
