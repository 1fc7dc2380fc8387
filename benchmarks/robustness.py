"""Robustness run for docs/robustness.md: many SIGKILLs while writing, many mutated imports.

    .venv/bin/python benchmarks/robustness.py [--kills 300] [--import-kills 60] [--mutations 2000]

Prints the figures; nothing here is a test (tests/db/test_kill.py and
tests/services/test_portable.py run smaller numbers of the same checks).
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def _mutations(document: dict, count: int, seed: int) -> tuple[int, int, int]:
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.errors import UserError
    from trygghetsrad.services import portable

    rng = random.Random(seed)
    values = [
        None,
        True,
        False,
        0,
        -1,
        2**70,
        1.5,
        "",
        "x" * 300,
        "2026-02-30",
        "30000-01-01",
        "\u202eRTL",
        "😀",
        "\x00",
        [],
        {},
        {"a": 1},
        "åäö",
    ]
    refused = imported = crashed = 0
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "m.sqlite")

        def state() -> dict:
            with db.session() as s:
                found = portable.export_data(s)
            found.pop("exported_at")
            return found

        before = state()
        for _ in range(count):
            doc = copy.deepcopy(document)
            tables = [t for t, rows in doc["tables"].items() if rows]
            for _ in range(rng.randint(1, 3)):
                rows = doc["tables"][rng.choice(tables)]
                if not rows:
                    continue
                row = rng.choice(rows)
                action = rng.choice(["set", "delete", "add", "drop", "duplicate"])
                if action == "set":
                    row[rng.choice(sorted(row))] = rng.choice(values)
                elif action == "delete":
                    del row[rng.choice(sorted(row))]
                elif action == "add":
                    row[rng.choice(["extra", "id2", "ÅÄÖ"])] = rng.choice(values)
                elif action == "drop":
                    rows.remove(row)
                else:
                    rows.append(copy.deepcopy(row))
            expected = sum(len(r) for r in doc["tables"].values())
            try:
                with db.session() as s:
                    portable.import_data(s, doc, replace=True)
            except UserError:
                if state() != before:
                    crashed += 1  # partial import
                refused += 1
                continue
            except Exception:  # noqa: BLE001
                crashed += 1
                continue
            with db.session() as s:
                got = sum(len(r) for r in portable.export_data(s)["tables"].values())
                if got != expected:
                    crashed += 1
                portable.import_data(s, before, replace=True)
            imported += 1
        db.close()
    return refused, imported, crashed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--import-kills", type=int, default=60)
    parser.add_argument("--mutations", type=int, default=2000)
    args = parser.parse_args()

    from killing import run_kills

    from trygghetsrad.db.engine import open_database
    from trygghetsrad.services import demo, portable

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        path = base / "kill.sqlite"
        open_database(path).close()
        started = time.perf_counter()
        small = run_kills(path, args.kills, mode="small", seed=11, max_delay=0.2)
        print(
            f"small transactions: {small.kills} kills, {small.commits_seen} commits reported, "
            f"integrity failures {len(small.integrity_failures)}, "
            f"invariant failures {len(small.invariant_failures)} "
            f"({time.perf_counter() - started:.0f} s)"
        )
        path = base / "import.sqlite"
        db = open_database(path)
        with db.session() as s:
            demo.fill(s, date(2026, 11, 26))
            first = portable.export_data(s)
        db.close()
        second = copy.deepcopy(first)
        for person in second["tables"]["people"]:
            person["name"] += " (B)"
        docs = (base / "a.json", base / "b.json")
        for doc, data in zip(docs, (first, second), strict=True):
            doc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        started = time.perf_counter()
        whole = run_kills(
            path, args.import_kills, mode="import", documents=docs, seed=12, max_delay=0.4
        )
        print(
            f"whole-database imports: {whole.kills} kills, {whole.commits_seen} imports reported, "
            f"states found {whole.states}, integrity failures {len(whole.integrity_failures)}, "
            f"mixtures {len(whole.invariant_failures)} ({time.perf_counter() - started:.0f} s)"
        )
        started = time.perf_counter()
        refused, imported, crashed = _mutations(first, args.mutations, seed=13)
        print(
            f"mutated imports: {args.mutations} files, {refused} refused with a message, "
            f"{imported} valid and imported whole, {crashed} crashes or partial imports "
            f"({time.perf_counter() - started:.0f} s)"
        )
        ok = small.ok and whole.ok and crashed == 0
    print("RESULT:", "held" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
