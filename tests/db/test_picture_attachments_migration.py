"""0017_picture_attachments rebuilds the attachments table: every file already attached to a
meeting, an agenda item or an agreement keeps its row and bytes, and afterwards the one-owner
check counts a situation picture too (one owner, never two, never none)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from migration_rows import contents, downgrade_to, table_columns

from trygghetsrad.cli import main
from trygghetsrad.db.engine import open_database

REVISION = "0017_picture_attachments"
CONTENT = b"\x00\xff bytes \xe5\xe4\xf6\n" * 30


def test_attached_files_survive_and_a_picture_counts_as_owner(
    demo_database, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    path = demo_database.path
    demo_database.close()
    source = tmp_path / "Bilaga.pdf"
    source.write_bytes(CONTENT)
    for owner in ("meeting", "item", "agreement"):
        assert main(["--db", str(path), "attach", owner, "1", str(source)]) == 0
    downgrade_to(path, "0016_area_tree")  # the merge: back to both its parents
    conn = sqlite3.connect(path)
    try:
        versions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
        old_tables = table_columns(conn)
    finally:
        conn.close()
    assert {"0016_area_tree", "0015_agreements_signed"} <= versions
    assert REVISION not in versions and "picture_id" not in old_tables["attachments"]
    before = contents(path, old_tables)
    assert len(before["attachments"]) >= 3

    open_database(path).close()  # the app's own upgrade
    after = contents(path, old_tables)
    for table, rows in before.items():
        assert after[table] == rows, table

    conn = sqlite3.connect(path)
    try:
        picture = conn.execute("SELECT min(id) FROM situation_pictures").fetchone()[0]
        conn.execute(
            "INSERT INTO attachments (picture_id, filename, data) VALUES (?, 'a.pdf', x'00')",
            (picture,),
        )
        with pytest.raises(sqlite3.IntegrityError, match="one_owner"):
            conn.execute(
                "INSERT INTO attachments (picture_id, meeting_id, filename, data) "
                "VALUES (?, 1, 'b.pdf', x'00')",
                (picture,),
            )
        with pytest.raises(sqlite3.IntegrityError, match="one_owner"):
            conn.execute("INSERT INTO attachments (filename, data) VALUES ('c.pdf', x'00')")
        conn.commit()
        conn.execute("PRAGMA foreign_keys = ON")  # as the app's engine has them
        conn.execute("DELETE FROM situation_pictures WHERE id = ?", (picture,))
        left = conn.execute("SELECT count(*) FROM attachments WHERE picture_id IS NOT NULL")
        assert left.fetchone()[0] == 0
    finally:
        conn.close()
