"""Geometry of a drawn cause tree: the problem on the left, causes branching to the right.

Pure functions shared by the Qt widget and the PDF. Text width comes from a `measure`
callable (QFontMetrics in the widget, reportlab's stringWidth in the PDF), so the same boxes
and line breaks appear on screen and on paper. Coordinates: origin top left, y grows down.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from trygghetsrad.domain.situation.causes import CauseNode

Measure = Callable[[str], float]

PROBLEM_KEY = "problem"


@dataclass(frozen=True)
class LayoutStyle:
    box_width: float = 150.0
    h_gap: float = 36.0
    v_gap: float = 10.0
    padding: float = 6.0
    line_height: float = 12.0
    max_lines: int = 5


@dataclass(frozen=True)
class Box:
    key: str  # "problem" or "cause:<id>"
    x: float
    y: float
    w: float
    h: float
    lines: tuple[str, ...]
    kind: str = ""  # "situationell", "social" or "" for the problem
    depth: int = 0
    flagged: bool = False  # a cause no measure addresses

    @property
    def cause_id(self) -> int | None:
        return int(self.key.split(":", 1)[1]) if self.key.startswith("cause:") else None

    @property
    def centre_y(self) -> float:
        return self.y + self.h / 2

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h


@dataclass(frozen=True)
class Edge:
    parent: str
    child: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class TreeLayout:
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]
    width: float
    height: float

    def box(self, key: str) -> Box:
        return next(b for b in self.boxes if b.key == key)

    def box_at(self, x: float, y: float) -> Box | None:
        return next((b for b in self.boxes if b.contains(x, y)), None)

    def scale_to_fit(self, width: float, height: float) -> float:
        """The factor (never above 1) that fits the whole tree into width × height."""
        if self.width <= 0 or self.height <= 0:
            return 1.0
        return min(1.0, width / self.width, height / self.height)


def wrap(text: str, width: float, measure: Measure, max_lines: int = 5) -> tuple[str, ...]:
    """Greedy word wrap; a word longer than the line is broken; overflow ends with '…'."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while measure(word) > width and len(word) > 1:
            cut = len(word)
            while cut > 1 and measure(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    if not lines:
        return ("",)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and measure(last + "…") > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return tuple(lines)


def layout_tree(
    problem_title: str,
    roots: list[CauseNode],
    measure: Measure,
    style: LayoutStyle | None = None,
    flagged: frozenset[int] = frozenset(),
) -> TreeLayout:
    """Place the problem and every cause so that no two boxes overlap.

    Each subtree owns a horizontal band as tall as the larger of its own box and its
    children's bands stacked; a parent sits centred on its first and last child. Bands of
    siblings never overlap, so neither do their boxes.
    """
    st = style or LayoutStyle()
    placer = _Placer(st, measure, flagged)
    problem_lines = placer.wrap(problem_title)
    total = placer.band(problem_lines, roots, 0) if roots else placer.box_height(problem_lines)
    kids = placer.place_children(roots, 1, 0.0, total)
    ph = placer.box_height(problem_lines)
    centre = (kids[0].centre_y + kids[-1].centre_y) / 2 if kids else total / 2
    problem = Box(
        key=PROBLEM_KEY,
        x=0.0,
        y=min(max(centre - ph / 2, 0.0), total - ph),
        w=st.box_width,
        h=ph,
        lines=problem_lines,
    )
    boxes, edges = placer.boxes, placer.edges
    boxes.append(problem)
    for kid in kids:
        edges.append(_edge(problem, kid))
    max_depth = max((b.depth for b in boxes), default=0)
    width = placer.x_of(max_depth) + st.box_width
    boxes.sort(key=lambda b: (b.depth, b.y))
    return TreeLayout(tuple(boxes), tuple(edges), width, total)


class _Placer:
    """The boxes and edges of one tree as they are placed, with each cause's wrapped lines
    and band height worked out once."""

    def __init__(self, style: LayoutStyle, measure: Measure, flagged: frozenset[int]) -> None:
        self.st = style
        self.measure = measure
        self.flagged = flagged
        self.text_width = style.box_width - 2 * style.padding
        self.boxes: list[Box] = []
        self.edges: list[Edge] = []
        self.heights: dict[int, float] = {}
        self.line_cache: dict[int, tuple[str, ...]] = {}

    def wrap(self, text: str) -> tuple[str, ...]:
        return wrap(text, self.text_width, self.measure, self.st.max_lines)

    def box_height(self, lines: tuple[str, ...]) -> float:
        return 2 * self.st.padding + len(lines) * self.st.line_height

    def band(self, node_lines: tuple[str, ...], children: list[CauseNode], depth: int) -> float:
        own = self.box_height(node_lines)
        kids = sum(self.subtree_height(c, depth + 1) for c in children)
        kids += self.st.v_gap * max(0, len(children) - 1)
        return max(own, kids)

    def lines_of(self, node: CauseNode) -> tuple[str, ...]:
        if node.cause.id not in self.line_cache:
            self.line_cache[node.cause.id] = self.wrap(node.cause.title)
        return self.line_cache[node.cause.id]

    def subtree_height(self, node: CauseNode, depth: int) -> float:
        if node.cause.id not in self.heights:
            self.heights[node.cause.id] = self.band(self.lines_of(node), node.children, depth)
        return self.heights[node.cause.id]

    def x_of(self, depth: int) -> float:
        return depth * (self.st.box_width + self.st.h_gap)

    def place_children(
        self, children: list[CauseNode], depth: int, top: float, total: float
    ) -> list[Box]:
        span = sum(self.subtree_height(c, depth) for c in children)
        span += self.st.v_gap * max(0, len(children) - 1)
        y = top + (total - span) / 2
        placed = []
        for child in children:
            placed.append(self.place(child, depth, y))
            y += self.subtree_height(child, depth) + self.st.v_gap
        return placed

    def place(self, node: CauseNode, depth: int, top: float) -> Box:
        lines = self.lines_of(node)
        h = self.box_height(lines)
        total = self.subtree_height(node, depth)
        kids = self.place_children(node.children, depth + 1, top, total)
        centre = (kids[0].centre_y + kids[-1].centre_y) / 2 if kids else top + total / 2
        y = min(max(centre - h / 2, top), top + total - h)
        box = Box(
            key=f"cause:{node.cause.id}",
            x=self.x_of(depth),
            y=y,
            w=self.st.box_width,
            h=h,
            lines=lines,
            kind=node.cause.kind,
            depth=depth,
            flagged=node.cause.id in self.flagged,
        )
        self.boxes.append(box)
        for kid in kids:
            self.edges.append(_edge(box, kid))
        return box


def _edge(parent: Box, child: Box) -> Edge:
    x1, y1 = parent.x + parent.w, parent.centre_y
    x2, y2 = child.x, child.centre_y
    mid = (x1 + x2) / 2
    return Edge(parent.key, child.key, ((x1, y1), (mid, y1), (mid, y2), (x2, y2)))
