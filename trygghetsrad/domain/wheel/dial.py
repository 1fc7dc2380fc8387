"""The wheel's dial: its sizes, and what is drawn behind and around the items.

`layout_of(options)` decides the base font size, the radius and the bands from the rim
inwards (weeks, months, holidays, then the rings). The `draw_*` steps add, in this order,
the disc and the rings' backgrounds, the months, the weeks (New Year's weeks written out),
the year-turn line, the month names (or a zoomed month's day numbers), the holidays, and
after the items the centre text and the today line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from trygghetsrad.domain.dates import MONTHS_SHORT
from trygghetsrad.domain.text_metrics import text_width, wrap_text
from trygghetsrad.domain.wheel.geometry import (
    MonthSector,
    Span,
    WeekTick,
    point,
    week_ticks,
)
from trygghetsrad.domain.wheel.model import Holiday
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
    Line,
    Options,
    Scene,
    Sector,
    Text,
    mix,
    upright,
)


@dataclass(frozen=True)
class Layout:
    """The sizes of one scene's wheel: base font, radius, and its bands from the rim in."""

    base: float
    labels: bool  # outer labels beside the wheel (False when they left it too small)
    cx: float
    cy: float
    radius: float
    week_font: float
    week_band: tuple[float, float]
    month_band: tuple[float, float]
    rings_inner: float
    ring_gap: float

    @property
    def holiday_r(self) -> float:
        return self.month_band[0] - self.base * 0.55

    @property
    def rings_outer(self) -> float:
        return self.month_band[0] - self.base * 1.1


def layout_of(options: Options) -> Layout:
    w, h, m = options.width, options.height, options.margin
    base = options.font or max(9.5, min(22.0, min(w, h) * 0.0165))
    base = max(base, options.min_font / LABEL_SCALE)  # outer labels are base * LABEL_SCALE

    def fitted(with_labels: bool) -> float:
        room = (base * options.label_room if with_labels else 0.0) + m
        tall = (h - 2 * m - (base * 2.6 if with_labels else 0)) / 2
        return max(40.0, min(tall, (w - 2 * room) / 2))

    labels = options.labels
    radius = fitted(labels)
    if labels and radius < 0.62 * fitted(False):
        # Too small for labels beside the wheel: a legible wheel wins; details are in tooltips.
        labels = False
        radius = fitted(False)
    week_font = max(base * 0.62, options.min_font)
    week_band = (radius - max(base * 1.55, week_font * 1.75), radius)
    month_band = (week_band[0] - base * 2.3, week_band[0])
    return Layout(
        base,
        labels,
        w / 2,
        h / 2,
        radius,
        week_font,
        week_band,
        month_band,
        radius * 0.33,
        max(1.5, radius * 0.008),
    )


def draw_background(scene: Scene, lay: Layout, color: dict[str, str]) -> None:
    """The disc and each ring's pale background; leader lines go in above these."""
    prims, cx, cy = scene.primitives, lay.cx, lay.cy
    prims.append(Circle(cx, cy, lay.radius, PAPER, FAINT, 0.8))
    for ring in scene.rings:
        fill = mix(color[ring.category], PAPER, 0.9)
        prims.append(Sector(cx, cy, ring.r_inner, ring.r_outer, 0, 360, fill))
    scene.line_layer = len(prims)  # leader lines go above the rings, below the month band


def draw_months(scene: Scene, lay: Layout, months: list[MonthSector]) -> None:
    """The month band's alternating shades and the lines between months."""
    prims, cx, cy, (m0, m1) = scene.primitives, lay.cx, lay.cy, lay.month_band
    for sector in months:
        fill = MONTH_A if (sector.first.month % 2) else MONTH_B
        prims.append(Sector(cx, cy, m0, m1, sector.start_angle, sector.end_angle, fill))
    for sector in months:
        x0, y0 = point(cx, cy, lay.rings_inner * 0.98, sector.start_angle)
        x1, y1 = point(cx, cy, lay.week_band[1], sector.start_angle)
        prims.append(Line(((x0, y0), (x1, y1)), FAINT, 0.7))


def draw_weeks(scene: Scene, lay: Layout, span: Span) -> None:
    """Week ticks, New Year's weeks written out, then as many week numbers as fit."""
    ticks = week_ticks(span)
    for tick in ticks:
        x0, y0 = point(lay.cx, lay.cy, lay.week_band[0], tick.angle)
        x1, y1 = point(lay.cx, lay.cy, lay.week_band[0] + lay.base * 0.35, tick.angle)
        scene.primitives.append(Line(((x0, y0), (x1, y1)), FAINT, 0.6))
    week_r = (lay.week_band[0] + lay.week_band[1]) / 2 + lay.base * 0.1
    deg_per_pt = 360 / (2 * math.pi * week_r)
    turns = _turn_labels(scene, lay, span, ticks, week_r, deg_per_pt)
    _week_numbers(scene, lay, span, ticks, week_r, deg_per_pt, turns)


def _turn_labels(
    scene: Scene, lay: Layout, span: Span, ticks: list[WeekTick], week_r: float, deg: float
) -> list[tuple[float, float]]:
    """Weeks across New Year are written out ("v. 53 (2026)", PITFALLS 18): a partial week at
    the start or the end of the span runs from the year-turn line into its own part.
    Returns the angular extents the labels cover."""
    turns: list[tuple[float, float]] = []
    for tick in ticks:
        if not tick.crosses_year:
            continue
        label = _turn_label(tick, span.date_at(tick.mid_angle).year)
        extent = text_width(label, lay.week_font, True) * deg + 0.6
        if tick.angle <= 0.0 and tick.end_angle < 360:
            a, anchor, cover = 0.4, "start", (0.0, extent + 0.4)
        elif tick.end_angle >= 360 and tick.angle > 0:
            a, anchor, cover = 359.6, "end", (360 - extent - 0.4, 360.0)
        else:
            a, anchor = tick.mid_angle, "middle"
            cover = (a - extent / 2, a + extent / 2)
        turns.append(cover)
        x, y = point(lay.cx, lay.cy, week_r, a)
        scene.primitives.append(Text(x, y, label, lay.week_font, INK, True, anchor, upright(a)))
    return turns


def _week_numbers(
    scene: Scene,
    lay: Layout,
    span: Span,
    ticks: list[WeekTick],
    week_r: float,
    deg: float,
    turns: list[tuple[float, float]],
) -> None:
    """Every, every other or every fourth week's number, where it has room."""
    font = lay.week_font
    arc_per_week = 2 * math.pi * week_r * 7 / span.days
    every = 1 if arc_per_week > font * 1.9 else 2 if arc_per_week > font else 4
    for index, tick in enumerate(ticks):
        if tick.crosses_year or index % every:
            continue
        if tick.end_angle - tick.angle < 0.4 * 360 * 7 / span.days:
            continue
        half = text_width(str(tick.week), font) * deg / 2 + 0.3
        if any(c0 < tick.mid_angle + half and tick.mid_angle - half < c1 for c0, c1 in turns):
            continue
        x, y = point(lay.cx, lay.cy, week_r, tick.mid_angle)
        scene.primitives.append(
            Text(x, y, str(tick.week), font, MUTED, False, "middle", upright(tick.mid_angle))
        )


def _turn_label(tick: WeekTick, shown_year: int) -> str:
    """ "v. 53 (2026)" for a week across New Year; plain "v. 1" when its ISO year is the year
    of the days shown."""
    if tick.week == 1 and tick.iso_year == shown_year:
        return f"v. {tick.week}"
    return f"v. {tick.week} ({tick.iso_year})"


def draw_year_turns(scene: Scene, lay: Layout, span: Span) -> None:
    """The year turn: a short firm line across the week band, out past the rim."""
    for year in range(span.start.year, span.end.year + 1):
        new_year = date(year, 1, 1)
        if not (span.start <= new_year < span.end) or span.days <= 62:
            continue
        a = span.angle(new_year)
        x0, y0 = point(lay.cx, lay.cy, lay.week_band[0], a)
        x1, y1 = point(lay.cx, lay.cy, lay.radius + lay.base * 0.6, a)
        scene.primitives.append(Line(((x0, y0), (x1, y1)), INK, max(0.9, lay.base * 0.09)))


def draw_month_names(
    scene: Scene, lay: Layout, span: Span, months: list[MonthSector], holidays: Sequence[Holiday]
) -> None:
    """The months' names in their band; a zoomed month shows its day numbers instead."""
    month_r = (lay.month_band[0] + lay.month_band[1]) / 2
    month_font = lay.base * 0.95
    if span.days <= 62:
        _day_numbers(scene, lay, span, holidays, month_r, month_font * 0.8)
        return
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
        x, y = point(lay.cx, lay.cy, month_r, sector.mid_angle)
        shown = name.upper() if span.days > 40 else name
        scene.primitives.append(
            Text(x, y, shown, month_font, INK, True, "middle", upright(sector.mid_angle))
        )


def _day_numbers(
    scene: Scene,
    lay: Layout,
    span: Span,
    holidays: Sequence[Holiday],
    month_r: float,
    day_font: float,
) -> None:
    """A zoomed month: each day's number (Sundays and holidays in red) between day lines."""
    holiday_days = {h.day for h in holidays}
    day_deg = span.day_degrees()
    for index in range(span.days):
        day = span.start + timedelta(days=index)
        a0 = span.angle(day)
        x0, y0 = point(lay.cx, lay.cy, lay.month_band[0], a0)
        x1, y1 = point(lay.cx, lay.cy, lay.month_band[1], a0)
        scene.primitives.append(Line(((x0, y0), (x1, y1)), PAPER, 0.8))
        x, y = point(lay.cx, lay.cy, month_r, a0 + day_deg / 2)
        red = day.weekday() == 6 or day in holiday_days
        scene.primitives.append(
            Text(x, y, str(day.day), day_font, HOLIDAY if red else INK, red, "middle",
                 upright(a0 + day_deg / 2))
        )  # fmt: skip


def draw_holidays(scene: Scene, lay: Layout, span: Span, holidays: Sequence[Holiday]) -> None:
    for holiday in holidays:
        if not span.contains(holiday.day):
            continue
        a = span.angle_of_moment(holiday.day, 0.5)
        x, y = point(lay.cx, lay.cy, lay.holiday_r, a)
        scene.primitives.append(Circle(x, y, max(1.3, lay.base * 0.16), HOLIDAY))
        scene.holidays.append((holiday, x, y))


def draw_centre(scene: Scene, lay: Layout, options: Options) -> None:
    """The blank centre with the title (the year) and a few lines (the plan's status)."""
    prims, cx, cy, base = scene.primitives, lay.cx, lay.cy, lay.base
    center_r = lay.rings_inner - lay.ring_gap * 2
    prims.append(Circle(cx, cy, center_r, PAPER, None))
    if not options.center_title:
        return
    title = options.center_title
    title_font = min(center_r * 0.42, center_r * 1.5 / text_width(title, 1, True))
    lines = [wrap_text(line, base * 0.8, center_r * 1.6, 3) for line in options.center_lines]
    flat = [line for group in lines for line in group][:5]
    total = title_font * 1.05 + len(flat) * base * 1.05
    y = cy - total / 2 + title_font * 0.5
    prims.append(Text(cx, y, title, title_font, INK, True))
    y += title_font * 0.55 + base * 0.7
    for line in flat:
        prims.append(Text(cx, y, line, max(base * 0.8, options.min_font), MUTED))
        y += base * 1.05


def draw_today(scene: Scene, lay: Layout, span: Span, today: date | None) -> None:
    if today is None or not span.contains(today):
        return
    a = span.angle_of_moment(today, 0.5)
    x0, y0 = point(lay.cx, lay.cy, lay.rings_inner - lay.ring_gap, a)
    x1, y1 = point(lay.cx, lay.cy, lay.radius + lay.base * 0.4, a)
    scene.primitives.append(Line(((x0, y0), (x1, y1)), TODAY, max(1.2, lay.base * 0.13)))
    tx, ty = point(lay.cx, lay.cy, lay.radius + lay.base * 0.4, a)
    scene.primitives.append(Circle(tx, ty, lay.base * 0.3, TODAY))
