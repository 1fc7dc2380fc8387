"""The wheel's outer labels: a column left and right of the wheel, each label on one or two
lines, with a leader line from its item that follows the rim to the label's height.

A label that does not fit the room beside the wheel is wrapped onto a second line before
anything is elided; columns are balanced across twelve and six o'clock; when a column is
full the least important labels (series, small rings) are left to the tooltips. A label
never takes more lines than its place in the column was reserved for, so no two labels
overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from trygghetsrad.domain.text_metrics import fit_text, text_width, wrap_text
from trygghetsrad.domain.wheel.geometry import point, polar
from trygghetsrad.domain.wheel.primitives import (
    INK,
    LABEL_SCALE,
    PAPER,
    Circle,
    Line,
    Scene,
    Text,
    mix,
)

# (priority, -degrees spanned, item key, text, angle, radius the leader starts at, degrees)
Candidate = tuple[float, int, str, str, float, float, float]


@dataclass(frozen=True)
class _Label:
    key: str
    text: str
    angle: float  # where the item sits on the wheel
    anchor_r: float
    priority: tuple[float, int, float]
    lines: int = 1

    def with_lines(self, lines: int) -> _Label:
        # Not dataclasses.replace: it is several times slower, and this runs for every
        # label in every round of every column.
        return _Label(self.key, self.text, self.angle, self.anchor_r, self.priority, lines)


class _Columns:
    """The room beside the wheel: where a label's column edge is at a height, and how wide.

    The sizes are worked out once: the placement asks for them thousands of times."""

    def __init__(self, scene: Scene, base: float, room_below: float) -> None:
        self.scene, self.base = scene, base
        self.font = font = base * LABEL_SCALE
        self.step = font * 1.3
        self.line_step = font * 1.12
        self.rl = rl = scene.radius + base * 1.3
        self.top = max(font * 0.5, scene.cy - rl - base * 3.5)
        self.bottom = min(scene.height - font * 0.5 - room_below, scene.cy + rl + base * 3.5)

    def x_at(self, y: float, side: int) -> float:
        dy = y - self.scene.cy
        rl = self.rl
        return self.scene.cx + side * (math.sqrt(max(0.0, rl * rl - dy * dy)) + self.base * 0.9)

    def room_at(self, y: float, side: int) -> float:
        x = self.x_at(y, side)
        return (self.scene.width - x - 2) if side == 1 else (x - 2)

    def height(self, label: _Label) -> float:
        return self.step + (label.lines - 1) * self.line_step

    def room_over(self, y: float, side: int, lines: int) -> float:
        """The room at a label's whole height: the column curves with the rim."""
        half = (self.step + (lines - 1) * self.line_step) / 2
        return min(self.room_at(y + dy, side) for dy in (-half, 0.0, half))

    def lines_needed(self, label: _Label, y: float, side: int) -> int:
        return 1 if text_width(label.text, self.font) <= self.room_over(y, side, 1) else 2

    def wanted_y(self, angle: float) -> float:
        """The height beside the wheel level with `angle`."""
        return self.scene.cy - self.rl * math.cos(math.radians(angle))


def place_labels(
    scene: Scene,
    candidates: list[Candidate],
    base: float,
    color: dict[str, str],
    category_of: dict[str, str],
    room_below: float = 0.0,
) -> None:
    """Labels in a column left and right of the wheel; `room_below` stays free under them."""
    room = _Columns(scene, base, room_below)
    columns = _sides(room, candidates)
    _balance(columns, room.bottom - room.top, room.step)
    for side, column in columns.items():
        for label, y in _fit_column(room, column, side):
            _draw_label(scene, room, label, y, side, color[category_of[label.key]])


def _sides(room: _Columns, candidates: list[Candidate]) -> dict[int, list[_Label]]:
    """Each label in the column on its item's side, measured at the height level with it."""
    columns: dict[int, list[_Label]] = {1: [], -1: []}
    for prio, neg_span, key, text, angle, anchor_r, _span in candidates:
        label = _Label(key, text, angle, anchor_r, (prio, neg_span, angle))
        side = 1 if angle % 360 < 180 else -1
        lines = room.lines_needed(label, room.wanted_y(angle), side)
        columns[side].append(label.with_lines(lines))
    return columns


def _fit_column(room: _Columns, column: list[_Label], side: int) -> list[tuple[_Label, float]]:
    """The labels the column keeps and their heights: laid out, then each label's lines
    measured again at the place it got (at most three rounds)."""
    labels = sorted(column, key=lambda c: c.priority)
    for _round in range(3):
        total = 0.0
        kept: list[_Label] = []
        for label in labels:
            if total + room.height(label) <= room.bottom - room.top:
                kept.append(label)
                total += room.height(label)
        kept.sort(key=lambda c: _order(c.angle, side))
        wanted = [room.wanted_y(c.angle) for c in kept]
        ys = _spread(wanted, [room.height(c) for c in kept], room.top, room.bottom)
        remeasured = {c.key: room.lines_needed(c, y, side) for c, y in zip(kept, ys, strict=True)}
        changed = any(remeasured[c.key] != c.lines for c in kept)
        labels = [c.with_lines(remeasured.get(c.key, c.lines)) for c in labels]
        if not changed:
            break
    # `kept` holds the lines each label's place was spread for: the label keeps to them.
    return list(zip(kept, ys, strict=True))


def _shown_lines(room: _Columns, label: _Label, y: float, side: int) -> list[str]:
    """The label's text as it fits its place: whole, elided on one line, or on two."""
    width = room.room_over(y, side, label.lines)
    if text_width(label.text, room.font) <= width:
        return [label.text]
    if label.lines == 1:
        return [fit_text(label.text, room.font, width)]
    return wrap_text(label.text, room.font, width, 2)


def _leader(
    scene: Scene, room: _Columns, label: _Label, dot: tuple[float, float]
) -> tuple[tuple[float, float], ...]:
    """From the item out past the rim, then along the rim to the label's height, so it never
    cuts back across the months and weeks when labels had to move apart."""
    cx, cy, angle = scene.cx, scene.cy, label.angle
    route = scene.radius + room.base * 0.55
    lead = [point(cx, cy, label.anchor_r, angle), point(cx, cy, route, angle)]
    target = polar(cx, cy, *dot)[1]
    sweep = (target - angle + 540) % 360 - 180
    steps = int(abs(sweep) / 2)
    for i in range(1, steps + 1):
        lead.append(point(cx, cy, route, angle + sweep * i / (steps + 1)))
    lead.append(point(cx, cy, route, target) if abs(sweep) > 2 else lead[-1])
    lead.append(dot)
    return tuple(lead)


def _draw_label(
    scene: Scene, room: _Columns, label: _Label, y: float, side: int, cat_color: str
) -> None:
    shown = _shown_lines(room, label, y, side)
    if not shown or not shown[0]:
        return
    font, base = room.font, room.base
    x = room.x_at(y, side)
    first_y = y - (len(shown) - 1) * room.line_step / 2
    dot = (x - side * base * 0.35, first_y)
    lead = _leader(scene, room, label, dot)
    scene.primitives.insert(scene.line_layer, Line(lead, mix(cat_color, PAPER, 0.35), 0.6))
    scene.primitives.append(Circle(x - side * base * 0.35, first_y, font * 0.16, cat_color))
    anchor = "start" if side == 1 else "end"
    texts = [
        Text(x, first_y + i * room.line_step, line, font, INK, False, anchor)
        for i, line in enumerate(shown)
    ]
    scene.primitives.extend(texts)
    scene.labels[label.key] = texts[0]
    scene.label_lines[label.key] = tuple(texts)


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
