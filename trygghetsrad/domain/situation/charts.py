"""Every chart of the app as plain drawing primitives, shared by the Qt widgets and the PDFs.

`layout_series(series, width, height)` scales any set of named series to a "nice" axis and
returns lines, rectangles and texts in a y-down coordinate system; each renderer only draws
them. `layout_chart(indicator, …)` is the indicator's chart (one series per area). The value
axis starts at zero unless the caller says otherwise; period labels are thinned so that no
two texts overlap (`ChartDrawing.text_boxes` is what the tests check); a series that cannot be
drawn readably is listed in `ChartDrawing.left_out`, so the caller can say so and show its
values in a table instead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from trygghetsrad.domain.situation.periods import period_short, period_sort_key
from trygghetsrad.domain.situation.picture import IndicatorData
from trygghetsrad.domain.text_metrics import fit_text, text_width

# Six colours told apart also in greyscale print and by most colour-blind readers.
SERIES_COLOURS = ("#1f5a8c", "#d9822b", "#7d8b99", "#2e8540", "#8e44ad", "#b23a48")
GRID = "#e2e6ea"
AXIS = "#8a96a3"
TEXT = "#4a5561"
TARGET = "#2e8540"
MAX_SERIES = len(SERIES_COLOURS)  # more lines than colours cannot be told apart
MIN_BAR = 3.0  # narrower bars cannot be told apart (points)


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 1.0
    dash: bool = False


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
    anchor: Literal["start", "middle", "end"] = "start"
    size: float = 8.0
    colour: str = TEXT

    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) the text covers, from the embedded font's metrics."""
        w = text_width(self.text, self.size)
        x0 = self.x - (w if self.anchor == "end" else w / 2 if self.anchor == "middle" else 0)
        return x0, self.y - self.size * 0.78, x0 + w, self.y + self.size * 0.22


@dataclass(frozen=True)
class Series:
    """A named run of (period, value) points: an area of an indicator, a measure's indicator."""

    name: str
    points: tuple[tuple[str, float], ...]


@dataclass
class ChartDrawing:
    width: float
    height: float
    items: list[Line | Polyline | Rect | Dot | Text] = field(default_factory=list)
    series: list[tuple[str, str]] = field(default_factory=list)  # (drawn series, colour)
    left_out: list[str] = field(default_factory=list)  # series with values not drawn
    empty: bool = False

    def text_boxes(self) -> list[tuple[float, float, float, float]]:
        return [item.box() for item in self.items if isinstance(item, Text)]


def nice_step(span: float, ticks: int = 5) -> float:
    """A step of 1, 2, 2.5 or 5 times a power of ten giving about `ticks` intervals."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power: float = 10 ** math.floor(math.log10(raw))
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


def indicator_series(indicator: IndicatorData) -> list[Series]:
    """One series per area, the main area first, then the comparison, then the rest."""
    return [
        Series(area, tuple((v.period, v.value) for v in indicator.series(area)))
        for area in indicator.areas
    ]


def layout_chart(
    indicator: IndicatorData,
    width: float,
    height: float,
    *,
    font_size: float = 8.0,
    kind: str | None = None,
) -> ChartDrawing:
    """Lay out `indicator` as a line or bar chart filling `width` × `height`."""
    return layout_series(
        indicator_series(indicator),
        width,
        height,
        font_size=font_size,
        kind=kind or indicator.chart_kind,
    )


def drawable_count(kind: str, count: int, group_width: float) -> int:
    """How many series a chart can draw so that each can still be told apart."""
    drawn = min(count, MAX_SERIES)
    if kind == "bar":
        while drawn > 1 and group_width / drawn < MIN_BAR:
            drawn -= 1
    return drawn


@dataclass(frozen=True)
class _Frame:
    left: float
    top: float
    plot_w: float
    plot_h: float
    axis_lo: float
    axis_hi: float

    def y_of(self, value: float) -> float:
        span = self.axis_hi - self.axis_lo
        return self.top + self.plot_h * (1 - (value - self.axis_lo) / span)


def layout_series(
    series: Sequence[Series],
    width: float,
    height: float,
    *,
    font_size: float = 8.0,
    kind: str = "line",
    zero_based: bool = True,
    target: float | None = None,
    target_label: str = "",
    unit: str = "",
) -> ChartDrawing:
    """Lay out `series` (in order of importance) as a line or bar chart of `width` × `height`.

    `target` draws a dashed line labelled `target_label`; `unit` is written above the value
    axis. Series beyond what can be told apart are listed in `left_out`, not drawn.
    """
    drawing = ChartDrawing(width, height)
    series = [s for s in series if s.points]
    if not series:
        drawing.empty = True
        return drawing
    periods = sorted({p for s in series for p, _v in s.points}, key=period_sort_key)
    values = [v for s in series for _p, v in s.points] + ([target] if target is not None else [])
    frame, labels = _frame(values, width, height, font_size, zero_based or kind == "bar", unit)
    band = frame.plot_w / len(periods)
    drawn = drawable_count(kind, len(series), band * 0.78)
    drawing.left_out = [s.name for s in series[drawn:]]
    _value_axis(drawing, frame, labels, font_size, unit)
    _period_axis(drawing, frame, periods, font_size)
    for index, one in enumerate(series[:drawn]):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        drawing.series.append((one.name, colour))
        if kind == "bar":
            _bars(drawing, frame, periods, one, index, drawn, colour)
        else:
            _line(drawing, frame, periods, one, index, colour)
    if target is not None:
        y = frame.y_of(target)
        drawing.items.append(Line(frame.left, y, frame.left + frame.plot_w, y, TARGET, 1.0, True))
        if target_label:
            drawing.items.append(
                Text(frame.left + 3, y - 3, target_label, "start", font_size, TARGET)
            )
    return drawing


def _frame(
    values: list[float],
    width: float,
    height: float,
    font_size: float,
    include_zero: bool,
    unit: str,
) -> tuple[_Frame, list[tuple[float, str]]]:
    """The plot area and the value axis's ticks: as many as fit without crowding."""
    top = font_size * 2 + 6 if unit else font_size + 4
    bottom = font_size * 2 + 8
    plot_h = max(height - top - bottom, 10)
    ticks = max(2, min(5, int(plot_h / (font_size * 2.2))))
    axis_lo, axis_hi, step = nice_scale(min(values), max(values), ticks, include_zero=include_zero)
    count = round((axis_hi - axis_lo) / step) + 1
    labels = [(axis_lo + i * step, format_number(axis_lo + i * step, step)) for i in range(count)]
    left = max(text_width(t, font_size) for _v, t in labels) + 8
    right = 8.0
    plot_w = max(width - left - right, 10)
    return _Frame(left, top, plot_w, plot_h, axis_lo, axis_hi), labels


def _value_axis(
    drawing: ChartDrawing,
    frame: _Frame,
    labels: list[tuple[float, str]],
    font_size: float,
    unit: str,
) -> None:
    for tick, label in labels:
        y = frame.y_of(tick)
        drawing.items.append(Line(frame.left, y, frame.left + frame.plot_w, y, GRID, 0.6))
        drawing.items.append(Text(frame.left - 4, y + font_size * 0.35, label, "end", font_size))
    base = frame.top + frame.plot_h
    drawing.items.append(Line(frame.left, base, frame.left + frame.plot_w, base, AXIS, 0.8))
    if unit:
        shown = fit_text(unit, font_size, drawing.width)  # a long unit ends in "…"
        drawing.items.append(Text(0, font_size, shown, "start", font_size))


def _period_axis(
    drawing: ChartDrawing, frame: _Frame, periods: list[str], font_size: float
) -> None:
    """Period labels under the plot, every n-th one counted back from the latest, so that
    neither two labels nor a label and the drawing's edge overlap."""
    band = frame.plot_w / len(periods)
    gap = font_size * 0.8
    widest = max(text_width(period_short(p), font_size) for p in periods) + gap
    every = max(1, math.ceil(widest / band))
    y = frame.top + frame.plot_h + font_size + 4
    for i, period in enumerate(periods):
        if (len(periods) - 1 - i) % every:
            continue
        text = Text(frame.left + band * (i + 0.5), y, period_short(period), "middle", font_size)
        x0, _top, x1, _bottom = text.box()
        if x0 >= 0 and x1 <= drawing.width:
            drawing.items.append(text)


def _bars(
    drawing: ChartDrawing,
    frame: _Frame,
    periods: list[str],
    one: Series,
    index: int,
    drawn: int,
    colour: str,
) -> None:
    band = frame.plot_w / len(periods)
    group = band * 0.78
    bar_w = group / drawn
    zero = max(frame.axis_lo, 0.0) if frame.axis_lo <= 0 <= frame.axis_hi else frame.axis_lo
    y0 = frame.y_of(zero)
    column = {p: i for i, p in enumerate(periods)}
    for period, value in one.points:
        x = frame.left + band * column[period] + (band - group) / 2 + bar_w * index
        y1 = frame.y_of(value)
        drawing.items.append(Rect(x + 0.5, min(y0, y1), max(bar_w - 1, 1), abs(y0 - y1), colour))


def _line(
    drawing: ChartDrawing,
    frame: _Frame,
    periods: list[str],
    one: Series,
    index: int,
    colour: str,
) -> None:
    band = frame.plot_w / len(periods)
    column = {p: i for i, p in enumerate(periods)}
    points = tuple(
        (frame.left + band * (column[p] + 0.5), frame.y_of(v))
        for p, v in sorted(one.points, key=lambda pv: period_sort_key(pv[0]))
    )
    if len(points) > 1:
        drawing.items.append(Polyline(points, colour, 2.2 if index == 0 else 1.6))
    radius = 2.6 if index == 0 else 2.0
    for x, y in points:
        drawing.items.append(Dot(x, y, radius, colour))
