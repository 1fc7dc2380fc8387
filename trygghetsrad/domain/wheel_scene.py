"""The wheel as a list of drawing primitives, laid out once and drawn by every backend.

`build_scene` turns a year's categories and items into sectors, circles, lines and texts in
a y-down coordinate system, plus the shapes needed for hit testing. The Qt widget, the PDF
poster, the SVG and the PNG all draw the same scene, so what the user sees is what is printed.
Text widths are estimated from Liberation Sans metrics (metric-compatible with Arial), so no
font engine is needed here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.dates import MONTHS_SHORT
from trygghetsrad.domain.text_metrics import fit_text, text_width, wrap_text
from trygghetsrad.domain.wheel import Holiday, WheelCategory, WheelDocument, series_key
from trygghetsrad.domain.wheel_geometry import (
    Interval,
    Ring,
    Span,
    WeekTick,
    angle_in,
    month_sectors,
    pack_lanes,
    point,
    polar,
    ring_at,
    ring_layout,
    week_ticks,
)
from trygghetsrad.i18n import plural, tr

INK = "#1d2733"
MUTED = "#66727e"
FAINT = "#a7b1bb"
PAPER = "#ffffff"
MONTH_A = "#e9eef3"
MONTH_B = "#f5f7f9"
HOLIDAY = "#b23a48"
TODAY = "#d64545"


def mix(color: str, other: str, amount: float) -> str:
    """`color` moved `amount` (0..1) of the way towards `other`."""
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def ink_on(color: str) -> str:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return INK if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6 else PAPER


# -- primitives -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sector:
    """An annular sector between radii r0 < r1 from angle a0 to a1 (a full ring when 360°)."""

    cx: float
    cy: float
    r0: float
    r1: float
    a0: float
    a1: float
    fill: str | None
    stroke: str | None = None
    width: float = 0.0


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float
    fill: str | None
    stroke: str | None = None
    width: float = 0.0


@dataclass(frozen=True)
class Line:
    points: tuple[tuple[float, float], ...]
    color: str
    width: float
    dash: bool = False


@dataclass(frozen=True)
class Text:
    """Text whose vertical middle sits on y; `rotate` is degrees clockwise about (x, y)."""

    x: float
    y: float
    text: str
    size: float
    color: str = INK
    bold: bool = False
    anchor: str = "middle"  # start | middle | end
    rotate: float = 0.0

    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the text before it is rotated about (x, y)."""
        width = text_width(self.text, self.size, self.bold)
        left = self.x - {"start": 0.0, "middle": width / 2, "end": width}[self.anchor]
        half = self.size * 0.65  # a line's height, ascenders to descenders
        return left, self.y - half, left + width, self.y + half

    @property
    def centre(self) -> tuple[float, float]:
        """The middle of the text as drawn (rotation included)."""
        left, top, right, bottom = self.box()
        return self._turned((left + right) / 2, (top + bottom) / 2, self.rotate)

    def contains(self, x: float, y: float, tolerance: float = 0.0) -> bool:
        """Whether (x, y) falls on the text's box, so a label is as clickable as its mark."""
        x, y = self._turned(x, y, -self.rotate)
        left, top, right, bottom = self.box()
        return (
            left - tolerance <= x <= right + tolerance
            and top - tolerance <= y <= bottom + tolerance
        )

    def _turned(self, x: float, y: float, degrees: float) -> tuple[float, float]:
        """(x, y) turned `degrees` clockwise about the text's anchor (y grows downwards)."""
        if not degrees:
            return x, y
        a = math.radians(degrees)
        dx, dy = x - self.x, y - self.y
        return self.x + dx * math.cos(a) - dy * math.sin(a), self.y + dx * math.sin(
            a
        ) + dy * math.cos(a)


Primitive = Sector | Circle | Line | Text


@dataclass(frozen=True)
class ItemShape:
    key: str
    category: str
    a0: float
    a1: float
    r0: float
    r1: float
    mark: bool  # a one-day item drawn as a dot
    x: float  # the mark's (or arc's middle) point
    y: float
    mark_r: float

    def contains(self, cx: float, cy: float, x: float, y: float, tolerance: float) -> bool:
        if self.mark:
            return math.hypot(x - self.x, y - self.y) <= self.mark_r + tolerance
        r, a = polar(cx, cy, x, y)
        return self.r0 - tolerance <= r <= self.r1 + tolerance and angle_in(a, self.a0, self.a1)


@dataclass(frozen=True)
class Options:
    width: float
    height: float
    font: float = 0.0  # base font size; 0 = from the wheel's size
    labels: bool = True  # outer labels with leader lines
    center_title: str = ""
    center_lines: tuple[str, ...] = ()
    margin: float = 8.0
    label_room: float = 12.5  # width of each label column beside the wheel, in base font sizes
    # The smallest text size the reader can take (on screen: the platform's small font, in
    # pixels); no label or week number is drawn smaller.
    min_font: float = 0.0
    # Said in a corner after "N händelser utan etikett: " when labels had no room: where
    # the reader finds them ("peka på hjulet eller zooma in").
    hidden_note: str = ""


@dataclass
class Scene:
    span: Span
    width: float
    height: float
    cx: float
    cy: float
    radius: float
    rings: list[Ring]
    shapes: list[ItemShape]
    primitives: list[Primitive] = field(default_factory=list)
    labels: dict[str, Text] = field(default_factory=dict)  # item key -> its label
    label_lines: dict[str, tuple[Text, ...]] = field(default_factory=dict)  # outer labels' lines
    month_band: tuple[float, float] = (0.0, 0.0)
    line_layer: int = 1
    items: dict[str, CalendarItem] = field(default_factory=dict)
    holidays: list[tuple[Holiday, float, float]] = field(default_factory=list)  # holiday, x, y
    unlabelled: list[str] = field(default_factory=list)  # items without a label (no room)
    series_tags: dict[str, str] = field(default_factory=dict)  # series key -> its letter

    def hit_test(self, x: float, y: float, tolerance: float = 2.0) -> str | None:
        """The key of the item under (x, y): its mark or arc, the smallest (topmost-drawn)
        first, else the label that names it."""
        return self.shape_at(x, y, tolerance) or self.label_at(x, y, tolerance / 2)

    def label_at(self, x: float, y: float, tolerance: float = 1.0) -> str | None:
        """The key of the item whose label (beside the wheel or inside its arc) is at (x, y)."""
        for key, lines in self.label_lines.items():
            if any(line.contains(x, y, tolerance) for line in lines):
                return key
        for key, text in self.labels.items():
            if text.contains(x, y, tolerance):
                return key
        return None

    def shape_at(self, x: float, y: float, tolerance: float = 2.0) -> str | None:
        """The key of the item whose mark or arc is under (x, y), the smallest first."""
        best: tuple[float, str] | None = None
        for shape in self.shapes:
            if shape.contains(self.cx, self.cy, x, y, tolerance):
                size = 0.0 if shape.mark else shape.a1 - shape.a0
                if best is None or size < best[0]:
                    best = (size, shape.key)
        return best[1] if best else None

    def holiday_at(self, x: float, y: float, tolerance: float = 3.0) -> Holiday | None:
        for holiday, hx, hy in self.holidays:
            if math.hypot(x - hx, y - hy) <= tolerance + 3:
                return holiday
        return None

    def spot(self, x: float, y: float) -> tuple[date, str] | None:
        """(date, category) of an empty or occupied place on a ring; None off the rings."""
        r, a = polar(self.cx, self.cy, x, y)
        ring = ring_at(self.rings, r)
        if ring is None:
            return None
        return self.span.date_at(a), ring.category

    def date_at(self, x: float, y: float) -> date | None:
        r, a = polar(self.cx, self.cy, x, y)
        return self.span.date_at(a) if r <= self.radius else None

    def shape(self, key: str) -> ItemShape | None:
        return next((s for s in self.shapes if s.key == key), None)


# -- layout ---------------------------------------------------------------------------------------

MIN_MARK_DEGREES = 2.4
LABEL_SCALE = 0.86  # outer labels' size in base font sizes


@dataclass(frozen=True)
class _Occurrence:
    """Where one occurrence of a recurring event is drawn, for its series letter."""

    x: float
    y: float
    mark_r: float  # the dot's radius; 0 for an arc
    fill: str


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
    known = {c.key for c in visible}
    fallback = {c.key for c in categories} - known
    color = {c.key: c.color for c in categories}
    # Items on hidden rings disappear; items of unknown categories go to the first ring.
    placed: list[tuple[CalendarItem, str, float, float]] = []
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

    day_deg = span.day_degrees()
    min_deg = max(day_deg, MIN_MARK_DEGREES)
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

    # -- overall sizes
    w, h, m = options.width, options.height, options.margin
    base = options.font or max(9.5, min(22.0, min(w, h) * 0.0165))
    base = max(base, options.min_font / LABEL_SCALE)  # outer labels are base * LABEL_SCALE
    labels = options.labels

    def fitted(with_labels: bool) -> float:
        room = (base * options.label_room if with_labels else 0.0) + m
        tall = (h - 2 * m - (base * 2.6 if with_labels else 0)) / 2
        return max(40.0, min(tall, (w - 2 * room) / 2))

    radius = fitted(labels)
    if labels and radius < 0.62 * fitted(False):
        # Too small for labels beside the wheel: a legible wheel wins; details are in tooltips.
        labels = False
        radius = fitted(False)
    cx, cy = w / 2, h / 2
    week_font = max(base * 0.62, options.min_font)
    week_band = (radius - max(base * 1.55, week_font * 1.75), radius)
    month_band = (week_band[0] - base * 2.3, week_band[0])
    holiday_r = month_band[0] - base * 0.55
    rings_outer = month_band[0] - base * 1.1
    rings_inner = radius * 0.33
    ring_gap = max(1.5, radius * 0.008)
    rings = ring_layout(
        [(c.key, max(lanes_by_cat[c.key].values(), default=0) + 1) for c in visible],
        rings_inner,
        rings_outer,
        ring_gap,
    )
    scene = Scene(span, w, h, cx, cy, radius, rings, [], month_band=month_band)
    prims = scene.primitives
    scene.items = {item.key: item for item, *_ in placed}

    # -- background: the disc, rings, months, weeks
    prims.append(Circle(cx, cy, radius, PAPER, FAINT, 0.8))
    for ring in rings:
        prims.append(
            Sector(
                cx, cy, ring.r_inner, ring.r_outer, 0, 360, mix(color[ring.category], PAPER, 0.9)
            )
        )
    scene.line_layer = len(prims)  # leader lines go above the rings, below the month band
    months = month_sectors(span)
    for sector in months:
        fill = MONTH_A if (sector.first.month % 2) else MONTH_B
        prims.append(
            Sector(cx, cy, month_band[0], month_band[1], sector.start_angle, sector.end_angle, fill)
        )
    for sector in months:
        x0, y0 = point(cx, cy, rings_inner * 0.98, sector.start_angle)
        x1, y1 = point(cx, cy, week_band[1], sector.start_angle)
        prims.append(Line(((x0, y0), (x1, y1)), FAINT, 0.7))
    ticks = week_ticks(span)
    for tick in ticks:
        x0, y0 = point(cx, cy, week_band[0], tick.angle)
        x1, y1 = point(cx, cy, week_band[0] + base * 0.35, tick.angle)
        prims.append(Line(((x0, y0), (x1, y1)), FAINT, 0.6))
    week_r = (week_band[0] + week_band[1]) / 2 + base * 0.1
    arc_per_week = 2 * math.pi * week_r * 7 / span.days
    every = 1 if arc_per_week > week_font * 1.9 else 2 if arc_per_week > week_font else 4
    deg_per_pt = 360 / (2 * math.pi * week_r)
    # Weeks across New Year are written out ("v. 53 (2026)", PITFALLS 18): a partial week at
    # the start or the end of the span runs from the year-turn line into its own part.
    turns: list[tuple[float, float]] = []  # angular extents the turn labels cover
    for tick in ticks:
        if not tick.crosses_year:
            continue
        label = _turn_label(tick, span.date_at(tick.mid_angle).year)
        extent = text_width(label, week_font, True) * deg_per_pt + 0.6
        if tick.angle <= 0.0 and tick.end_angle < 360:
            a, anchor, cover = 0.4, "start", (0.0, extent + 0.4)
        elif tick.end_angle >= 360 and tick.angle > 0:
            a, anchor, cover = 359.6, "end", (360 - extent - 0.4, 360.0)
        else:
            a, anchor = tick.mid_angle, "middle"
            cover = (a - extent / 2, a + extent / 2)
        turns.append(cover)
        x, y = point(cx, cy, week_r, a)
        prims.append(Text(x, y, label, week_font, INK, True, anchor, _upright(a)))
    for index, tick in enumerate(ticks):
        if tick.crosses_year or index % every:
            continue
        if tick.end_angle - tick.angle < 0.4 * 360 * 7 / span.days:
            continue
        half = text_width(str(tick.week), week_font) * deg_per_pt / 2 + 0.3
        if any(c0 < tick.mid_angle + half and tick.mid_angle - half < c1 for c0, c1 in turns):
            continue
        x, y = point(cx, cy, week_r, tick.mid_angle)
        prims.append(
            Text(x, y, str(tick.week), week_font, MUTED, False, "middle", _upright(tick.mid_angle))
        )
    # The year turn: a short firm line across the week band, out past the rim.
    for year in range(span.start.year, span.end.year + 1):
        new_year = date(year, 1, 1)
        if not (span.start <= new_year < span.end) or span.days <= 62:
            continue
        a = span.angle(new_year)
        x0, y0 = point(cx, cy, week_band[0], a)
        x1, y1 = point(cx, cy, radius + base * 0.6, a)
        prims.append(Line(((x0, y0), (x1, y1)), INK, max(0.9, base * 0.09)))
    month_r = (month_band[0] + month_band[1]) / 2
    month_font = base * 0.95
    if span.days <= 62:  # a zoomed month: day numbers instead of month names
        holiday_days = {h.day for h in holidays}
        day_font = month_font * 0.8
        for index in range(span.days):
            day = span.start + timedelta(days=index)
            a0 = span.angle(day)
            x0, y0 = point(cx, cy, month_band[0], a0)
            x1, y1 = point(cx, cy, month_band[1], a0)
            prims.append(Line(((x0, y0), (x1, y1)), PAPER, 0.8))
            x, y = point(cx, cy, month_r, a0 + day_deg / 2)
            red = day.weekday() == 6 or day in holiday_days
            prims.append(
                Text(x, y, str(day.day), day_font, HOLIDAY if red else INK, red, "middle",
                     _upright(a0 + day_deg / 2))
            )  # fmt: skip
        months = []
    for sector in months:
        arc = 2 * math.pi * month_r * (sector.end_angle - sector.start_angle) / 360
        name = (
            sector.name
            if text_width(sector.name, month_font, True) < arc * 0.9
            else MONTHS_SHORT[sector.first.month - 1]
        )
        if text_width(name, month_font, True) > arc * 0.95:
            continue
        if span.days < 40:
            name = f"{sector.name} {sector.first.year}"
        x, y = point(cx, cy, month_r, sector.mid_angle)
        prims.append(
            Text(
                x,
                y,
                name.upper() if span.days > 40 else name,
                month_font,
                INK,
                True,
                "middle",
                _upright(sector.mid_angle),
            )
        )
    for holiday in holidays:
        if not span.contains(holiday.day):
            continue
        a = span.angle_of_moment(holiday.day, 0.5)
        x, y = point(cx, cy, holiday_r, a)
        prims.append(Circle(x, y, max(1.3, base * 0.16), HOLIDAY))
        scene.holidays.append((holiday, x, y))

    # -- items
    ring_by_cat = {ring.category: ring for ring in rings}
    label_candidates: list[tuple[float, int, str, str, float, float, float]] = []
    series_count: dict[str, int] = {}
    for item, *_rest in placed:
        series_count[series_key(item.key)] = series_count.get(series_key(item.key), 0) + 1
    labelled_series: set[str] = set()
    occurrences: dict[str, list[_Occurrence]] = {}
    marks: list[Primitive] = []
    inside_texts: list[Primitive] = []
    arc_gap = min(0.35, day_deg * 0.15)
    for item, cat, a0, a1 in sorted(placed, key=lambda p: (p[2], p[0].key)):
        ring = ring_by_cat[cat]
        lane = lanes_by_cat[cat][item.key]
        l0, l1 = ring.lane_bounds(lane)
        pad = min((l1 - l0) * 0.12, 3.0)
        r0, r1 = l0 + pad, l1 - pad
        fill = color[cat]
        mid = (a0 + a1) / 2
        is_mark = a1 - a0 <= day_deg * 1.01 and span.days > 62
        if is_mark:
            mark_r = max(2.0, min((r1 - r0) * 0.4, base * 0.85))
            x, y = point(cx, cy, (r0 + r1) / 2, mid)
            marks.append(Circle(x, y, mark_r, fill, PAPER, max(0.6, base * 0.07)))
            scene.shapes.append(
                ItemShape(
                    item.key, cat, mid - min_deg / 2, mid + min_deg / 2, r0, r1, True, x, y, mark_r
                )
            )
            anchor_r = (r0 + r1) / 2 + mark_r
        else:
            b0, b1 = a0 + arc_gap / 2, a1 - arc_gap / 2
            prims.append(Sector(cx, cy, r0, r1, b0, b1, fill, PAPER, 0.6))
            x, y = point(cx, cy, (r0 + r1) / 2, mid)
            scene.shapes.append(ItemShape(item.key, cat, a0, a1, r0, r1, False, x, y, 0.0))
            anchor_r = r1
            inner_font = min(base * 0.85, (r1 - r0) * 0.62)
            arc_len = 2 * math.pi * ((r0 + r1) / 2) * (b1 - b0) / 360
            readable = inner_font >= max(6.5, options.min_font)
            if readable and text_width(item.title, inner_font) + inner_font <= arc_len:
                inside = Text(
                    x, y, item.title, inner_font, ink_on(fill), False, "middle", _upright(mid)
                )
                inside_texts.append(inside)
                scene.labels[item.key] = inside
                continue
        skey = series_key(item.key)
        series = series_count[skey] > 1
        if series:
            occurrences.setdefault(skey, []).append(
                _Occurrence(x, y, mark_r if is_mark else 0.0, fill)
            )
        if series and skey in labelled_series:
            continue
        labelled_series.add(skey)
        text = _label_text(item, series)
        if series:
            scene.series_tags[skey] = _tag(len(scene.series_tags))
            text = f"{scene.series_tags[skey]}  {text} ({_times(series_count[skey])})"
        priority = (0 if not series else 1) * 100 + [c.key for c in visible].index(cat)
        label_candidates.append((priority, -int(a1 - a0), item.key, text, mid, anchor_r, a1 - a0))
    prims.extend(marks)
    prims.extend(inside_texts)

    note_font = max(base * 0.8, options.min_font)
    if labels:
        room_below = note_font * 1.8 if options.hidden_note else 0.0
        _place_labels(
            scene, label_candidates, base, color, {i.key: c for i, c, *_ in placed}, room_below
        )
    tagged = _tag_series(scene, occurrences, max(base * 0.8, options.min_font))
    # Every item with neither a label (beside the wheel or in its arc) nor a series letter.
    scene.unlabelled = [
        k for k in scene.items if k not in scene.labels and series_key(k) not in tagged
    ]
    if scene.unlabelled and options.labels and options.hidden_note:
        note = f"{_unlabelled(len(scene.unlabelled))}: {options.hidden_note}"
        prims.append(Text(m, h - m - note_font * 0.5, note, note_font, MUTED, False, "start"))

    # -- centre and today
    center_r = rings_inner - ring_gap * 2
    prims.append(Circle(cx, cy, center_r, PAPER, None))
    if options.center_title:
        title_font = min(
            center_r * 0.42, center_r * 1.5 / text_width(options.center_title, 1, True)
        )
        lines = [wrap_text(line, base * 0.8, center_r * 1.6, 3) for line in options.center_lines]
        flat = [line for group in lines for line in group][:5]
        total = title_font * 1.05 + len(flat) * base * 1.05
        y = cy - total / 2 + title_font * 0.5
        prims.append(Text(cx, y, options.center_title, title_font, INK, True))
        y += title_font * 0.55 + base * 0.7
        for line in flat:
            prims.append(Text(cx, y, line, max(base * 0.8, options.min_font), MUTED))
            y += base * 1.05
    if today is not None and span.contains(today):
        a = span.angle_of_moment(today, 0.5)
        x0, y0 = point(cx, cy, rings_inner - ring_gap, a)
        x1, y1 = point(cx, cy, radius + base * 0.4, a)
        prims.append(Line(((x0, y0), (x1, y1)), TODAY, max(1.2, base * 0.13)))
        tx, ty = point(cx, cy, radius + base * 0.4, a)
        prims.append(Circle(tx, ty, base * 0.3, TODAY))
    return scene


def _turn_label(tick: WeekTick, shown_year: int) -> str:
    """ "v. 53 (2026)" for a week across New Year; plain "v. 1" when its ISO year is the year
    of the days shown."""
    if tick.week == 1 and tick.iso_year == shown_year:
        return f"v. {tick.week}"
    return f"v. {tick.week} ({tick.iso_year})"


def _upright(angle: float) -> float:
    """Rotation for text tangent to the circle at `angle`, never upside down."""
    a = angle % 360
    return a if a <= 90 or a >= 270 else a - 180


@dataclass(frozen=True)
class _Label:
    key: str
    text: str
    angle: float  # where the item sits on the wheel
    anchor_r: float
    priority: tuple[float, int, float]
    lines: int = 1


def _order(angle: float, side: int) -> float:
    """Top-to-bottom order of a label in a column; a label that crossed over the top or the
    bottom keeps its place next to its neighbours on the wheel."""
    a = angle % 360
    if side == 1:
        return a - 360 if a >= 270 else a
    return -(a + 360 if a < 90 else a)


def _balance(columns: dict[int, list[_Label]], height: float, step: float) -> None:
    """Move labels of items near twelve or six o'clock to the other column while their half
    of the column is crowded and clearly fuller than the same half on the other side (in the
    demo year October–December fills the upper left while January–March has room)."""
    half = height / 2 / step  # lines in half a column

    def upper(label: _Label) -> bool:
        return math.cos(math.radians(label.angle)) > 0

    def from_axis(label: _Label) -> float:
        a = label.angle % 180
        return min(a, 180 - a)

    for top_half in (True, False):
        for _ in range(200):
            need = {
                side: sum(c.lines for c in col if upper(c) == top_half)
                for side, col in columns.items()
            }
            heavy = 1 if need[1] > need[-1] else -1
            if need[heavy] <= 0.6 * half or need[heavy] - need[-heavy] <= 2:
                break
            movable = [c for c in columns[heavy] if upper(c) == top_half and from_axis(c) <= 40]
            if not movable:
                break
            best = min(movable, key=from_axis)  # the one nearest the vertical axis
            if need[-heavy] + best.lines > need[heavy] - best.lines + 1:
                break
            columns[heavy].remove(best)
            columns[-heavy].append(best)


def _spread(wanted: list[float], heights: list[float], top: float, bottom: float) -> list[float]:
    """Label centres as close to `wanted` as possible, in order, not overlapping, in [top, bottom]."""
    ys = list(wanted)
    n = len(ys)
    for _ in range(2):
        for i in range(n):
            low = top + heights[i] / 2 if i == 0 else ys[i - 1] + (heights[i - 1] + heights[i]) / 2
            ys[i] = max(ys[i], low)
        for i in range(n - 1, -1, -1):
            high = (
                bottom - heights[i] / 2
                if i == n - 1
                else ys[i + 1] - (heights[i + 1] + heights[i]) / 2
            )
            ys[i] = min(ys[i], high)
    for i in range(n):
        low = top + heights[i] / 2 if i == 0 else ys[i - 1] + (heights[i - 1] + heights[i]) / 2
        ys[i] = max(ys[i], low)
    return ys


def _place_labels(
    scene: Scene,
    candidates: list[tuple[float, int, str, str, float, float, float]],
    base: float,
    color: dict[str, str],
    category_of: dict[str, str],
    room_below: float = 0.0,
) -> None:
    """Labels in a column left and right of the wheel, each on one or two lines.

    A label that does not fit the room beside the wheel is wrapped onto a second line before
    anything is elided; columns are balanced across twelve and six o'clock; when a column is
    full the least important labels (series, small rings) are left to the tooltips. A label
    never takes more lines than its place in the column was reserved for, so no two labels
    overlap. `room_below` stays free under the columns.
    """
    cx, cy, radius = scene.cx, scene.cy, scene.radius
    font = base * LABEL_SCALE
    step = font * 1.3
    line_step = font * 1.12
    rl = radius + base * 1.3
    top = max(font * 0.5, cy - rl - base * 3.5)
    bottom = min(scene.height - font * 0.5 - room_below, cy + rl + base * 3.5)

    def x_at(y: float, side: int) -> float:
        dy = y - cy
        return cx + side * (math.sqrt(max(0.0, rl * rl - dy * dy)) + base * 0.9)

    def room_at(y: float, side: int) -> float:
        x = x_at(y, side)
        return (scene.width - x - 2) if side == 1 else (x - 2)

    def height(label: _Label) -> float:
        return step + (label.lines - 1) * line_step

    def room_over(y: float, side: int, lines: int) -> float:
        """The room at a label's whole height: the column curves with the rim."""
        half = (step + (lines - 1) * line_step) / 2
        return min(room_at(y + dy, side) for dy in (-half, 0.0, half))

    def lines_needed(label: _Label, y: float, side: int) -> int:
        return 1 if text_width(label.text, font) <= room_over(y, side, 1) else 2

    columns: dict[int, list[_Label]] = {1: [], -1: []}
    for prio, neg_span, key, text, angle, anchor_r, _span in candidates:
        label = _Label(key, text, angle, anchor_r, (prio, neg_span, angle))
        side = 1 if angle % 360 < 180 else -1
        y0 = cy - rl * math.cos(math.radians(angle))
        columns[side].append(
            _Label(key, text, angle, anchor_r, label.priority, lines_needed(label, y0, side))
        )
    _balance(columns, bottom - top, step)

    placed: list[tuple[_Label, float, int]] = []
    for side, column in columns.items():
        # Two rounds: lay out, then re-measure each label's lines at the place it got.
        labels = sorted(column, key=lambda c: c.priority)
        for _round in range(3):
            total = 0.0
            kept: list[_Label] = []
            for label in labels:
                if total + height(label) <= bottom - top:
                    kept.append(label)
                    total += height(label)
            kept.sort(key=lambda c: _order(c.angle, side))
            wanted = [cy - rl * math.cos(math.radians(c.angle)) for c in kept]
            ys = _spread(wanted, [height(c) for c in kept], top, bottom)
            remeasured = {c.key: lines_needed(c, y, side) for c, y in zip(kept, ys, strict=True)}
            changed = any(remeasured[c.key] != c.lines for c in kept)
            labels = [
                _Label(
                    c.key, c.text, c.angle, c.anchor_r, c.priority, remeasured.get(c.key, c.lines)
                )
                for c in labels
            ]
            if not changed:
                break
        # `kept` holds the lines each label's place was spread for: the label keeps to them.
        placed.extend((c, y, side) for c, y in zip(kept, ys, strict=True))

    for label, y, side in placed:
        key, angle, anchor_r = label.key, label.angle, label.anchor_r
        room = room_over(y, side, label.lines)
        if text_width(label.text, font) <= room:
            shown = [label.text]
        elif label.lines == 1:
            shown = [fit_text(label.text, font, room)]
        else:
            shown = wrap_text(label.text, font, room, 2)
        if not shown or not shown[0]:
            continue
        x = x_at(y, side)
        ax, ay = point(cx, cy, anchor_r, angle)
        route = radius + base * 0.55
        first_y = y - (len(shown) - 1) * line_step / 2
        dot = (x - side * base * 0.35, first_y)
        lead = [(ax, ay), point(cx, cy, route, angle)]
        # Outside the wheel the line follows the rim to the label's height, so it never
        # cuts back across the months and weeks when labels had to move apart.
        target = polar(cx, cy, *dot)[1]
        sweep = (target - angle + 540) % 360 - 180
        steps = int(abs(sweep) / 2)
        for i in range(1, steps + 1):
            lead.append(point(cx, cy, route, angle + sweep * i / (steps + 1)))
        lead.append(point(cx, cy, route, target) if abs(sweep) > 2 else lead[-1])
        lead.append(dot)
        cat_color = color[category_of[key]]
        scene.primitives.insert(
            scene.line_layer, Line(tuple(lead), mix(cat_color, PAPER, 0.35), 0.6)
        )
        scene.primitives.append(Circle(x - side * base * 0.35, first_y, font * 0.16, cat_color))
        anchor = "start" if side == 1 else "end"
        texts = [
            Text(x, first_y + i * line_step, line, font, INK, False, anchor)
            for i, line in enumerate(shown)
        ]
        scene.primitives.extend(texts)
        scene.labels[key] = texts[0]
        scene.label_lines[key] = tuple(texts)


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
