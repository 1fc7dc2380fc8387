"""Robustness run for docs/robustness.md: many SIGKILLs while writing, many mutated imports.

    .venv/bin/python benchmarks/robustness.py [--kills 300] [--import-kills 60] [--mutations 2000]
        [--restore-kills 60]

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


def _restore_kills(folder: Path, kills: int, seed: int) -> dict[str, int]:
    """Kill restores of the example data over a database whose newest commit is in its WAL."""
    import sqlite3

    from killing import (
        NEW,
        OLD,
        RESTORE_POINTS,
        integrity,
        names,
        restore_setup,
        run_restore,
        wal_copy,
    )

    from trygghetsrad import demo

    folder.mkdir()
    template, source = restore_setup(folder, lambda s: demo.fill(s, date(2026, 11, 26)))
    rng = random.Random(seed)
    started = time.perf_counter()
    run_restore(wal_copy(template, folder / "mätning.sqlite"), source)
    duration = time.perf_counter() - started  # random kills land within one restore's time
    found = {"kills": 0, "at points": 0, "old": 0, "new": 0, "failures": 0}
    for n in range(kills):
        victim = wal_copy(template, folder / f"offer-{n}.sqlite")
        point = RESTORE_POINTS[n % len(RESTORE_POINTS)] if n < kills // 2 else ""
        delay = None if point else rng.uniform(0.0, duration)
        outcome = run_restore(victim, source, point=point, delay=delay)
        found["kills"] += outcome.exit_code == -9
        found["at points"] += bool(point) and outcome.exit_code == -9
        state = names(victim) if integrity(victim) == "ok" else None
        if state == OLD:
            found["old"] += 1
        elif state == NEW:
            found["new"] += 1
        else:
            found["failures"] += 1
        for side in ("", "-wal", "-shm", "-journal"):
            victim.with_name(victim.name + side).unlink(missing_ok=True)
    victim = wal_copy(template, folder / "låst.sqlite")
    holder = sqlite3.connect(victim, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO people (name) VALUES ('Främmande')")
    outcome = run_restore(victim, source)
    holder.execute("COMMIT")
    holder.close()
    kept = names(victim) == sorted([*OLD, "Främmande"])
    found["refused locked"] = int(outcome.messages[-1].startswith("refused:") and kept)
    outcome = run_restore(victim, source, full_disk=True)
    kept = names(victim) == sorted([*OLD, "Främmande"])
    found["refused full"] = int(outcome.messages[-1].startswith("refused:") and kept)
    found["failures"] += 2 - found["refused locked"] - found["refused full"]
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--import-kills", type=int, default=60)
    parser.add_argument("--mutations", type=int, default=2000)
    parser.add_argument("--restore-kills", type=int, default=60)
    args = parser.parse_args()

    from killing import run_kills

    from trygghetsrad import demo
    from trygghetsrad.db.engine import open_database
    from trygghetsrad.services import portable

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
        started = time.perf_counter()
        restored = _restore_kills(base / "restore", args.restore_kills, seed=14)
        print(
            f"restores: {restored['kills']} kills ({restored['at points']} at the points around "
            f"the WAL removal and the rename, the rest at random moments), old database with "
            f"its newest commit {restored['old']}, restored {restored['new']}, failures "
            f"{restored['failures']}; refused under another program's write lock "
            f"{restored['refused locked']}/1, with a full backup disk "
            f"{restored['refused full']}/1 ({time.perf_counter() - started:.0f} s)"
        )
        ok = small.ok and whole.ok and crashed == 0 and restored["failures"] == 0
    print("RESULT:", "held" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
