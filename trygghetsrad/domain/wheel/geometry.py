"""Pure geometry of the annual wheel: date ↔ angle, month sectors, ISO week ticks, rings,
lane packing and hit testing. Shared by the Qt widget and every export.

Angles are degrees clockwise from twelve o'clock. Points are in a y-down coordinate system
(screen); the PDF backend flips them. A span of days (a calendar year, a school year from
August, or a zoomed quarter or month) always fills the full circle.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from trygghetsrad.domain.dates import MONTHS


@dataclass(frozen=True)
class Span:
    """The days shown around the circle: [start, end) with `end` exclusive."""

    start: date
    end: date

    @classmethod
    def year(cls, year: int, start_month: int = 1) -> Span:
        first = date(year, start_month, 1)
        return cls(first, date(year + 1, start_month, 1))

    @classmethod
    def quarter(cls, year: int, quarter: int, start_month: int = 1) -> Span:
        first = add_months(date(year, start_month, 1), 3 * (quarter - 1))
        return cls(first, add_months(first, 3))

    @classmethod
    def month(cls, year: int, month_index: int, start_month: int = 1) -> Span:
        first = add_months(date(year, start_month, 1), month_index)
        return cls(first, add_months(first, 1))

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def last(self) -> date:
        return self.end - timedelta(days=1)

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end

    def angle(self, day: date) -> float:
        """The angle where `day` begins (may be <0 or >360 for days outside the span)."""
        return (day - self.start).days * 360.0 / self.days

    def angle_of_moment(self, day: date, fraction: float) -> float:
        return ((day - self.start).days + fraction) * 360.0 / self.days

    def date_at(self, angle: float) -> date:
        """The day shown at `angle` (wrapped into [0, 360))."""
        a = angle % 360.0
        index = min(int(a * self.days / 360.0 + 1e-9), self.days - 1)
        return self.start + timedelta(days=index)

    def day_degrees(self) -> float:
        return 360.0 / self.days


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


# -- sectors and ticks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthSector:
    first: date
    start_angle: float
    end_angle: float
    name: str

    @property
    def mid_angle(self) -> float:
        return (self.start_angle + self.end_angle) / 2


def month_sectors(span: Span) -> list[MonthSector]:
    out: list[MonthSector] = []
    first = date(span.start.year, span.start.month, 1)
    while first < span.end:
        nxt = add_months(first, 1)
        a0 = max(0.0, span.angle(first))
        a1 = min(360.0, span.angle(nxt))
        name = MONTHS[first.month - 1]
        out.append(MonthSector(first, a0, a1, name))
        first = nxt
    return out


@dataclass(frozen=True)
class WeekTick:
    monday: date
    angle: float  # where the week (or its visible part) begins
    end_angle: float
    week: int
    iso_year: int
    crosses_year: bool  # the week spans New Year: show its ISO year with the number

    @property
    def label(self) -> str:
        return f"{self.week} ({self.iso_year})" if self.crosses_year else str(self.week)

    @property
    def short_label(self) -> str:
        return f"{self.week}/{self.iso_year % 100:02d}" if self.crosses_year else str(self.week)

    @property
    def mid_angle(self) -> float:
        return (self.angle + self.end_angle) / 2


def week_ticks(span: Span) -> list[WeekTick]:
    """One tick per ISO week touching the span, including a partial first and last week."""
    monday = span.start - timedelta(days=span.start.weekday())
    out: list[WeekTick] = []
    while monday < span.end:
        sunday = monday + timedelta(days=6)
        iso_year, week, _ = monday.isocalendar()
        a0 = max(0.0, span.angle(monday))
        a1 = min(360.0, span.angle(sunday + timedelta(days=1)))
        out.append(WeekTick(monday, a0, a1, week, iso_year, monday.year != sunday.year))
        monday += timedelta(days=7)
    return out


def week_at(span: Span, day: date) -> WeekTick:
    return next(t for t in week_ticks(span) if t.monday <= day < t.monday + timedelta(days=7))


# -- points --------------------------------------------------------------------------------------


def point(cx: float, cy: float, r: float, angle: float) -> tuple[float, float]:
    rad = math.radians(angle)
    return cx + r * math.sin(rad), cy - r * math.cos(rad)


def polar(cx: float, cy: float, x: float, y: float) -> tuple[float, float]:
    """(radius, angle in [0, 360)) of a point relative to the centre."""
    dx, dy = x - cx, y - cy
    return math.hypot(dx, dy), math.degrees(math.atan2(dx, -dy)) % 360.0


# -- lanes ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    key: str
    start: float  # angle or day index
    end: float  # exclusive; > start


def pack_lanes(intervals: Sequence[Interval], gap: float = 0.0) -> dict[str, int]:
    """Assign each interval the lowest lane where it overlaps nothing (greedy by start).

    Intervals that only touch (a.end == b.start) may share a lane when gap is 0.
    """
    lane_ends: list[float] = []
    lanes: dict[str, int] = {}
    for iv in sorted(intervals, key=lambda i: (i.start, -(i.end - i.start), i.key)):
        for index, lane_end in enumerate(lane_ends):
            if lane_end + gap <= iv.start:
                lane_ends[index] = iv.end
                lanes[iv.key] = index
                break
        else:
            lanes[iv.key] = len(lane_ends)
            lane_ends.append(iv.end)
    return lanes


# -- rings ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ring:
    category: str
    r_inner: float
    r_outer: float
    lanes: int

    def lane_bounds(self, lane: int) -> tuple[float, float]:
        """Lane 0 is the outermost lane of the ring."""
        height = (self.r_outer - self.r_inner) / max(1, self.lanes)
        top = self.r_outer - lane * height
        return top - height, top

    def lane_at(self, r: float) -> int:
        height = (self.r_outer - self.r_inner) / max(1, self.lanes)
        return max(0, min(self.lanes - 1, int((self.r_outer - r) / height)))


def ring_layout(
    categories: Sequence[tuple[str, int]], r_inner: float, r_outer: float, gap: float
) -> list[Ring]:
    """Concentric rings, first category outermost; thickness grows with the lane count
    (square-root damped, so one busy ring does not squeeze the others flat)."""
    if not categories:
        return []
    weights = [1.0 + 0.55 * (max(1, lanes) - 1) ** 0.85 for _key, lanes in categories]
    usable = (r_outer - r_inner) - gap * (len(categories) - 1)
    unit = usable / sum(weights)
    rings: list[Ring] = []
    top = r_outer
    for (key, lanes), weight in zip(categories, weights, strict=True):
        thickness = unit * weight
        rings.append(Ring(key, top - thickness, top, max(1, lanes)))
        top -= thickness + gap
    return rings


def ring_at(rings: Sequence[Ring], r: float) -> Ring | None:
    return next((ring for ring in rings if ring.r_inner <= r <= ring.r_outer), None)


def angle_in(angle: float, a0: float, a1: float) -> bool:
    return a0 <= angle % 360.0 < a1 or a0 <= angle % 360.0 + 360.0 < a1
