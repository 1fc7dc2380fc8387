"""0016_area_tree keeps every record of ten years of situation data and turns today's one
level of place into top-level areas.

Ten years of example data are made, taken back to the schema before 0016 (its downgrade drops
only what it added), and upgraded again with the app's own path (`open_database`, which copies
the file aside first). Every table keeps every row and every value of every column it had;
every distinct place or area name becomes one top-level area, and each observation and
indicator value is tied to the area of its own name.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from migration_rows import contents, downgrade_to, table_columns

from trygghetsrad.cli import main
from trygghetsrad.db import revisions
from trygghetsrad.db.engine import open_database

REVISION = "0016_area_tree"


@pytest.fixture(scope="module")
def ten_years_before(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tio-ar")
    path = folder / "tio.sqlite"
    assert main(["--db", str(path), "demo", "--date", "2026-12-07", "--years", "10"]) == 0
    downgrade_to(path, f"{REVISION}-1")
    return path


def test_ten_years_of_places_become_top_level_areas(ten_years_before: Path) -> None:
    conn = sqlite3.connect(ten_years_before)
    try:
        versions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
        old_tables = table_columns(conn)
        names = {
            r[0]
            for r in conn.execute(
                "SELECT place FROM observations UNION SELECT area FROM indicator_values "
                "UNION SELECT main_area FROM indicators UNION SELECT comparison_area FROM indicators"
            )
            if r[0] and r[0].strip()
        }
    finally:
        conn.close()
    assert REVISION not in versions
    assert "areas" not in old_tables and "area_id" not in old_tables["observations"]
    before = contents(ten_years_before, old_tables)
    assert len(before["observations"]) > 20 and len(before["indicator_values"]) > 500
    assert len(before["measures"]) > 10 and len(before["gaps"]) >= 3

    db = open_database(ten_years_before)  # the app's own upgrade, file copied aside first
    db.close()
    after = contents(ten_years_before, old_tables)
    for table, rows in before.items():
        assert len(after[table]) == len(rows), table
        assert after[table] == rows, table

    conn = sqlite3.connect(ten_years_before)
    try:
        # At the heads again (0016 itself is a head no more once a later revision merges it).
        versions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
        assert versions == set(revisions.heads())
        areas = conn.execute(
            "SELECT name, level, parent_id FROM areas ORDER BY position"
        ).fetchall()
        untied_observations = conn.execute(
            "SELECT count(*) FROM observations o LEFT JOIN areas a ON a.id = o.area_id "
            "WHERE trim(o.place) != '' AND (a.name IS NULL OR a.name != o.place)"
        ).fetchone()[0]
        tied_empty = conn.execute(
            "SELECT count(*) FROM observations WHERE trim(place) = '' AND area_id IS NOT NULL"
        ).fetchone()[0]
        untied_values = conn.execute(
            "SELECT count(*) FROM indicator_values v LEFT JOIN areas a ON a.id = v.area_id "
            "WHERE a.name IS NULL OR a.name != v.area"
        ).fetchone()[0]
        new_on_others = conn.execute(
            "SELECT (SELECT count(*) FROM gaps WHERE area_id IS NOT NULL) "
            "+ (SELECT count(*) FROM measures WHERE area_id IS NOT NULL) "
            "+ (SELECT count(*) FROM area_assessments)"
        ).fetchone()[0]
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    assert sorted(n for n, _level, _parent in areas) == sorted(names)
    assert [n for n, _l, _p in areas] == sorted(names, key=str.lower)  # the report's old order
    assert {(level, parent) for _n, level, parent in areas} == {("Område", None)}
    assert untied_observations == 0 and tied_empty == 0 and untied_values == 0
    assert new_on_others == 0  # no assessment, no area the user did not give
    assert problems == []
