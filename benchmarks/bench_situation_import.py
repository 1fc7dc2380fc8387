"""Benchmark: importing 100,000 indicator values from CSV, against a bare `executemany` of the
same rows into SQLite (same schema, same run). Target: at most 3× the bare insert.

`python benchmarks/bench_situation_import.py [--runs N] [--quick] [--data DIR]`
Prints JSON lines like benchmarks/run.py.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from jsonline import emit_wall_and_cpu

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = 3.0


def make_csv(n_values: int) -> tuple[bytes, list[tuple[str, str, str, float]]]:
    """Semicolon CSV with decimal commas: 20 indicators × areas × monthly periods."""
    rows: list[tuple[str, str, str, float]] = []
    indicators = [f"Indikator {i:02d}" for i in range(20)]
    per_indicator = n_values // len(indicators)
    months = [f"{y}-{m:02d}" for y in range(2000, 2030) for m in range(1, 13)]
    areas = [f"Område {a:03d}" for a in range(per_indicator // len(months) + 1)]
    for ind in indicators:
        count = 0
        for area in areas:
            for period in months:
                if count == per_indicator:
                    break
                rows.append((ind, area, period, round((count * 7.3) % 1000, 1)))
                count += 1
    lines = ["indikator;område;period;värde;enhet"]
    lines += [f"{i};{a};{p};{str(v).replace('.', ',')};antal" for i, a, p, v in rows]
    return ("\n".join(lines) + "\n").encode("utf-8"), rows


def fresh_db(folder: Path, name: str) -> Path:
    from trygghetsrad.db.engine import open_database

    path = folder / name
    open_database(path).close()
    return path


def time_import(folder: Path, data: bytes, run: int) -> tuple[float, float]:
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.services.situation import indicators as situation_indicators

    path = fresh_db(folder, f"import-{run}.sqlite")
    db = open_database(path)
    start, cpu = time.perf_counter(), time.process_time()
    with db.session() as s:
        result = situation_indicators.import_csv(s, data)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    db.close()
    assert result.values == 100_000, result.values
    return elapsed, cpu


def time_bare(
    folder: Path, rows: list[tuple[str, str, str, float]], run: int
) -> tuple[float, float]:
    path = fresh_db(folder, f"bare-{run}.sqlite")
    conn = sqlite3.connect(path)
    # The same connection settings as the app (engine.py): the rows are checked against the
    # same foreign key and unique constraint, only without any Python around the insert.
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    names = sorted({r[0] for r in rows})
    conn.executemany(
        "INSERT INTO indicators (name, unit, description, chart_kind, main_area, comparison_area)"
        " VALUES (?, 'antal', '', 'line', '', '')",
        [(n,) for n in names],
    )
    ids = dict(conn.execute("SELECT name, id FROM indicators"))
    params = [(ids[i], a, p, v) for i, a, p, v in rows]
    conn.commit()
    start, cpu = time.perf_counter(), time.process_time()
    conn.executemany(
        "INSERT INTO indicator_values (indicator_id, area, period, value) VALUES (?, ?, ?, ?)",
        params,
    )
    conn.commit()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    conn.close()
    return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", type=Path)
    parser.add_argument("--only", action="append")
    args = parser.parse_args()
    runs = 1 if args.quick else max(1, args.runs)
    data, rows = make_csv(100_000)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        imports, bares = [], []
        for run in range(runs):
            bares.append(time_bare(folder, rows, run))
            imports.append(time_import(folder, data, run))
    emit_wall_and_cpu(
        "situation_csv_import_100k", imports, bares, TARGET, rows=len(rows), runs=runs
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
