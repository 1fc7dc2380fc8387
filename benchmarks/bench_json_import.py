"""Benchmark: peak memory of `trygghetsrad import data` on a big JSON export, against the size
of the file (same run).

`python benchmarks/bench_json_import.py [--runs N] [--quick] [--data DIR] [--megabytes N]`
Prints JSON lines like benchmarks/run.py:

- `json_import_peak_memory_vs_file_size`: the peak resident memory of the command (`ru_maxrss`
  of the child, via `wait4`) importing a 500 MB export into a new database, against the
  file's size. Target: at most 4×. Before the import read the file record by record it
  held the text, the parsed document and every checked row at once: 2.4 GB for 500 MB.
  `footprint_mib` is the same command importing the example data alone (the program's own
  memory, which a small file can't fall below); `seconds` the command's wall time.

The file is the example data (`demo --date 2026-11-26`) with its meetings copied, each with
its agenda, notes, decisions, actions, attendance and groups, under new ids until the file
has the size asked for; written one record at a time, so this script stays small too.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from jsonline import emit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = 4.0
DEMO_DATE = "2026-11-26"
# Children of a meeting, copied with it: (table, column pointing at its parent, parent table)
COPIED = (
    ("meetings", None, None),
    ("meeting_groups", "meeting_id", "meetings"),
    ("attendance", "meeting_id", "meetings"),
    ("agenda_items", "meeting_id", "meetings"),
    ("agenda_notes", "item_id", "agenda_items"),
    ("decisions", "item_id", "agenda_items"),
    ("action_items", "item_id", "agenda_items"),
)


def env() -> dict[str, str]:
    variables = dict(os.environ)
    variables["PYTHONPATH"] = str(ROOT) + os.pathsep + variables.get("PYTHONPATH", "")
    variables["QT_QPA_PLATFORM"] = "offscreen"
    variables.pop("TRYGGHETSRAD_DB", None)
    return variables


def run(args: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of a command-line run."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "trygghetsrad", *args],
        env=env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    err = proc.stderr.read() if proc.stderr else b""  # type: ignore[union-attr]
    _pid, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{args} failed: {err.decode(errors='replace')[-2000:]}")
    return time.perf_counter() - start, int(usage.ru_maxrss)


def demo_export(folder: Path, data: Path | None) -> dict[str, Any]:
    source = data / "exempel.sqlite" if data else None
    if source is None or not source.exists():
        source = folder / "exempel.sqlite"
        run(["--db", str(source), "demo", "--date", DEMO_DATE])
    out = folder / "exempel.json"
    run(["--db", str(source), "export", "data", str(out)])
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def write_big(document: dict[str, Any], target: Path, megabytes: int) -> int:
    """The example data grown to `megabytes` by copies of its meetings; the record count."""
    from trygghetsrad.services import portable

    tables = document["tables"]
    next_id = {t: max((r.get("id", 0) for r in tables[t]), default=0) + 1 for t, _c, _p in COPIED}
    size_per_copy = len(json.dumps(tables["meetings"])) + sum(
        len(json.dumps(tables[t])) for t, _c, _p in COPIED[1:]
    )
    copies = max(1, megabytes * 1_000_000 // max(size_per_copy, 1))
    count = 0
    with target.open("w", encoding="utf-8") as out:
        header = {k: v for k, v in document.items() if k != "tables"}
        out.write(json.dumps(header, ensure_ascii=False)[:-1] + ',\n "tables": {\n')
        for n, table in enumerate(t.name for t in portable.tables()):
            out.write(("" if n == 0 else ",\n") + f"  {json.dumps(table)}: [")
            first = True

            def put(row: dict[str, Any], table: str = table) -> None:
                nonlocal first, count
                out.write(("\n   " if first else ",\n   ") + json.dumps(row, ensure_ascii=False))
                first = False
                count += 1

            for row in tables.get(table, []):
                put(row)
            copied = next((c for c in COPIED if c[0] == table), None)
            if copied is not None:
                _t, column, parent = copied
                for k in range(copies):
                    for row in _copies(tables, table, column, parent, k, next_id):
                        put(row)
            out.write("\n  ]")
        out.write("\n }\n}\n")
    return count


def _copies(
    tables: dict[str, list[dict[str, Any]]],
    table: str,
    column: str | None,
    parent: str | None,
    copy: int,
    next_id: dict[str, int],
) -> list[dict[str, Any]]:
    """Copy `copy` of the rows of `table`: ids moved past the originals by a whole block per
    copy, and references to a copied parent moved with it."""
    offset = {t: n * (copy + 1) for t, n in next_id.items()}
    rows = []
    for row in tables[table]:
        new = dict(row)
        if "id" in row:  # meeting_groups has no id of its own
            new["id"] = row["id"] + offset[table]
        if column is not None and parent is not None:
            new[column] = row[column] + offset[parent]
        if table == "meetings":
            new["previous_meeting_id"] = None
        rows.append(new)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--data", type=Path)
    parser.add_argument("--only", action="append")
    parser.add_argument("--megabytes", type=int, default=None)
    args = parser.parse_args()
    megabytes = args.megabytes or (60 if args.quick else 500)
    runs = 1 if args.quick else max(1, min(args.runs, 2))  # one run of 500 MB takes minutes
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        document = demo_export(folder, args.data)
        big = folder / "stor.json"
        records = write_big(document, big, megabytes)
        small = folder / "exempel.json"
        peaks, seconds, footprints = [], [], []
        for n in range(runs):
            _s, footprint = run(
                ["--db", str(folder / f"liten-{n}.sqlite"), "import", "data", str(small)]
            )
            footprints.append(footprint)
            took, peak = run(["--db", str(folder / f"stor-{n}.sqlite"), "import", "data", str(big)])
            peaks.append(peak)
            seconds.append(took)
        size = big.stat().st_size
    value = statistics.median(peaks) / 1024
    baseline = size / (1024 * 1024)
    emit(
        "json_import_peak_memory_vs_file_size",
        value,
        "MiB",
        baseline,
        TARGET,
        digits=1,
        records=records,
        footprint_mib=round(statistics.median(footprints) / 1024, 1),
        seconds=round(statistics.median(seconds), 1),
        runs=runs,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
