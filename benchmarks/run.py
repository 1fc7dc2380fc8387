"""Benchmarks: `python benchmarks/run.py [--quick] [--runs N] [--data DIR] [--only NAME]`.

Prints one JSON object per line: name, value, unit, baseline, ratio (value / baseline),
target (the highest acceptable ratio, or null when the figure is only reported) and ok.
Every figure is measured against a baseline in the same run: medians of several runs, with
the measured thing and its baseline interleaved so that machine noise hits both alike.

Benchmarks of other areas live beside this file as `bench_*.py`: each is run as a child
process with the same arguments and its JSON lines are passed through.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jsonline import emit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
DEMO_DATE = "2026-11-26"
TABS = ["meetings", "wheel", "situation", "register"]


@dataclass
class Child:
    seconds: float  # spawn to exit
    maxrss_kb: int
    stdout: str
    first_paint: float | None = None  # spawn to the "first-paint <time>" line, if printed
    cpu: float = 0.0  # user + system seconds of the whole child (less sensitive to load)
    interactive: float | None = None  # spawn to the "interactive <time>" line, if printed


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        env[var] = str(home / sub)
    env.pop("TRYGGHETSRAD_DB", None)
    # As installed, the program runs from compiled bytecode: without it every start-up would
    # compile the package's modules again (the unmeasured warm-up run writes the .pyc files).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(args: list[str], env: dict[str, str]) -> Child:
    """Run a child to completion; its wall time and its own peak RSS (not the cumulative one)."""
    spawned = time.time()
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read() if proc.stdout else b""  # type: ignore[union-attr]
    err = proc.stderr.read() if proc.stderr else b""  # type: ignore[union-attr]
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args)} exited {proc.returncode}: {err.decode(errors='replace')[-2000:]}"
        )
    text = out.decode()
    first_paint = interactive = None
    for line in text.splitlines():
        if line.startswith("first-paint "):
            first_paint = float(line.split()[1]) - spawned
        elif line.startswith("interactive "):
            interactive = float(line.split()[1]) - spawned
    cpu = usage.ru_utime + usage.ru_stime
    return Child(seconds, int(usage.ru_maxrss), text, first_paint, cpu, interactive)


# -- data ------------------------------------------------------------------------------------


def make_databases(folder: Path, years: int, env: dict[str, str]) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "empty": folder / "tom.sqlite",
        "demo": folder / "exempel.sqlite",
        f"years{years}": folder / f"{years}-år.sqlite",
    }
    cli = [PY, "-m", "trygghetsrad"]
    if not paths["empty"].exists():
        # Reading commands never create a database: make the empty one as the app opens it.
        make_empty = "import sys; from trygghetsrad.db.engine import open_database; "
        make_empty += "open_database(__import__('pathlib').Path(sys.argv[1])).close()"
        run_child([PY, "-c", make_empty, str(paths["empty"])], env)
    if not paths["demo"].exists():
        run_child([*cli, "--db", str(paths["demo"]), "demo", "--date", DEMO_DATE], env)
    big = paths[f"years{years}"]
    if not big.exists():
        run_child([*cli, "--db", str(big), "demo", "--date", DEMO_DATE, "--years", str(years)], env)
    for path in paths.values():  # fold the WAL in, so every run starts from the same file
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return paths


# -- start-up --------------------------------------------------------------------------------


@dataclass
class Samples:
    seconds: dict[str, list[float]] = field(default_factory=dict)
    rss: dict[str, list[int]] = field(default_factory=dict)
    total: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    interactive: dict[str, list[float]] = field(default_factory=dict)

    def add(self, key: str, child: Child) -> None:
        assert child.first_paint is not None, f"{key}: no first paint reported"
        self.seconds.setdefault(key, []).append(child.first_paint)
        self.total.setdefault(key, []).append(child.seconds)
        self.cpu.setdefault(key, []).append(child.cpu)
        self.rss.setdefault(key, []).append(child.maxrss_kb)
        # The app's start-up ends when the real page has painted; the bare window has no such
        # moment beyond its first paint.
        done = child.interactive if child.interactive is not None else child.first_paint
        self.interactive.setdefault(key, []).append(done)

    def time(self, key: str) -> float:
        return statistics.median(self.seconds[key])

    def cpu_ms(self, key: str) -> float:
        return round(statistics.median(self.cpu[key]) * 1000)

    def interactive_ms(self, key: str) -> float:
        return round(statistics.median(self.interactive[key]) * 1000)

    def whole(self, key: str) -> float:
        return statistics.median(self.total[key]) * 1000

    def mem(self, key: str) -> float:
        return statistics.median(self.rss[key])


def startup(
    paths: dict[str, Path], big: str, runs: int, env: dict[str, str], warm: bool = True
) -> None:
    commands: dict[str, list[str]] = {
        "bare": [PY, str(HERE / "bare_window.py")],
        "bare_orm": [PY, str(HERE / "bare_window.py"), "--orm"],
    }
    for key in ("empty", "demo", big):
        commands[key] = [
            PY,
            str(HERE / "startup_probe.py"),
            "--db",
            str(paths[key]),
            "--exit-after-startup",
        ]
    samples = Samples()
    for command in commands.values() if warm else ():  # warm the OS file cache, unmeasured
        run_child(command, env)
    for _ in range(runs):
        for key, command in commands.items():
            samples.add(key, run_child(command, env))
    emit(
        "startup_first_paint_demo_vs_bare_window",
        samples.time("demo") * 1000,
        "ms",
        samples.time("bare") * 1000,
        3.0,
        runs=runs,
        interactive_ms=samples.interactive_ms("demo"),
        process_ms=round(samples.whole("demo")),
        process_baseline_ms=round(samples.whole("bare")),
        cpu_ms=samples.cpu_ms("demo"),
        cpu_baseline_ms=samples.cpu_ms("bare"),
    )
    emit(
        f"startup_first_paint_{big}_vs_empty",
        samples.time(big) * 1000,
        "ms",
        samples.time("empty") * 1000,
        1.15,
        runs=runs,
        interactive_ms=samples.interactive_ms(big),
        interactive_baseline_ms=samples.interactive_ms("empty"),
        process_ms=round(samples.whole(big)),
        process_baseline_ms=round(samples.whole("empty")),
        cpu_ms=samples.cpu_ms(big),
        cpu_baseline_ms=samples.cpu_ms("empty"),
    )
    emit(
        f"startup_peak_memory_{big}_vs_bare_window",
        samples.mem(big) / 1024,
        "MiB",
        samples.mem("bare") / 1024,
        2.0,
        runs=runs,
    )
    # Start-up to interactive: launch until the real page is built and `--exit-after-startup`
    # exits, against a bare window that also imports SQLAlchemy's ORM (issue 18.7).
    for key in ("demo", big):
        emit(
            f"startup_interactive_{key}_vs_bare_orm_window",
            samples.interactive_ms(key),
            "ms",
            samples.interactive_ms("bare_orm"),
            2.0,
            runs=runs,
            first_paint_ms=round(samples.time(key) * 1000),
            bare_window_ms=samples.interactive_ms("bare"),
            cpu_ms=samples.cpu_ms(key),
            cpu_baseline_ms=samples.cpu_ms("bare_orm"),
        )
    # The process exits at that moment, so its peak RSS is the peak up to it (the ten-year
    # database's is the line above).
    emit(
        "startup_peak_memory_interactive_demo_vs_bare_window",
        samples.mem("demo") / 1024,
        "MiB",
        samples.mem("bare") / 1024,
        2.0,
        runs=runs,
        bare_orm_window_mib=round(samples.mem("bare_orm") / 1024, 1),
    )


# -- search ----------------------------------------------------------------------------------

QUERIES = ["norrby", "trygghetsvandring", "klotter belysning", "åsa", "skol", "polisen lägesbild"]


def search(paths: dict[str, Path], big: str, runs: int) -> None:
    """The search service (session, ranking, snippets, owners) vs the same FTS5 SQL in sqlite3:
    the ranking over every tier (words, inside words, without å/ä/ö) and the hits' text."""
    sys.path.insert(0, str(ROOT))
    from trygghetsrad.db import search_index as index
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.domain.search import MARK_END, MARK_START
    from trygghetsrad.services import search as service

    path = paths[big]
    db = open_database(path)
    raw = sqlite3.connect(path)

    def app_query(text: str) -> float:
        t0 = time.perf_counter()
        with db.session() as session:
            service.search(session, text=text)
        return time.perf_counter() - t0

    substring = None
    with db.session() as session:
        substring = index.substring_index(session.connection())

    def raw_query(text: str) -> float:
        t0 = time.perf_counter()
        used = service.tiers(text, substring)
        ranked = raw.execute(
            service.rank_sql(used), service.rank_params(used, service.PER_KIND)
        ).fetchall()
        exact = [row[0] for row in ranked if row[2] == service.WORDS]
        if exact:
            marks = (MARK_START, MARK_END, MARK_START, MARK_END)
            raw.execute(
                service.DETAIL_SQL % ", ".join("?" for _ in exact),
                (*marks, used[0][1], *exact),
            ).fetchall()
        inside = [row[0] for row in ranked if row[2] != service.WORDS]
        if inside:
            raw.execute(service.TEXT_SQL % ", ".join("?" for _ in inside), inside).fetchall()
        return time.perf_counter() - t0

    for text in QUERIES:  # warm caches
        app_query(text)
        raw_query(text)
    app_times: list[float] = []
    raw_times: list[float] = []
    for _ in range(max(runs, 5)):
        for text in QUERIES:
            raw_times.append(raw_query(text))
            app_times.append(app_query(text))
    db.close()
    raw.close()
    emit(
        f"search_{big}_vs_sqlite3_fts5",
        statistics.median(app_times) * 1000,
        "ms",
        statistics.median(raw_times) * 1000,
        2.0,
        queries=len(QUERIES),
        worst_ms=round(max(app_times) * 1000, 2),
    )


# -- tabs ------------------------------------------------------------------------------------


def tab_switch(paths: dict[str, Path], big: str, runs: int, env: dict[str, str]) -> None:
    """Time to painted when a tab is first opened, ten-year database vs the empty one."""
    plans = [(TABS[-1], TABS[:-1]), (TABS[0], TABS[-1:])]
    results: dict[str, dict[str, list[float]]] = {big: {}, "empty": {}}
    for _ in range(runs):
        for key in (big, "empty"):
            for start, targets in plans:
                child = run_child(
                    [PY, str(HERE / "tab_switch.py"), str(paths[key]), start, *targets], env
                )
                for tab, ms in json.loads(child.stdout.strip().splitlines()[-1]).items():
                    results[key].setdefault(tab, []).append(ms)
    for tab in TABS:
        emit(
            f"tab_first_open_{tab}_{big}_vs_empty",
            statistics.median(results[big][tab]),
            "ms",
            statistics.median(results["empty"][tab]),
            None,
            runs=runs,
        )


# -- other areas' benchmarks -----------------------------------------------------------------


def others(args: argparse.Namespace, env: dict[str, str], data: Path) -> None:
    for script in sorted(HERE.glob("bench_*.py")):
        command = [PY, str(script), "--runs", str(args.runs), "--data", str(data)]
        if args.quick:
            command.append("--quick")
        try:
            child = run_child(command, env)
        except RuntimeError as exc:
            print(
                json.dumps({"name": script.stem, "error": str(exc)[-500:]}, ensure_ascii=False),
                flush=True,
            )
            continue
        for line in child.stdout.splitlines():
            if line.strip().startswith("{"):
                print(line, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run, one year: a smoke test")
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (median)")
    parser.add_argument("--years", type=int, default=10, help="years of history in the big db")
    parser.add_argument("--data", type=Path, help="keep the generated databases here")
    parser.add_argument("--only", action="append", help="startup, search, tabs or others")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.years = 1, 1
    only = set(args.only or ["startup", "search", "tabs", "others"])
    with tempfile.TemporaryDirectory(prefix="trygghetsrad-bench-") as tmp:
        home = Path(tmp) / "home"
        env = child_env(home)
        data = args.data or Path(tmp) / "data"
        paths = make_databases(data, args.years, env)
        big = f"years{args.years}"
        steps: list[tuple[str, Callable[[], None]]] = [
            ("startup", lambda: startup(paths, big, args.runs, env, warm=not args.quick)),
            ("search", lambda: search(paths, big, args.runs)),
            ("tabs", lambda: tab_switch(paths, big, args.runs, env)),
            ("others", lambda: others(args, env, data)),
        ]
        for name, step in steps:
            if name in only:
                step()
    return 0


if __name__ == "__main__":
    sys.exit(main())
