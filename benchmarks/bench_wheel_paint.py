"""Benchmark (issue 4): one full repaint of the annual wheel with 2,000 events in the year,
against painting 2,000 bare arcs with QPainter in the same run. Target: at most 2×.

`python benchmarks/bench_wheel_paint.py [--runs N] [--quick] [--data DIR]` prints JSON lines
like benchmarks/run.py. The wheel's layout (scene) is built once when data is set; a repaint
(hover, selection, expose) paints the prepared scene. The time of a repaint after new data
(layout + paint) is reported as an extra field.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from jsonline import emit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET = 2.0
EVENTS = 2000
SIZE = 900


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", type=Path)
    args = parser.parse_args(argv)
    runs = 2 if args.quick else max(args.runs, 5)

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QPainter, QPen
    from PySide6.QtWidgets import QWidget

    from trygghetsrad.app import make_application
    from trygghetsrad.domain.calendar_items import CalendarItem
    from trygghetsrad.domain.wheel.geometry import Span
    from trygghetsrad.domain.wheel.model import STANDARD_KEYS, WheelCategory
    from trygghetsrad.ui.wheel.widget import AnnualWheelWidget

    app = make_application()
    rng = random.Random(2026)
    colours = ["#1f5a8c", "#2e7d32", "#b26a00", "#8e24aa", "#c62828", "#00838f", "#5d4037"]
    keys = list(STANDARD_KEYS)
    categories = [
        WheelCategory(i + 1, key, key.replace("_", " ").capitalize(), colours[i % 7], i)
        for i, key in enumerate(keys)
    ]
    year = 2026
    items = []
    for n in range(EVENTS):
        start = date(year, 1, 1) + timedelta(days=rng.randint(0, 364))
        end = start + timedelta(days=rng.choice((0, 0, 0, 1, 2, 6)))
        items.append(
            CalendarItem(
                key=f"bench:{n}",
                title=f"Händelse {n} – trygghetsvandring",
                category=rng.choice(keys),
                start=start,
                end=end if end != start and end.year == year else None,
            )
        )

    wheel = AnnualWheelWidget()
    wheel.resize(SIZE, SIZE)
    wheel.show()
    wheel.set_data(Span.year(year), categories, items, title="Årshjul 2026")
    app.processEvents()

    c = SIZE / 2
    pens = [QPen(QColor(colour), 6) for colour in colours]
    arcs = []
    for n in range(EVENTS):
        radius = rng.uniform(50, SIZE / 2 - 20)
        rect = QRectF(c - radius, c - radius, 2 * radius, 2 * radius)
        arcs.append((rect, rng.randint(0, 5760), rng.randint(16, 400), pens[n % 7]))
    background = QColor("#f6f7f9")

    class BareArcs(QWidget):
        def paintEvent(self, _event):  # type: ignore[no-untyped-def]  # noqa: N802
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), background)
            for rect, angle, span, pen in arcs:
                painter.setPen(pen)
                painter.drawArc(rect, angle, span)
            painter.end()

    bare = BareArcs()
    bare.resize(SIZE, SIZE)
    bare.show()
    app.processEvents()

    def timed(widget) -> float:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        widget.repaint()
        return time.perf_counter() - start

    wheel_times, bare_times, rebuild_times = [], [], []
    for _ in range(runs):
        bare_times.append(timed(bare))
        wheel_times.append(timed(wheel))
        wheel.invalidate()
        rebuild_times.append(timed(wheel))
    value = statistics.median(wheel_times) * 1000
    baseline = statistics.median(bare_times) * 1000
    emit(
        f"wheel_repaint_{EVENTS}_events_vs_bare_arcs",
        value,
        "ms",
        baseline,
        TARGET,
        runs=runs,
        layout_and_paint_ms=round(statistics.median(rebuild_times) * 1000, 1),
        scene_builds=wheel.scene_builds,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
