"""0013_agenda_structure keeps every record of ten years of meetings.

Ten years of example data are made, taken back to the schema before 0013 (its downgrade drops
only what it added), and upgraded again with the app's own path (`open_database`, which copies
the file aside first). Every table keeps every row and every value of every column it had;
every meeting's numbering is what its kind used to print; nothing new is set on old items or
attendance rows; and the minutes number their items as before.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from migration_rows import contents, downgrade_to, table_columns

from trygghetsrad.cli import main
from trygghetsrad.db.engine import open_database
from trygghetsrad.db.migrate import alembic_config

REVISION = "0013_agenda_structure"


def _applied(heads: list[str]) -> set[str]:
    """Every revision at or below the recorded heads."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for head in heads for rev in script.iterate_revisions(head, "base")}


BEFORE = "0012_invitations"


def _downgrade_to_before(path: Path) -> None:
    downgrade_to(path, BEFORE)


@pytest.fixture(scope="module")
def ten_years_before(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tio-ar")
    path = folder / "tio.sqlite"
    assert main(["--db", str(path), "demo", "--date", "2026-12-07", "--years", "10"]) == 0
    _downgrade_to_before(path)
    return path


def test_ten_years_of_meetings_survive_the_upgrade(ten_years_before: Path) -> None:
    conn = sqlite3.connect(ten_years_before)
    try:
        versions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
        old_tables = table_columns(conn)
        kinds = dict(conn.execute("SELECT id, kind FROM meetings").fetchall())
    finally:
        conn.close()
    assert BEFORE in versions and REVISION not in versions
    assert "numbering" not in old_tables["meetings"]
    assert "category" not in old_tables["agenda_items"]
    before = contents(ten_years_before, old_tables)
    assert len(before["meetings"]) > 300 and len(before["agenda_items"]) > 4000
    assert len(before["attendance"]) > 2500 and len(before["agenda_notes"]) > 6000

    db = open_database(ten_years_before)  # the app's own upgrade, file copied aside first
    db.close()
    after = contents(ten_years_before, old_tables)
    for table, rows in before.items():
        assert len(after[table]) == len(rows), table
        assert after[table] == rows, table

    conn = sqlite3.connect(ten_years_before)
    try:
        heads = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
        assert REVISION in _applied(heads)  # a head, or below a later migration built on it
        numbering = dict(conn.execute("SELECT id, numbering FROM meetings").fetchall())
        new_item_values = conn.execute(
            "SELECT count(*) FROM agenda_items WHERE category != '' OR presenter_id IS NOT NULL "
            "OR presenter_text != '' OR case_number != '' OR slot_start IS NOT NULL "
            "OR proposal != '' OR papers_later OR unnumbered OR refers_to_id IS NOT NULL"
        ).fetchone()[0]
        new_attendance_values = conn.execute(
            "SELECT count(*) FROM attendance WHERE partial != '' OR present_from IS NOT NULL "
            "OR present_to IS NOT NULL OR meeting_role != '' OR note != ''"
        ).fetchone()[0]
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    assert numbering == {
        mid: "paragraph_year" if kind == "protocol" else "decimal" for mid, kind in kinds.items()
    }
    assert new_item_values == 0 and new_attendance_values == 0
    assert problems == []


def test_minutes_number_their_items_as_before(ten_years_before: Path, tmp_path: Path) -> None:
    """After the upgrade a protocol still prints § from its first paragraph and notes 1., 2."""
    import shutil

    from trygghetsrad.services.meetings.document import meeting_document

    path = tmp_path / "kopia.sqlite"
    shutil.copy(ten_years_before, path)
    db = open_database(path)
    try:
        with db.session() as s:
            rows = (
                s.connection()
                .exec_driver_sql(
                    "SELECT id, kind, first_paragraph FROM meetings WHERE id IN "
                    "(SELECT meeting_id FROM agenda_items GROUP BY meeting_id HAVING count(*) > 2) "
                    "ORDER BY id"
                )
                .fetchall()
            )
            protocol = next(r for r in rows if r[1] == "protocol")
            notes = next(r for r in rows if r[1] == "notes")
            numbers = meeting_document(s, protocol[0]).numbers()
            public = [n for n in numbers if n.startswith("§")]
            assert public[:2] == [f"§ {protocol[2]}", f"§ {protocol[2] + 1}"]
            numbers = [n for n in meeting_document(s, notes[0]).numbers() if n[:1].isdigit()]
            assert numbers[:3] == ["1.", "2.", "3."]
    finally:
        db.close()
