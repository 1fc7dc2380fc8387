"""SIGKILL while writing, many times: the file stays whole and holds a before-or-after state.

A few kills here; benchmarks/kill_many.py runs hundreds and docs/robustness.md reports them.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

from killing import run_kills

from trygghetsrad.db.engine import open_database


def test_killed_during_small_transactions(tmp_path: Path) -> None:
    path = tmp_path / "dödad.sqlite"
    open_database(path).close()
    stats = run_kills(path, 12, mode="small", seed=1, max_delay=0.15)
    assert stats.ok, stats.integrity_failures + stats.invariant_failures
    assert stats.kills == 12 and stats.commits_seen > 12


def test_killed_during_whole_database_imports(tmp_path: Path) -> None:
    from trygghetsrad.services import demo, portable

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
