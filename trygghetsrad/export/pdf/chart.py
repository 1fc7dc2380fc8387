"""A chart laid out by `domain.situation.charts` as reportlab vector graphics: the one PDF
renderer of every chart, so the situation report and the follow-up look and read alike."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, PolyLine, String
from reportlab.graphics.shapes import Line as RlLine
from reportlab.lib import colors

from trygghetsrad.domain.situation.charts import ChartDrawing, Dot, Line, Polyline, Text
from trygghetsrad.domain.situation.charts import Rect as ChartRect
from trygghetsrad.export.pdf.base import FONT
from trygghetsrad.export.pdf.shapes import rect


def chart_drawing(layout: ChartDrawing) -> Drawing:
    """`layout` as a reportlab Drawing (y flipped, every text in the embedded font)."""
    width, flip = layout.width, layout.height
    drawing = Drawing(width, flip, initialFontName=FONT, initialFontSize=7.5)
    for item in layout.items:
        if isinstance(item, Line):
            line = RlLine(
                item.x1,
                flip - item.y1,
                item.x2,
                flip - item.y2,
                strokeColor=colors.HexColor(item.colour),
                strokeWidth=item.width,
            )
            if item.dash:  # reportlab's default is no dash
                line.strokeDashArray = [4, 2]
            drawing.add(line)
        elif isinstance(item, Polyline):
            points: list[float] = []
            for x, y in item.points:
                points += [x, flip - y]
            drawing.add(
                PolyLine(points, strokeColor=colors.HexColor(item.colour), strokeWidth=item.width)
            )
        elif isinstance(item, ChartRect):
            drawing.add(
                rect(
                    item.x,
                    flip - item.y - item.h,
                    item.w,
                    item.h,
                    fillColor=colors.HexColor(item.colour),
                    strokeColor=None,
                )
            )
        elif isinstance(item, Dot):
            drawing.add(
                Circle(
                    item.x,
                    flip - item.y,
                    item.r,
                    fillColor=colors.HexColor(item.colour),
                    strokeColor=colors.white,
                    strokeWidth=0.6,
                )
            )
        elif isinstance(item, Text):
            drawing.add(
                String(
                    item.x,
                    flip - item.y,
                    item.text,
                    fontName=FONT,
                    fontSize=item.size,
                    fillColor=colors.HexColor(item.colour),
                    textAnchor=item.anchor,
                )
            )
    return drawing
