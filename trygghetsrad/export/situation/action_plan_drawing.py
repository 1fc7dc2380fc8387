"""Vector drawings for the action-plan PDFs: the cause tree, traffic lights, indicator charts
and the timeline. The cause tree uses the same geometry as the on-screen diagram.
"""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from trygghetsrad.domain.dates import MONTHS_SHORT
from trygghetsrad.domain.situation.action_plan import (
    LIGHT_COLOURS,
    Light,
    has_light,
)
from trygghetsrad.domain.situation.action_plan_docs import IndicatorSeries
from trygghetsrad.domain.situation.causes import CauseData, build_tree
from trygghetsrad.domain.situation.causes_layout import LayoutStyle, layout_tree
from trygghetsrad.domain.situation.charts import Series, layout_series
from trygghetsrad.domain.situation.charts import format_number as chart_number
from trygghetsrad.export.pdf.base import ACCENT, FONT, FONT_BOLD, INK, MUTED, RULE
from trygghetsrad.export.pdf.chart import chart_drawing
from trygghetsrad.export.pdf.shapes import rect
from trygghetsrad.i18n import tr

KIND_FILL = {
    "situationell": colors.HexColor("#e3eef8"),
    "social": colors.HexColor("#fbeee0"),
    "": colors.HexColor("#1f5a8c"),
}
KIND_STROKE = {
    "situationell": colors.HexColor("#1f5a8c"),
    "social": colors.HexColor("#b5651d"),
    "": colors.HexColor("#1f5a8c"),
}
FLAG = colors.HexColor("#c0392b")
TREE_FONT_SIZE = 8.0


def new_drawing(width: float, height: float) -> Drawing:
    """A Drawing whose initial font is the embedded one (reportlab would start with Helvetica)."""
    return Drawing(width, height, initialFontName=FONT, initialFontSize=8)


def cause_tree(
    problem_title: str,
    causes: list[CauseData] | tuple[CauseData, ...],
    max_width: float,
    flagged: frozenset[int] = frozenset(),
    max_height: float | None = None,
) -> Drawing:
    style = LayoutStyle(box_width=118, h_gap=26, v_gap=7, padding=5, line_height=10)
    layout = layout_tree(
        problem_title,
        build_tree(list(causes)),
        lambda s: stringWidth(s, FONT, TREE_FONT_SIZE),
        style,
        flagged=frozenset(f for f in flagged if any(c.id == f for c in causes)),
    )
    scale = layout.scale_to_fit(max_width, max_height or 10_000)
    height = layout.height
    drawing = new_drawing(layout.width * scale, height * scale)
    drawing.scale(scale, scale)
    for edge in layout.edges:
        pts = [coord for x, y in edge.points for coord in (x, height - y)]
        drawing.add(PolyLine(pts, strokeColor=MUTED, strokeWidth=0.7))
    for box in layout.boxes:
        problem = box.kind == ""
        stroke = FLAG if box.flagged else KIND_STROKE.get(box.kind, ACCENT)
        frame = rect(
            box.x,
            height - box.y - box.h,
            box.w,
            box.h,
            rx=3,
            ry=3,
            fillColor=KIND_FILL.get(box.kind, KIND_FILL[""]),
            strokeColor=stroke,
            strokeWidth=1.4 if box.flagged else 0.8,
        )
        if box.flagged:  # reportlab's default is no dash
            frame.strokeDashArray = [3, 2]
        drawing.add(frame)
        for i, line in enumerate(box.lines):
            drawing.add(
                String(
                    box.x + style.padding,
                    height - box.y - style.padding - (i + 1) * style.line_height + 2.5,
                    line,
                    fontName=FONT_BOLD if problem else FONT,
                    fontSize=TREE_FONT_SIZE,
                    fillColor=colors.white if problem else INK,
                )
            )
    return drawing


def tree_legend() -> Drawing:
    drawing = new_drawing(420, 14)
    x = 0.0
    for kind, label in (
        ("situationell", tr("Situationell orsak")),
        ("social", tr("Social orsak")),
    ):
        drawing.add(
            rect(
                x,
                2,
                14,
                9,
                fillColor=KIND_FILL[kind],
                strokeColor=KIND_STROKE[kind],
                strokeWidth=0.8,
            )
        )
        drawing.add(String(x + 18, 3.5, label, fontName=FONT, fontSize=8, fillColor=INK))
        x += 24 + stringWidth(label, FONT, 8) + 14
    drawing.add(
        rect(
            x,
            2,
            14,
            9,
            fillColor=colors.white,
            strokeColor=FLAG,
            strokeWidth=1.2,
            strokeDashArray=[3, 2],
        )
    )
    drawing.add(
        String(x + 18, 3.5, tr("Orsak utan åtgärd"), fontName=FONT, fontSize=8, fillColor=INK)
    )
    return drawing


def light_dot(light: Light | str, size: float = 9) -> Drawing:
    """The traffic light as a dot; an empty drawing when there is no verdict (not judged)."""
    drawing = new_drawing(size + 2, size + 2)
    if not has_light(light):
        return drawing
    drawing.add(
        Circle(
            (size + 2) / 2,
            (size + 2) / 2,
            size / 2,
            fillColor=colors.HexColor(LIGHT_COLOURS[Light(light)]),
            strokeColor=colors.HexColor("#55606c"),
            strokeWidth=0.4,
        )
    )
    return drawing


def indicator_chart(series: IndicatorSeries, width: float, height: float) -> Drawing:
    """A measure's indicator with its target as a dashed line, laid out like every chart."""
    layout = layout_series(
        [Series(series.name, tuple((p.period, p.value) for p in series.points))],
        width,
        height,
        font_size=6.5,
        target=series.target,
        target_label=tr("Mål {t}").format(t=chart_number(series.target))
        if series.target is not None
        else "",
        unit=series.unit,
    )
    if layout.empty:
        drawing = new_drawing(width, height)
        drawing.add(
            String(0, height / 2, tr("Inga värden"), fontName=FONT, fontSize=8, fillColor=MUTED)
        )
        return drawing
    return chart_drawing(layout)


def timeline(
    bars: list[tuple[str, date | None, date | None, str]],
    start: date,
    end: date,
    *,
    width: float,
    label_width: float = 150,
) -> Drawing:
    """A Gantt chart: one bar per measure across the plan period, month ticks and years."""
    row_h, head = 13.0, 22.0
    height = head + row_h * len(bars) + 4
    drawing = new_drawing(width, height)
    plot_x, plot_w = label_width, width - label_width - 4
    total_days = max(1, (end - start).days)

    def x_of(day: date) -> float:
        day = min(max(day, start), end)
        return plot_x + plot_w * (day - start).days / total_days

    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        first = date(year, month, 1)
        x = x_of(max(first, start))
        strong = month == 1 or first <= start
        drawing.add(
            Line(
                x,
                4,
                x,
                height - head + 8,
                strokeColor=RULE if not strong else MUTED,
                strokeWidth=0.3 if not strong else 0.6,
            )
        )
        if total_days < 800 or month in (1, 4, 7, 10):
            drawing.add(
                String(
                    x + 1.5,
                    height - head + 10,
                    MONTHS_SHORT[month - 1],
                    fontName=FONT,
                    fontSize=6,
                    fillColor=MUTED,
                )
            )
        if strong:
            drawing.add(
                String(
                    x + 1.5, height - 8, str(year), fontName=FONT_BOLD, fontSize=7.5, fillColor=INK
                )
            )
        month += 1
        if month == 13:
            year, month = year + 1, 1
    for i, (label, s, e, colour) in enumerate(bars):
        y = height - head - (i + 1) * row_h + 3
        text = label
        while text and stringWidth(text, FONT, 7.5) > label_width - 6:
            text = text[:-2] + "…" if len(text) > 2 else ""
        drawing.add(String(0, y + 2, text, fontName=FONT, fontSize=7.5, fillColor=INK))
        if s is None and e is None:
            continue
        x1 = x_of(s or start)
        x2 = x_of(e or end)
        drawing.add(
            rect(
                x1,
                y,
                max(2.0, x2 - x1),
                row_h - 5,
                fillColor=colors.HexColor(colour),
                strokeColor=None,
            )
        )
    return drawing
