"""The meeting tables created by migration 0002_meetings match the ORM models exactly."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from trygghetsrad.db import revisions
from trygghetsrad.db.engine import open_database

MEETING_TABLES = {
    "meetings",
    "meeting_groups",
    "attendance",
    "agenda_items",
    "agenda_notes",
    "decisions",
    "action_items",
    "agenda_templates",
}


def test_meetings_revision_branches_off_the_foundation() -> None:
    rev = revisions.all_revisions()["0002_meetings"]
    assert rev.down_revisions == ("0001_foundation",)


def test_foreign_keys_are_named_by_the_convention(tmp_path: Path) -> None:
    db = open_database(tmp_path / "fk.sqlite")
    try:
        with db.engine.connect() as conn:
            fks = sa.inspect(conn).get_foreign_keys("action_responsibles")
    finally:
        db.close()
    names = {fk["name"] for fk in fks}
    assert "fk_action_responsibles_person_id_people" in names
    person_fk = next(fk for fk in fks if fk["constrained_columns"] == ["person_id"])
    assert person_fk["options"].get("ondelete") == "RESTRICT"


def test_upgrading_to_the_meetings_revision_alone_works(tmp_path: Path) -> None:
    import sqlite3

    from trygghetsrad.db.migrate import upgrade

    path = tmp_path / "down.sqlite"
    upgrade(path, copy_aside=False, target="0002_meetings")
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables >= MEETING_TABLES
    assert "groups" in tables
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO groups (name, description) VALUES ('Klara-gruppen', '')")
        conn.execute("INSERT INTO meetings (day, title) VALUES ('2023-05-11', 'Möte')")
        conn.execute("INSERT INTO meeting_groups (meeting_id, group_id) VALUES (1, 1)")
    upgrade(path)  # to every head, as the app does at start-up
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT title, day FROM meetings").fetchall() == [
            ("Möte", "2023-05-11")
        ]
        assert conn.execute("SELECT count(*) FROM meeting_groups").fetchone() == (1,)
