"""Indicator charts as plain drawing primitives, shared by the Qt widget and the PDF.

`layout_chart(indicator, width, height)` scales the series to a "nice" axis and returns
lines, rectangles and texts in a y-down coordinate system; each renderer only draws them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from trygghetsrad.domain.situation import IndicatorData
from trygghetsrad.domain.situation_periods import period_short, period_sort_key

SERIES_COLOURS = ("#1f5a8c", "#d9822b", "#7d8b99")
GRID = "#e2e6ea"
AXIS = "#8a96a3"
TEXT = "#4a5561"
MAX_SERIES = 3


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 1.0


@dataclass(frozen=True)
class Polyline:
    points: tuple[tuple[float, float], ...]
    colour: str
    width: float = 2.0


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    colour: str


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    colour: str


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    anchor: str = "start"  # start, middle, end
    size: float = 8.0
    colour: str = TEXT


@dataclass
class ChartDrawing:
    width: float
    height: float
    items: list[Line | Polyline | Rect | Dot | Text] = field(default_factory=list)
    series: list[tuple[str, str]] = field(default_factory=list)  # (area, colour) for legends
    empty: bool = False


def nice_step(span: float, ticks: int = 5) -> float:
    """A step of 1, 2, 2.5 or 5 times a power of ten giving about `ticks` intervals."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def nice_scale(
    lo: float, hi: float, ticks: int = 5, *, include_zero: bool = False
) -> tuple[float, float, float]:
    """(axis minimum, axis maximum, step) covering [lo, hi] with round numbers."""
    if include_zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    if hi == lo:
        pad = abs(hi) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    step = nice_step(hi - lo, ticks)
    low = math.floor(lo / step) * step
    high = math.ceil(hi / step) * step
    if lo >= 0 and low < 0:
        low = 0.0
    return low, high, step


def format_number(value: float, step: float | None = None) -> str:
    """Swedish number: '1 234,5' (space for thousands, decimal comma)."""
    decimals = 0
    reference = step if step is not None else value
    if reference and abs(reference - round(reference)) > 1e-9:
        decimals = 1 if abs(reference * 10 - round(reference * 10)) < 1e-9 else 2
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u00a0").replace(".", ",").replace("-", "−")


def chart_areas(indicator: IndicatorData) -> list[str]:
    return indicator.areas[:MAX_SERIES]


def layout_chart(
    indicator: IndicatorData,
    width: float,
    height: float,
    *,
    font_size: float = 8.0,
    kind: str | None = None,
) -> ChartDrawing:
    """Lay out `indicator` as a line or bar chart filling `width` × `height`."""
    drawing = ChartDrawing(width, height)
    areas = chart_areas(indicator)
    periods = sorted({v.period for v in indicator.values if v.area in areas}, key=period_sort_key)
    if not periods:
        drawing.empty = True
        return drawing
    kind = kind or indicator.chart_kind
    values = {(v.area, v.period): v.value for v in indicator.values if v.area in areas}
    lo, hi = min(values.values()), max(values.values())
    axis_lo, axis_hi, step = nice_scale(
        lo, hi, include_zero=kind == "bar" or lo >= 0 and lo < hi * 0.35
    )
    labels = [
        format_number(axis_lo + i * step, step)
        for i in range(round((axis_hi - axis_lo) / step) + 1)
    ]
    char_w = font_size * 0.55
    left = max(len(t) for t in labels) * char_w + 8
    right, top, bottom = 8.0, font_size + 4, font_size * 2 + 8
    plot_w, plot_h = max(width - left - right, 10), max(height - top - bottom, 10)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - (value - axis_lo) / (axis_hi - axis_lo))

    for i, label in enumerate(labels):
        tick = axis_lo + i * step
        y = y_of(tick)
        drawing.items.append(Line(left, y, left + plot_w, y, GRID, 0.6))
        drawing.items.append(Text(left - 4, y + font_size * 0.35, label, "end", font_size))
    drawing.items.append(Line(left, top + plot_h, left + plot_w, top + plot_h, AXIS, 0.8))

    n = len(periods)
    band = plot_w / n
    # Thin out period labels so they never overlap.
    label_w = max(len(period_short(p)) for p in periods) * char_w + 6
    every = max(1, math.ceil(label_w / band))
    for i, period in enumerate(periods):
        if (n - 1 - i) % every:
            continue
        x = left + band * (i + 0.5)
        drawing.items.append(
            Text(x, top + plot_h + font_size + 4, period_short(period), "middle", font_size)
        )

    for s, area in enumerate(areas):
        colour = SERIES_COLOURS[s % len(SERIES_COLOURS)]
        drawing.series.append((area, colour))
        if kind == "bar":
            group = band * 0.78
            bar_w = group / len(areas)
            for i, period in enumerate(periods):
                if (area, period) not in values:
                    continue
                value = values[(area, period)]
                x = left + band * i + (band - group) / 2 + bar_w * s
                y0, y1 = (
                    y_of(max(axis_lo, 0.0) if axis_lo <= 0 <= axis_hi else axis_lo),
                    y_of(value),
                )
                drawing.items.append(
                    Rect(x + 0.5, min(y0, y1), max(bar_w - 1, 1), abs(y0 - y1), colour)
                )
        else:
            points = tuple(
                (left + band * (i + 0.5), y_of(values[(area, p)]))
                for i, p in enumerate(periods)
                if (area, p) in values
            )
            if len(points) > 1:
                drawing.items.append(Polyline(points, colour, 2.2 if s == 0 else 1.6))
            radius = 2.6 if s == 0 else 2.0
            for x, y in points:
                drawing.items.append(Dot(x, y, radius, colour))
    return drawing
