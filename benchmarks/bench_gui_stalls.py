"""Benchmark (issue 9, responsiveness): how long common actions block the GUI thread on ten
years of data, against the same action on the empty database in the same run.

`python benchmarks/bench_gui_stalls.py [--runs N] [--quick] [--data DIR] [--db PATH]`
prints JSON lines like benchmarks/run.py (`--db` measures one database and prints the raw
figures). Each action (switch meeting, select an agenda item, type in a list's search
field, sort a column, switch the wheel's year, open each Lägesbild sub-page, select the
indicator with the most values, open Uppdrag and change each of its filters, …) is
driven through the real widgets of the main window, offscreen. Its figure is the GUI thread's busy time: the handler itself plus every event
(deferred reloads, debounced filters, paints) processed in the 0.3 s after it, counting
only event-loop passes longer than 2 ms. `stall_ms` is the longest single pass (what the
user feels as a freeze). Typing figures are the slowest keystroke; sorting figures the
slowest column.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PY = sys.executable
DEMO_DATE = "2026-11-26"
SETTLE = 0.3  # seconds of event processing after each action
BUSY = 0.002  # an event-loop pass shorter than this is idle
TYPED = "trygghet"


# -- child: drive the window ------------------------------------------------------------------


class Meter:
    def __init__(self, app: Any) -> None:
        self.app = app
        self.results: dict[str, dict[str, Any]] = {}

    def drain(self, seconds: float) -> tuple[float, float]:
        from PySide6.QtCore import QEventLoop

        busy = stall = 0.0
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            t0 = time.perf_counter()
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            d = time.perf_counter() - t0
            if d >= BUSY:
                busy += d
                stall = max(stall, d)
            else:
                time.sleep(0.001)
        return busy, stall

    def measure(
        self,
        name: str,
        action: Callable[[], Any],
        note: str = "",
        busy_while: Callable[[], bool] = lambda: False,
    ) -> float:
        """`busy_while`: the action goes on in a worker thread meanwhile (e.g. the wheel's
        year being read); the GUI thread is measured until it is done, plus the settling."""
        self.drain(0.05)
        t0 = time.perf_counter()
        action()
        handler = time.perf_counter() - t0
        busy = stall = 0.0
        while busy_while() and time.perf_counter() - t0 < 30:
            b, s = self.drain(0.01)
            busy, stall = busy + b, max(stall, s)
        b, s = self.drain(SETTLE)
        busy, stall = busy + b, max(stall, s)
        total = (handler + busy) * 1000
        worst = max(handler, stall) * 1000
        old = self.results.get(name)
        if old is None or total > old["ms"]:
            self.results[name] = {"ms": round(total, 1), "stall_ms": round(worst, 1)}
            if note:
                self.results[name]["worst"] = note
        return total


def _visible(widgets: list[Any]) -> list[Any]:
    return [w for w in widgets if w.isVisible()]


def _lists_and_filters(meter: Meter, page: Any, prefix: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit, QTableView

    for n, field in enumerate(_visible(page.findChildren(QLineEdit))):
        if field.property("role") != "search" and "sök" not in field.accessibleName().lower():
            continue
        name = f"{prefix}_filter_{field.accessibleName() or n}"
        for i in range(1, len(TYPED) + 1):
            meter.measure(name, lambda f=field, t=TYPED[:i]: f.setText(t), f"key {i}")
        meter.measure(name, field.clear, "clear")
    for view in _visible(page.findChildren(QTableView)):
        if not view.isSortingEnabled() or view.model() is None:
            continue
        name = f"{prefix}_sort_{view.accessibleName()}"
        header = view.model()
        for column in range(header.columnCount()):
            if view.isColumnHidden(column):
                continue
            title = header.headerData(column, Qt.Orientation.Horizontal) or column
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                meter.measure(
                    name,
                    lambda v=view, c=column, o=order: v.sortByColumn(c, o),
                    f"{title} {order.name}",
                )


def _action_register(meter: Meter, window: Any) -> None:
    """Uppdrag: the first paint until its rows have arrived (read in a worker thread, so
    counted with `busy_while`), each filter's choices, typing and sorting."""
    from PySide6.QtWidgets import QComboBox

    shown: dict[str, Any] = {}
    meter.measure(
        "actions_open_tab",
        lambda: shown.setdefault("page", window.show_tab("actions")),
        busy_while=lambda: bool(getattr(shown.get("page"), "loading", False)),
    )
    page = shown["page"]
    for combo in _visible(page.findChildren(QComboBox)):
        for i in [*range(1, min(combo.count(), 5)), 0]:
            meter.measure(
                "actions_filter_change",
                lambda c=combo, i=i: c.setCurrentIndex(i),
                f"{combo.accessibleName()}: {combo.itemText(i)}",
            )
    _lists_and_filters(meter, page, "actions")


def child(db_path: Path) -> dict[str, dict[str, Any]]:
    from PySide6.QtWidgets import QListView, QTableView, QTabWidget

    from trygghetsrad.app import make_application
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.ui.main_window import MainWindow, qsettings

    app = make_application()
    qsettings().setValue("window/tab", "register")
    window = MainWindow(open_database(db_path))
    window.resize(1366, 740)
    window.show()
    meter = Meter(app)
    meter.drain(0.5)

    # Möten: open, switch meetings, select agenda items, sub-tabs, filters, sorting.
    page = None

    def open_meetings() -> None:
        nonlocal page
        page = window.show_tab("meetings")

    meter.measure("meetings_open_tab", open_meetings)
    meetings = next(
        v
        for v in page.findChildren(QTableView)
        if v.accessibleName() == "Möten"  # type: ignore[union-attr]
    )
    for row in range(min(6, meetings.model().rowCount())):
        meter.measure("meetings_switch_meeting", lambda r=row: meetings.selectRow(r), f"row {row}")
    inner = next(
        (t for t in page.findChildren(QTabWidget) if t.count() > 1),
        None,  # type: ignore[union-attr]
    )
    if inner is not None:
        for i in range(inner.count()):
            inner.setCurrentIndex(i)
            agenda = _visible(page.findChildren(QListView))  # type: ignore[union-attr]
            if agenda:
                view = agenda[0]
                for row in range(min(6, view.model().rowCount())):
                    meter.measure(
                        "meetings_select_agenda_item",
                        lambda v=view, r=row: v.setCurrentIndex(v.model().index(r, 0)),
                        f"item {row}",
                    )
        for i in range(inner.count()):
            meter.measure(
                "meetings_switch_subtab", lambda i=i: inner.setCurrentIndex(i), inner.tabText(i)
            )
            _lists_and_filters(meter, page, f"meetings_{i}")
        inner.setCurrentIndex(0)
    _lists_and_filters(meter, page, "meetings")

    # Årshjul: open (the current year), switch years, filter and sort its list.
    meter.measure("wheel_open_tab", lambda: window.show_tab("wheel"))
    wheel = window.show_tab("wheel")
    switch = getattr(wheel, "show_year", wheel.set_year)  # as ◀ ▶ and Idag do it

    def loading() -> bool:
        return bool(getattr(wheel, "loading", False))

    for year in (2021, 2017, 2026):
        meter.measure("wheel_switch_year", lambda y=year: switch(y), str(year), loading)
    _lists_and_filters(meter, wheel, "wheel")

    # Lägesbild: each sub-page, the indicator with the most values, the follow-up's year.
    meter.measure("situation_open_tab", lambda: window.show_tab("situation"))
    situation = window.show_tab("situation")
    tabs = situation.tabs
    for i in range(tabs.count()):
        meter.measure(
            "situation_open_subpage", lambda i=i: tabs.setCurrentIndex(i), tabs.tabText(i)
        )
        sub = tabs.currentWidget()
        sub = getattr(sub, "ensure_page", lambda s=sub: s)()
        _lists_and_filters(meter, sub, f"situation_{i}")
        if hasattr(sub, "list_model") and hasattr(sub, "select"):  # Indikatorer
            with sqlite3.connect(db_path) as conn:
                found = conn.execute(
                    "SELECT indicator_id, count(*) FROM indicator_values "
                    "GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
                ).fetchone()
            if found:
                meter.measure(
                    "situation_select_biggest_indicator",
                    lambda s=sub, ind=found[0]: s.select(ind),
                    f"{found[1]} values",
                )
        if type(sub).__name__ == "FollowUpPage":
            for year in (2025, 2026):
                meter.measure(
                    "situation_followup_year", lambda s=sub, y=year: s.year.setValue(y), str(year)
                )

    # Register: each list's search field and columns.
    meter.measure("register_open_tab", lambda: window.show_tab("register"))
    register = window.show_tab("register")
    inner = next((t for t in register.findChildren(QTabWidget) if t.count() > 1), None)
    for i in range(inner.count() if inner else 1):
        if inner is not None:
            meter.measure(
                "register_switch_subtab", lambda i=i: inner.setCurrentIndex(i), inner.tabText(i)
            )
        _lists_and_filters(meter, register, f"register_{i}")
    _action_register(meter, window)
    window.ctx.database.close()
    return meter.results


# -- parent: both databases, several runs -----------------------------------------------------


def _make(path: Path, years: int) -> None:
    if path.exists():
        return
    cli = [PY, "-m", "trygghetsrad", "--db", str(path)]
    if years:
        cmd = [*cli, "demo", "--date", DEMO_DATE, "--years", str(years)]
    else:  # reading commands never create a database: make the empty one as the app does
        make_empty = "import sys; from trygghetsrad.db.engine import open_database; "
        make_empty += "open_database(__import__('pathlib').Path(sys.argv[1])).close()"
        cmd = [PY, "-c", make_empty, str(path)]
    subprocess.run(cmd, check=True, capture_output=True)


def _run_child(db: Path) -> dict[str, dict[str, Any]]:
    with tempfile.TemporaryDirectory() as home:  # own QSettings, no window state carried over
        env = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
        out = subprocess.run(
            [PY, __file__, "--db", str(db)], check=True, capture_output=True, text=True, env=env
        ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", type=Path)
    parser.add_argument("--db", type=Path, help="measure this database only (child mode)")
    args = parser.parse_args(argv)
    if args.db:
        print(json.dumps(child(args.db), ensure_ascii=False), flush=True)
        return 0
    runs = 1 if args.quick else max(1, min(args.runs, 3))
    years = 1 if args.quick else 10
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp)
        data.mkdir(parents=True, exist_ok=True)
        empty, big = data / "tom.sqlite", data / f"{years}-år.sqlite"
        _make(empty, 0)
        _make(big, years)
        found: dict[str, list[dict[str, dict[str, Any]]]] = {"empty": [], "big": []}
        for _ in range(runs):  # interleaved, so that load on the machine hits both alike
            found["empty"].append(_run_child(empty))
            found["big"].append(_run_child(big))
    for name in sorted(found["big"][0]):
        value = statistics.median(r[name]["ms"] for r in found["big"] if name in r)
        stall = statistics.median(r[name]["stall_ms"] for r in found["big"] if name in r)
        base = [r[name]["ms"] for r in found["empty"] if name in r]
        baseline = statistics.median(base) if base else None
        line = {
            "name": re.sub(r"\W+", "_", f"gui_busy_{name}_years{years}_vs_empty".lower()),
            "value": round(value, 1),
            "unit": "ms",
            "baseline": round(baseline, 1) if baseline is not None else None,
            "ratio": round(value / baseline, 2) if baseline else None,
            "target": None,
            "ok": None,
            "stall_ms": round(stall, 1),
            "over_50ms": value > 50,
            "worst": found["big"][0][name].get("worst", ""),
            "runs": runs,
        }
        print(json.dumps(line, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
