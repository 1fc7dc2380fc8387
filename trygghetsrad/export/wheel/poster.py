"""The A3 poster of the year's wheel: the wheel in vector form with legend and plan status on
the first page, then the dated list of the year. Drawn from the same scene as the screen."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Protocol, cast

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.dates import MONTHS, WEEKDAYS, iso_week_span, time_span
from trygghetsrad.domain.internal import visible
from trygghetsrad.domain.wheel.model import WheelCategory, WheelDocument, series_key
from trygghetsrad.domain.wheel.scene import (
    INK,
    MUTED,
    Circle,
    Line,
    Scene,
    Sector,
    Text,
    document_scene,
    mix,
)
from trygghetsrad.export.pdf.base import (
    FONT,
    FONT_BOLD,
    PdfMeta,
    data_table,
    drawable,
    escape,
    render_pdf,
    styles,
)
from trygghetsrad.export.wheel.text import printable_document
from trygghetsrad.i18n import tr

PAGE = landscape(A3)
MARGINS = (26, 16, 20, 16)  # top, right, bottom, left in mm


class _FloatArcs(Protocol):
    """PDFPathObject's arcs as reportlab takes them: its stubs type the angles `int`, but the
    angles of a sector are fractions of a degree and reportlab draws them as given."""

    def arc(
        self, x1: float, y1: float, x2: float, y2: float, startAng: float, extent: float
    ) -> None: ...

    def arcTo(  # noqa: N802
        self, x1: float, y1: float, x2: float, y2: float, startAng: float, extent: float
    ) -> None: ...


def _sector_path(canvas: Canvas, s: Sector, h: float) -> tuple[PDFPathObject, bool]:
    path = canvas.beginPath()
    cy = h - s.cy
    if s.a1 - s.a0 >= 359.999:
        path.circle(s.cx, cy, s.r1)
        if s.r0 > 0:
            path.circle(s.cx, cy, s.r0)
        return path, True
    sweep = s.a1 - s.a0
    arcs = cast(_FloatArcs, path)  # the same object; see _FloatArcs
    arcs.arc(s.cx - s.r1, cy - s.r1, s.cx + s.r1, cy + s.r1, 90 - s.a0, -sweep)
    arcs.arcTo(s.cx - s.r0, cy - s.r0, s.cx + s.r0, cy + s.r0, 90 - s.a1, sweep)
    path.close()
    return path, False


def draw_scene(canvas: Canvas, scene: Scene) -> None:
    """Draw `scene` with its top-left corner at the current origin (reportlab is y-up)."""
    h = scene.height
    for prim in scene.primitives:
        if isinstance(prim, Sector):
            path, ring = _sector_path(canvas, prim, h)
            if prim.fill:
                canvas.setFillColor(colors.HexColor(prim.fill))
            if prim.stroke and prim.width > 0:
                canvas.setStrokeColor(colors.HexColor(prim.stroke))
                canvas.setLineWidth(prim.width)
            canvas.drawPath(
                path,
                fill=1 if prim.fill else 0,
                stroke=1 if prim.stroke and prim.width > 0 else 0,
                fillMode=0 if ring else 1,
            )
        elif isinstance(prim, Circle):
            if prim.fill:
                canvas.setFillColor(colors.HexColor(prim.fill))
            if prim.stroke and prim.width > 0:
                canvas.setStrokeColor(colors.HexColor(prim.stroke))
                canvas.setLineWidth(prim.width)
            canvas.circle(
                prim.x,
                h - prim.y,
                prim.r,
                fill=1 if prim.fill else 0,
                stroke=1 if prim.stroke and prim.width > 0 else 0,
            )
        elif isinstance(prim, Line):
            canvas.setStrokeColor(colors.HexColor(prim.color))
            canvas.setLineWidth(prim.width)
            canvas.setLineCap(1)
            path = canvas.beginPath()
            x, y = prim.points[0]
            path.moveTo(x, h - y)
            for x, y in prim.points[1:]:
                path.lineTo(x, h - y)
            canvas.drawPath(path, fill=0, stroke=1)
        elif isinstance(prim, Text):
            canvas.setFillColor(colors.HexColor(prim.color))
            canvas.setFont(FONT_BOLD if prim.bold else FONT, prim.size)
            canvas.saveState()
            canvas.translate(prim.x, h - prim.y)
            if prim.rotate:
                canvas.rotate(-prim.rotate)
            baseline = -0.35 * prim.size
            if prim.anchor == "start":
                canvas.drawString(0, baseline, drawable(prim.text))
            elif prim.anchor == "end":
                canvas.drawRightString(0, baseline, drawable(prim.text))
            else:
                canvas.drawCentredString(0, baseline, drawable(prim.text))
            canvas.restoreState()


POSTER_FONT = 10.0
POSTER_LABEL_ROOM = 16.0  # wide label columns: A3 has room beside the wheel for whole titles
LEGEND_WIDTH = 78 * mm


def poster_scene(doc: WheelDocument, width: float, height: float) -> Scene:
    """The wheel of the poster in a `width` × `height` box (the page left of the legend)."""
    return document_scene(
        doc,
        width,
        height,
        font=POSTER_FONT,
        label_room=POSTER_LABEL_ROOM,
        hidden_note=tr("alla finns i listan på nästa sida"),
    )


class WheelPage(Flowable):
    """The whole first page: wheel on the left, title, status and legend on the right."""

    def __init__(self, doc: WheelDocument, width: float, height: float) -> None:
        super().__init__()
        self.doc = doc
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, avail_height - 1
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        side = LEGEND_WIDTH
        wheel_w = self.width - side
        scene = poster_scene(self.doc, wheel_w, self.height)
        c.saveState()
        draw_scene(c, scene)
        c.restoreState()
        x = wheel_w + 6 * mm
        y = self.height - 4 * mm
        c.setFillColor(colors.HexColor(INK))
        c.setFont(FONT_BOLD, 30)
        c.drawString(x, y - 24, drawable(self.doc.title))
        y -= 40
        c.setFont(FONT, 11)
        c.setFillColor(colors.HexColor(MUTED))
        for line in _wrap(self.doc.plan.status_text(), 11, side - 10 * mm):
            c.drawString(x, y - 11, drawable(line))
            y -= 14.5
        y -= 16
        c.setFillColor(colors.HexColor(INK))
        c.setFont(FONT_BOLD, 12)
        c.drawString(x, y - 12, tr("Ringar, utifrån och in"))
        y -= 26
        counts: dict[str, int] = {}
        for item in self.doc.items:
            counts[item.category] = counts.get(item.category, 0) + 1
        for cat in [c for c in self.doc.categories if c.visible]:
            c.setFillColor(colors.HexColor(mix(cat.color, "#ffffff", 0.9)))
            c.setStrokeColor(colors.HexColor(cat.color))
            c.setLineWidth(0.8)
            c.roundRect(x, y - 12, 22, 14, 3, fill=1, stroke=0)
            c.setFillColor(colors.HexColor(cat.color))
            c.roundRect(x + 4, y - 9, 14, 8, 2, fill=1, stroke=0)
            c.setFillColor(colors.HexColor(INK))
            c.setFont(FONT, 11)
            c.drawString(x + 30, y - 9, drawable(cat.name))
            c.setFillColor(colors.HexColor(MUTED))
            c.setFont(FONT, 9)
            c.drawRightString(x + side - 12 * mm, y - 9, str(counts.get(cat.key, 0)))
            y -= 21
        y -= 12
        c.setFont(FONT, 9.5)
        c.setFillColor(colors.HexColor(MUTED))
        notes = [
            tr("● en dag   ▬ flera dagar"),
            tr("Röda prickar vid månadsringen: helgdagar."),
            tr("Veckonummer enligt ISO 8601; vid årsskiftet anges ISO-året."),
            tr("Den fullständiga listan finns på nästa sida."),
        ]
        if any(series_key(key) in scene.series_tags for key in scene.label_lines):
            notes.insert(1, tr("A, B …: varje tillfälle av en återkommande händelse."))
        for note in notes:
            for line in _wrap(note, 9.5, side - 10 * mm):
                c.drawString(x, y - 9.5, drawable(line))
                y -= 13
        holidays = [h for h in self.doc.holidays]
        if holidays and y > 60 * mm:
            y -= 10
            c.setFont(FONT_BOLD, 10.5)
            c.setFillColor(colors.HexColor(INK))
            c.drawString(x, y - 10, tr("Helgdagar"))
            y -= 22
            c.setFont(FONT, 9)
            for holiday in holidays:
                if y < 12 * mm:
                    break
                c.setFillColor(colors.HexColor(MUTED))
                c.drawString(x, y - 9, f"{holiday.day.day} {MONTHS[holiday.day.month - 1][:3]}")
                c.setFillColor(colors.HexColor(INK))
                c.drawString(x + 42, y - 9, drawable(holiday.name))
                y -= 12.5


def _wrap(text: str, size: float, width: float) -> list[str]:
    from trygghetsrad.domain.text_metrics import wrap_text

    return wrap_text(text, size, width, 6)


def _when(item: CalendarItem) -> str:
    s, e = item.start, item.last_day
    first = f"{WEEKDAYS[s.weekday()][:3]} {s.day} {MONTHS[s.month - 1]}"
    if e != s:
        first += f" – {WEEKDAYS[e.weekday()][:3]} {e.day} {MONTHS[e.month - 1]}"
    span = time_span(item.start_time, item.end_time)
    return f"{first}, {span}" if span else first


def wheel_poster_pdf(doc: WheelDocument, *, include_internal: bool = False) -> bytes:
    """A3 landscape: page 1 the wheel, then the dated list of every item of the year."""
    doc = printable_document(replace(doc, items=tuple(visible(doc.items, include_internal))))
    st = styles()
    story: list[Flowable] = [WheelPage(doc, 0, 0), PageBreak()]
    story += _list_section(doc, st)
    story += _changes_section(doc, st)
    meta = PdfMeta(
        title=doc.title,
        subject=tr("Årshjul för trygghetsrådet"),
        municipality=doc.municipality,
        logo=doc.logo,
        document_date=doc.today,
        footer_note=doc.plan.status_text() if len(doc.plan.status_text()) < 120 else "",
        keywords=[tr("årshjul"), str(doc.year)],
    )
    return render_pdf(story, meta, pagesize=PAGE, margins_mm=MARGINS)


def _list_section(doc: WheelDocument, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """Every item of the year by date, under a shaded row per month."""
    rows: list[list[object]] = [
        [tr("Datum"), tr("Vecka"), tr("Händelse"), tr("Ring"), tr("Plats"), tr("Ansvarig")]
    ]
    names = {c.key: c for c in doc.categories}
    current_month = None
    month_rows: list[int] = []
    described: set[str] = set()  # a series' description is printed at its first occurrence
    for item in doc.items:
        if (item.start.year, item.start.month) != current_month:
            current_month = (item.start.year, item.start.month)
            month_rows.append(len(rows))
            rows.append(_month_row(item, st))
        show_description = series_key(item.key) not in described
        if item.description:
            described.add(series_key(item.key))
        rows.append(_item_row(item, names.get(item.category), show_description, st))
    extra: list[tuple[Any, ...]] = []
    for index in month_rows:
        extra += [
            ("SPAN", (0, index), (-1, index)),
            ("BACKGROUND", (0, index), (-1, index), colors.HexColor("#e9eef3")),
        ]
    widths = [72 * mm, 20 * mm, 128 * mm, 48 * mm, 62 * mm, 58 * mm]
    table = data_table(rows, widths, zebra=False)
    table.setStyle(extra)
    return [
        Paragraph(escape(tr("{title} – alla händelser").format(title=doc.title)), st["title"]),
        Paragraph(escape(doc.plan.status_text()), st["subtitle"]),
        table,
    ]


def _month_row(item: CalendarItem, st: dict[str, ParagraphStyle]) -> list[object]:
    month = f"{escape(MONTHS[item.start.month - 1].capitalize())} {item.start.year}"
    return [Paragraph(f"<b>{month}</b>", st["cell"]), "", "", "", "", ""]


def _item_row(
    item: CalendarItem,
    cat: WheelCategory | None,
    show_description: bool,
    st: dict[str, ParagraphStyle],
) -> list[object]:
    title = escape(item.title)
    if item.description and show_description:
        title += f"<br/><font size=8 color='#5b6670'>{escape(item.description[:200])}</font>"
    ring = (
        f"<font color='{cat.color if cat else '#666666'}'>■</font> "
        f"{escape(cat.name if cat else item.category)}"
    )
    week = escape(iso_week_span(item.start, item.end).replace("v. ", ""))
    return [
        Paragraph(escape(_when(item)), st["cell"]),
        Paragraph(week, st["cell"]),
        Paragraph(title, st["cell"]),
        Paragraph(ring, st["cell"]),
        Paragraph(escape(item.place), st["cell"]),
        Paragraph(escape(item.responsible), st["cell"]),
    ]


def _changes_section(doc: WheelDocument, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The changes made to an adopted plan, dated."""
    if not doc.plan.changes:
        return []
    story: list[Flowable] = [
        Spacer(1, 8 * mm),
        Paragraph(escape(tr("Ändringar efter fastställandet")), st["h1"]),
    ]
    for change in doc.plan.changes:
        text = f"{change.changed_on.isoformat()} – {escape(change.text)}"
        story.append(Paragraph(text, st["bullet"], bulletText="•"))
    return story
