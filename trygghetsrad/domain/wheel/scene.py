"""The wheel as a list of drawing primitives, laid out once and drawn by every backend.

`build_scene` turns a year's categories and items into sectors, circles, lines and texts in
a y-down coordinate system, plus the shapes needed for hit testing. The Qt widget, the PDF
poster, the SVG and the PNG all draw the same scene, so what the user sees is what is printed.
It is a composition of named steps: place the items on their rings and lanes, size the
wheel (`wheel_dial.layout_of`), draw the dial behind them (`wheel_dial`), draw the items,
label them beside the wheel (`wheel_labels`) or in their arcs, letter the series, then the
centre and the today line. The primitives themselves are in `wheel_primitives`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.dates import MONTHS_SHORT
from trygghetsrad.domain.text_metrics import text_width
from trygghetsrad.domain.wheel import dial
from trygghetsrad.domain.wheel.geometry import (
    Interval,
    Span,
    month_sectors,
    pack_lanes,
    point,
    ring_layout,
)
from trygghetsrad.domain.wheel.labels import Candidate, place_labels
from trygghetsrad.domain.wheel.model import Holiday, WheelCategory, WheelDocument, series_key
from trygghetsrad.domain.wheel.primitives import (
    FAINT,
    HOLIDAY,
    INK,
    LABEL_SCALE,
    MONTH_A,
    MONTH_B,
    MUTED,
    PAPER,
    TODAY,
    Circle,
    ItemShape,
    Line,
    Options,
    Primitive,
    Scene,
    Sector,
    Text,
    ink_on,
    mix,
    upright,
)
from trygghetsrad.i18n import plural, tr

# What other modules import from here: the primitives, the scene and its options.
__all__ = [
    "FAINT",
    "HOLIDAY",
    "INK",
    "LABEL_SCALE",
    "MIN_MARK_DEGREES",
    "MONTH_A",
    "MONTH_B",
    "MUTED",
    "PAPER",
    "TODAY",
    "Box",
    "Circle",
    "ItemShape",
    "Line",
    "Options",
    "Primitive",
    "Scene",
    "Sector",
    "Text",
    "build_scene",
    "document_scene",
    "ink_on",
    "label_overlaps",
    "mix",
    "text_box",
    "text_width",
]

MIN_MARK_DEGREES = 2.4

Placed = tuple[CalendarItem, str, float, float]  # item, its ring, from and to angle


def build_scene(
    span: Span,
    categories: Sequence[WheelCategory],
    items: Sequence[CalendarItem],
    options: Options,
    *,
    holidays: Sequence[Holiday] = (),
    today: date | None = None,
) -> Scene:
    visible = [c for c in categories if c.visible]
    color = {c.key: c.color for c in categories}
    placed = _placed(span, categories, items)
    lanes = _lanes(span, placed, {c.key for c in visible})
    lay = dial.layout_of(options)
    rings = ring_layout(
        [(c.key, max(lanes[c.key].values(), default=0) + 1) for c in visible],
        lay.rings_inner,
        lay.rings_outer,
        lay.ring_gap,
    )
    scene = Scene(
        span, options.width, options.height, lay.cx, lay.cy, lay.radius, rings, [],
        month_band=lay.month_band,
    )  # fmt: skip
    scene.items = {item.key: item for item, *_ in placed}
    months = month_sectors(span)
    dial.draw_background(scene, lay, color)
    dial.draw_months(scene, lay, months)
    dial.draw_weeks(scene, lay, span)
    dial.draw_year_turns(scene, lay, span)
    dial.draw_month_names(scene, lay, span, months, holidays)
    dial.draw_holidays(scene, lay, span, holidays)
    drawn = _ItemDrawing(scene, lay, span, options, color, lanes, [c.key for c in visible])
    drawn.draw(placed)
    _label(scene, lay, options, drawn, color, placed)
    dial.draw_centre(scene, lay, options)
    dial.draw_today(scene, lay, span, today)
    return scene


def _placed(
    span: Span, categories: Sequence[WheelCategory], items: Sequence[CalendarItem]
) -> list[Placed]:
    """The items on shown rings, clipped to the span. Items on hidden rings disappear; items
    of unknown categories go to the first ring."""
    visible = [c for c in categories if c.visible]
    known = {c.key for c in visible}
    fallback = {c.key for c in categories} - known
    placed: list[Placed] = []
    for item in items:
        cat = item.category
        if cat in fallback:
            continue
        if cat not in known:
            if not visible:
                continue
            cat = visible[0].key
        clipped = _clip(span, item)
        if clipped:
            placed.append((item, cat, *clipped))
    return placed


def _lanes(span: Span, placed: list[Placed], known: set[str]) -> dict[str, dict[str, int]]:
    """Ring -> item key -> lane, so that overlapping items sit side by side (a one-day item
    takes the room of its mark)."""
    min_deg = max(span.day_degrees(), MIN_MARK_DEGREES)
    lanes_by_cat: dict[str, dict[str, int]] = {}
    for cat in known:
        intervals = []
        for item, c, a0, a1 in placed:
            if c != cat:
                continue
            if a1 - a0 < min_deg:
                mid = (a0 + a1) / 2
                a0, a1 = mid - min_deg / 2, mid + min_deg / 2
            intervals.append(Interval(item.key, a0, a1))
        lanes_by_cat[cat] = pack_lanes(intervals, gap=0.25)
    return lanes_by_cat


@dataclass(frozen=True)
class _Occurrence:
    """Where one occurrence of a recurring event is drawn, for its series letter."""

    x: float
    y: float
    mark_r: float  # the dot's radius; 0 for an arc
    fill: str


@dataclass
class _ItemDrawing:
    """Draws the items on their rings (an arc, or a dot for a one-day item) and collects the
    labels to place beside the wheel; an item whose title fits its arc is labelled inside
    it, and a series is labelled once, at its first occurrence."""

    scene: Scene
    lay: dial.Layout
    span: Span
    options: Options
    color: dict[str, str]
    lanes: dict[str, dict[str, int]]
    order: list[str]  # the shown rings' keys, outermost first
    candidates: list[Candidate] = field(default_factory=list)
    occurrences: dict[str, list[_Occurrence]] = field(default_factory=dict)
    marks: list[Primitive] = field(default_factory=list)
    inside: list[Primitive] = field(default_factory=list)
    series_count: dict[str, int] = field(default_factory=dict)
    labelled_series: set[str] = field(default_factory=set)

    def draw(self, placed: list[Placed]) -> None:
        for item, *_rest in placed:
            skey = series_key(item.key)
            self.series_count[skey] = self.series_count.get(skey, 0) + 1
        day_deg = self.span.day_degrees()
        ring_by_cat = {ring.category: ring for ring in self.scene.rings}
        for item, cat, a0, a1 in sorted(placed, key=lambda p: (p[2], p[0].key)):
            ring = ring_by_cat[cat]
            l0, l1 = ring.lane_bounds(self.lanes[cat][item.key])
            pad = min((l1 - l0) * 0.12, 3.0)
            if a1 - a0 <= day_deg * 1.01 and self.span.days > 62:
                occurrence, anchor_r = self._mark(item, cat, (a0 + a1) / 2, l0 + pad, l1 - pad)
            else:
                drawn = self._arc(item, cat, a0, a1, l0 + pad, l1 - pad)
                if drawn is None:
                    continue  # labelled inside its arc
                occurrence, anchor_r = drawn
            self._candidate(item, cat, a0, a1, anchor_r, occurrence)
        self.scene.primitives.extend(self.marks)  # above every arc
        self.scene.primitives.extend(self.inside)

    def _mark(
        self, item: CalendarItem, cat: str, mid: float, r0: float, r1: float
    ) -> tuple[_Occurrence, float]:
        """A one-day item: a dot (as wide as a mark, however short a day is)."""
        base, fill = self.lay.base, self.color[cat]
        min_deg = max(self.span.day_degrees(), MIN_MARK_DEGREES)
        mark_r = max(2.0, min((r1 - r0) * 0.4, base * 0.85))
        x, y = point(self.lay.cx, self.lay.cy, (r0 + r1) / 2, mid)
        self.marks.append(Circle(x, y, mark_r, fill, PAPER, max(0.6, base * 0.07)))
        self.scene.shapes.append(
            ItemShape(
                item.key, cat, mid - min_deg / 2, mid + min_deg / 2, r0, r1, True, x, y, mark_r
            )
        )
        return _Occurrence(x, y, mark_r, fill), (r0 + r1) / 2 + mark_r

    def _arc(
        self, item: CalendarItem, cat: str, a0: float, a1: float, r0: float, r1: float
    ) -> tuple[_Occurrence, float] | None:
        """An item of several days: an arc, its title inside when it fits (then None)."""
        cx, cy, fill = self.lay.cx, self.lay.cy, self.color[cat]
        arc_gap = min(0.35, self.span.day_degrees() * 0.15)
        mid = (a0 + a1) / 2
        b0, b1 = a0 + arc_gap / 2, a1 - arc_gap / 2
        self.scene.primitives.append(Sector(cx, cy, r0, r1, b0, b1, fill, PAPER, 0.6))
        x, y = point(cx, cy, (r0 + r1) / 2, mid)
        self.scene.shapes.append(ItemShape(item.key, cat, a0, a1, r0, r1, False, x, y, 0.0))
        inner_font = min(self.lay.base * 0.85, (r1 - r0) * 0.62)
        arc_len = 2 * math.pi * ((r0 + r1) / 2) * (b1 - b0) / 360
        readable = inner_font >= max(6.5, self.options.min_font)
        if readable and text_width(item.title, inner_font) + inner_font <= arc_len:
            inside = Text(x, y, item.title, inner_font, ink_on(fill), False, "middle", upright(mid))
            self.inside.append(inside)
            self.scene.labels[item.key] = inside
            return None
        return _Occurrence(x, y, 0.0, fill), r1

    def _candidate(
        self,
        item: CalendarItem,
        cat: str,
        a0: float,
        a1: float,
        anchor_r: float,
        occurrence: _Occurrence,
    ) -> None:
        """The item's label for beside the wheel; a series' first occurrence speaks for all
        (its letter, title and count), the others get the letter only."""
        skey = series_key(item.key)
        series = self.series_count[skey] > 1
        if series:
            self.occurrences.setdefault(skey, []).append(occurrence)
        if series and skey in self.labelled_series:
            return
        self.labelled_series.add(skey)
        text = _label_text(item, series)
        if series:
            tags = self.scene.series_tags
            tags[skey] = _tag(len(tags))
            text = f"{tags[skey]}  {text} ({_times(self.series_count[skey])})"
        priority = (0 if not series else 1) * 100 + self.order.index(cat)
        mid = (a0 + a1) / 2
        self.candidates.append((priority, -int(a1 - a0), item.key, text, mid, anchor_r, a1 - a0))


def _label(
    scene: Scene,
    lay: dial.Layout,
    options: Options,
    drawn: _ItemDrawing,
    color: dict[str, str],
    placed: list[Placed],
) -> None:
    """Labels beside the wheel, series letters, and a note on how many have no label."""
    note_font = max(lay.base * 0.8, options.min_font)
    if lay.labels:
        room_below = note_font * 1.8 if options.hidden_note else 0.0
        category_of = {i.key: c for i, c, *_ in placed}
        place_labels(scene, drawn.candidates, lay.base, color, category_of, room_below)
    tagged = _tag_series(scene, drawn.occurrences, max(lay.base * 0.8, options.min_font))
    # Every item with neither a label (beside the wheel or in its arc) nor a series letter.
    scene.unlabelled = [
        k for k in scene.items if k not in scene.labels and series_key(k) not in tagged
    ]
    if scene.unlabelled and options.labels and options.hidden_note:
        m, h = options.margin, options.height
        note = f"{_unlabelled(len(scene.unlabelled))}: {options.hidden_note}"
        scene.primitives.append(
            Text(m, h - m - note_font * 0.5, note, note_font, MUTED, False, "start")
        )


def _tag(index: int) -> str:
    """A series' letter: A … Z, then AA, AB …"""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return letters[index] if index < 26 else letters[index // 26 - 1] + letters[index % 26]


def _unlabelled(count: int) -> str:
    return plural(count, tr("händelse utan etikett"), tr("händelser utan etikett"))


def _times(count: int) -> str:
    return plural(count, tr("tillfälle"), tr("tillfällen"))


def _tag_series(scene: Scene, occurrences: dict[str, list[_Occurrence]], font: float) -> set[str]:
    """Every occurrence of a labelled recurring event carries the letter its label starts
    with, so each is recognisable, not only the first (a dot grows to hold the letter).
    Returns the series that got their letters."""
    labelled = {series_key(key) for key in scene.label_lines}
    tagged = set()
    for skey, tag in scene.series_tags.items():
        if skey not in labelled:
            continue
        tagged.add(skey)
        for occ in occurrences.get(skey, []):
            r = max(occ.mark_r, text_width(tag, font, True) / 2 + font * 0.3, font * 0.62)
            scene.primitives.append(Circle(occ.x, occ.y, r, occ.fill, PAPER, 0.8))
            scene.primitives.append(Text(occ.x, occ.y, tag, font, ink_on(occ.fill), True))
    return tagged


def _clip(span: Span, item: CalendarItem) -> tuple[float, float] | None:
    a0 = span.angle(item.start)
    a1 = span.angle(item.last_day + timedelta(days=1))
    if a1 <= 0 or a0 >= 360:
        return None
    return max(0.0, a0), min(360.0, a1)


def _label_text(item: CalendarItem, series: bool) -> str:
    if series:
        return item.title
    s, e = item.start, item.last_day
    if e == s:
        when = f"{s.day} {MONTHS_SHORT[s.month - 1]}"
    elif e.month == s.month:
        when = f"{s.day}–{e.day} {MONTHS_SHORT[s.month - 1]}"
    else:
        when = f"{s.day} {MONTHS_SHORT[s.month - 1]}–{e.day} {MONTHS_SHORT[e.month - 1]}"
    return f"{when}  {item.title}"


def document_scene(
    doc: WheelDocument,
    width: float,
    height: float,
    *,
    font: float = 0.0,
    labels: bool = True,
    label_room: float = 12.5,
    hidden_note: str = "",
) -> Scene:
    """The scene of an export: the document's year, rings, items, holidays and plan status."""
    status = doc.plan.status_text()
    return build_scene(
        Span(doc.start, doc.end),
        doc.categories,
        doc.items,
        Options(
            width,
            height,
            font=font,
            labels=labels,
            center_title=doc.year_label,
            center_lines=(status,),
            label_room=label_room,
            hidden_note=hidden_note,
        ),
        holidays=doc.holidays,
    )


# -- label boxes ----------------------------------------------------------------------------------

Box = tuple[float, float, float, float]  # left, top, right, bottom


def text_box(text: Text) -> Box:
    """The box an unrotated text covers (its vertical middle sits on `y`)."""
    width = text_width(text.text, text.size, text.bold)
    x0 = text.x - (width if text.anchor == "end" else width / 2 if text.anchor == "middle" else 0)
    return x0, text.y - text.size * 0.5, x0 + width, text.y + text.size * 0.5


def label_overlaps(scene: Scene) -> list[tuple[str, str]]:
    """Pairs of outer labels whose boxes overlap, and labels that run into the wheel (its
    rim, weeks and months) or off the scene — what a reader would see as a collision."""
    boxes = [(key, text_box(line)) for key, lines in scene.label_lines.items() for line in lines]
    found: list[tuple[str, str]] = []
    for i, (key, (x0, y0, x1, y1)) in enumerate(boxes):
        if x0 < 0 or x1 > scene.width or y0 < 0 or y1 > scene.height:
            found.append((key, "edge"))
        nx, ny = min(max(scene.cx, x0), x1), min(max(scene.cy, y0), y1)
        if math.hypot(nx - scene.cx, ny - scene.cy) < scene.radius:
            found.append((key, "wheel"))
        for other, (a0, b0, a1, b1) in boxes[i + 1 :]:
            if other != key and x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                found.append((key, other))
    return found
