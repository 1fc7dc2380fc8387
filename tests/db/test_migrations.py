"""Migrations: empty file to head, package-resource path, batch safety, refusal of bad files."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from trygghetsrad.db import revisions
from trygghetsrad.db.engine import FileState, inspect_file, open_database
from trygghetsrad.errors import UserError


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _versions(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}


def test_new_file_is_migrated_to_every_head(tmp_path: Path) -> None:
    path = tmp_path / "ny.sqlite"
    db = open_database(path)
    db.close()
    assert _versions(path) == set(revisions.heads())
    assert inspect_file(path).state is FileState.CURRENT


def test_heads_parsed_without_alembic_match_alembic(tmp_path: Path) -> None:
    from alembic.script import ScriptDirectory

    from trygghetsrad.db.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert set(script.get_heads()) == set(revisions.heads())
    assert set(revisions.all_revisions()) == {rev.revision for rev in script.walk_revisions()}


def test_script_location_is_a_package_resource() -> None:
    from alembic.script import ScriptDirectory

    from trygghetsrad.db.migrate import SCRIPT_LOCATION, alembic_config

    assert SCRIPT_LOCATION == "trygghetsrad.db:migrations"
    script = ScriptDirectory.from_config(alembic_config())
    assert Path(script.dir).name == "migrations"
    assert Path(script.dir, "env.py").exists()


def test_current_database_opens_without_importing_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "a.sqlite"
    open_database(path).close()
    code = (
        "import sys; from pathlib import Path; from trygghetsrad.db.engine import open_database;"
        f"open_database(Path({str(path)!r})).close();"
        "print('alembic' in sys.modules, 'reportlab' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_existing_database_is_copied_aside_before_migrating(tmp_path: Path) -> None:
    from trygghetsrad.db.migrate import upgrade

    path = tmp_path / "gammal.sqlite"
    upgrade(path, copy_aside=False, target="0001_foundation")
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO groups (name, description) VALUES ('Trygghetsrådet', '')")
    copy = upgrade(path)
    assert copy is not None and copy.exists()
    assert copy.name.startswith("gammal.före-uppdatering-")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0001_foundation",)
        ]
        assert conn.execute("SELECT name FROM groups").fetchall() == [("Trygghetsrådet",)]
    assert _versions(path) == set(revisions.heads())


def test_random_bytes_are_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "skräp.sqlite"
    path.write_bytes(os.urandom(8192))
    before = _digest(path)
    with pytest.raises(UserError, match="ingen Trygghetsråd-databas"):
        open_database(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["skräp.sqlite"]


def test_damaged_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "skadad.sqlite"
    open_database(path).close()
    data = bytearray(path.read_bytes())
    # Keep the header, wreck the schema page.
    data[100:4096] = os.urandom(4096 - 100)
    path.write_bytes(bytes(data))
    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
    before = _digest(path)
    with pytest.raises(UserError):
        open_database(path)
    assert _digest(path) == before


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "annan.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recept (namn TEXT)")
    before = _digest(path)
    with pytest.raises(UserError, match="ingen Trygghetsråd-databas"):
        open_database(path)
    assert _digest(path) == before


def test_newer_schema_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "framtid.sqlite"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(
            "UPDATE alembic_version SET version_num = '9999_from_the_future' "
            "WHERE version_num = (SELECT max(version_num) FROM alembic_version)"
        )
    before = _digest(path)
    with pytest.raises(UserError, match="nyare version"):
        open_database(path)
    assert _digest(path) == before


def test_batch_migration_of_a_parent_table_keeps_children(tmp_path: Path) -> None:
    """A batch rebuild of `groups` must not cascade-delete its memberships (PITFALLS.md 1)."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    from trygghetsrad.db.migrate import _migration_engine, check_foreign_keys
    from trygghetsrad.services import register

    path = tmp_path / "batch.sqlite"
    db = open_database(path)
    with db.session() as s:
        group = register.create_group(s, name="Klara-gruppen").id
        person = register.create_person(s, name="Åsa Öberg").id
        register.add_membership(s, group_id=group, person_id=person)
    db.close()

    engine = _migration_engine(path)
    with engine.connect() as conn, conn.begin():
        ops = Operations(MigrationContext.configure(conn, opts={"render_as_batch": True}))
        with ops.batch_alter_table("groups", recreate="always") as batch:
            batch.add_column(sa.Column("colour", sa.String(20), nullable=True))
        check_foreign_keys(conn)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM memberships").fetchone() == (1,)


def test_pragmas_on_every_connection(database) -> None:  # type: ignore[no-untyped-def]
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_failed_statement_rolls_back_the_whole_transaction(database) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.services import register

    with pytest.raises(sa.exc.IntegrityError), database.session() as s:
        register.create_group(s, name="Först")
        s.execute(
            sa.text("INSERT INTO memberships (group_id, person_id, role) VALUES (999, 999, 'x')")
        )
        s.flush()
    with database.session() as s:
        assert register.list_groups(s) == []
