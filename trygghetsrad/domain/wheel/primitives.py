"""The wheel's drawing primitives and the scene that holds them (see `wheel_scene`).

A scene is a list of sectors, circles, lines and texts in a y-down coordinate system, plus
the shapes needed for hit testing; every backend (the Qt widget, the PDF poster, the SVG
and the PNG) draws the same primitives. Text widths are estimated from Liberation Sans
metrics (metric-compatible with Arial), so no font engine is needed here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from trygghetsrad.domain.calendar_items import CalendarItem
from trygghetsrad.domain.text_metrics import text_width
from trygghetsrad.domain.wheel.geometry import Ring, Span, angle_in, polar, ring_at
from trygghetsrad.domain.wheel.model import Holiday

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


LABEL_SCALE = 0.86  # outer labels' size in base font sizes


def upright(angle: float) -> float:
    """Rotation for text tangent to the circle at `angle`, never upside down."""
    a = angle % 360
    return a if a <= 90 or a >= 270 else a - 180
