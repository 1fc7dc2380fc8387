"""SIGKILL while writing, many times: the file stays whole and holds a before-or-after state.

A few kills here; benchmarks/kill_many.py runs hundreds and docs/robustness.md reports them.
"""

from __future__ import annotations

import copy
import json
import random
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from killing import (
    NEW,
    OLD,
    RESTORE_POINTS,
    integrity,
    names,
    restore_setup,
    run_kills,
    run_restore,
    wal_copy,
)

from trygghetsrad.db.engine import open_database


def test_killed_during_small_transactions(tmp_path: Path) -> None:
    path = tmp_path / "dödad.sqlite"
    open_database(path).close()
    stats = run_kills(path, 12, mode="small", seed=1, max_delay=0.15)
    assert stats.ok, stats.integrity_failures + stats.invariant_failures
    assert stats.kills == 12 and stats.commits_seen > 12


def test_killed_during_whole_database_imports(tmp_path: Path) -> None:
    from trygghetsrad import demo
    from trygghetsrad.services import portable

    path = tmp_path / "import.sqlite"
    db = open_database(path)
    with db.session() as s:
        demo.fill(s, date(2026, 11, 26))
        first = portable.export_data(s)
    db.close()
    second = copy.deepcopy(first)
    for person in second["tables"]["people"]:
        person["name"] = person["name"] + " (B)"
    docs = (tmp_path / "a.json", tmp_path / "b.json")
    for doc, data in zip(docs, (first, second), strict=True):
        doc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    stats = run_kills(path, 6, mode="import", documents=docs, seed=2, max_delay=0.3)
    assert stats.ok, stats.integrity_failures + stats.invariant_failures
    assert sum(stats.states.values()) == 6


@pytest.mark.parametrize("point", RESTORE_POINTS)
def test_restore_killed_around_the_wal_removal_leaves_the_old_or_the_new_database(
    tmp_path: Path, point: str
) -> None:
    template, source = restore_setup(tmp_path)
    victim = wal_copy(template, tmp_path / "offer.sqlite")
    outcome = run_restore(victim, source, point=point)
    assert outcome.exit_code == -9, outcome.messages  # the point was reached
    assert integrity(victim) == "ok"
    assert names(victim) in (OLD, NEW)
    open_database(victim).close()
    assert names(victim) in (OLD, NEW)


def test_restore_killed_at_random_moments(tmp_path: Path) -> None:
    template, source = restore_setup(tmp_path)
    rng = random.Random(3)
    seen = []
    for n in range(6):
        victim = wal_copy(template, tmp_path / f"offer-{n}.sqlite")
        run_restore(victim, source, delay=rng.uniform(0.0, 0.12))
        assert integrity(victim) == "ok"
        seen.append(names(victim))
        assert seen[-1] in (OLD, NEW)


def test_restore_under_a_foreign_write_lock_and_with_a_full_backup_disk(tmp_path: Path) -> None:
    template, source = restore_setup(tmp_path)
    victim = wal_copy(template, tmp_path / "offer.sqlite")
    holder = sqlite3.connect(victim, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO people (name) VALUES ('Främmande')")
    try:
        outcome = run_restore(victim, source)
        assert outcome.exit_code == 0
        assert outcome.messages[-1].startswith("refused:")
        assert "låst av ett annat program" in outcome.messages[-1]
        holder.execute("COMMIT")
    finally:
        holder.close()
    assert names(victim) == sorted([*OLD, "Främmande"])
    outcome = run_restore(victim, source, full_disk=True)
    assert outcome.exit_code == 0 and outcome.messages[-1].startswith("refused:")
    assert "disken är full" in outcome.messages[-1] and "skadad" not in outcome.messages[-1]
    assert integrity(victim) == "ok"
    assert names(victim) == sorted([*OLD, "Främmande"])
    assert not [p.name for p in tmp_path.iterdir() if "skadad" in p.name or p.name.endswith(".tmp")]
