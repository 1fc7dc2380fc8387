"""`demo --years N`: years of deterministic history in every workspace whose tables exist."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from trygghetsrad.cli import main
from trygghetsrad.services import search


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_years_of_history_scale_with_n_and_are_searchable(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "två-år.sqlite"
    assert main(["--db", str(path), "demo", "--date", "2026-11-26", "--years", "2"]) == 0
    out = capsys.readouterr().out
    tables = _tables(path)
    # Per year: about 30 meetings, 400 agenda items, 800 actions, 300 wheel events,
    # 20 data sources and 2,000 indicator values (ten years meet the minimums).
    expected = {
        "meetings": 60,
        "agenda_items": 800,
        "action_items": 1600,
        "wheel_events": 600,
        "data_sources": 40,
        "indicator_values": 4000,
    }
    checked = 0
    for table, minimum in expected.items():
        if table in tables:
            assert _count(path, table) >= minimum, table
            assert f"{table}:" in out
            checked += 1
    assert checked >= 3  # meetings and situation exist at least
    from trygghetsrad.db.engine import open_database

    db = open_database(path)
    try:
        with db.session() as s:
            result = search.search(s, text="Norrby")
            kinds = {group.kind for group in result.groups}
            assert {"agenda_item", "action_item", "observation"} <= kinds
            assert result.total > 50
    finally:
        db.close()


def test_history_is_deterministic(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    for path in (a, b):
        assert main(["--db", str(path), "demo", "--date", "2026-11-26", "--years", "1"]) == 0
    with sqlite3.connect(a) as ca, sqlite3.connect(b) as cb:
        query = "SELECT title, day, place FROM meetings ORDER BY id"
        assert ca.execute(query).fetchall() == cb.execute(query).fetchall()
        query = "SELECT what, due_date FROM action_items ORDER BY id"
        assert ca.execute(query).fetchall() == cb.execute(query).fetchall()


def test_plain_demo_is_unchanged_and_bad_years_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "vanlig.sqlite"
    assert main(["--db", str(path), "demo", "--date", "2026-11-26"]) == 0
    assert "meetings:" not in capsys.readouterr().out
    assert main(["--db", str(tmp_path / "x.sqlite"), "demo", "--years", "-1"]) == 2
    assert "mellan 0 och 50" in capsys.readouterr().err
