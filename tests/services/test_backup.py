"""Backups: online copies into the user data folder, retention, describing and restoring."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from trygghetsrad.db import backups
from trygghetsrad.db.engine import open_database
from trygghetsrad.errors import UserError
from trygghetsrad.services import backup, register


def _people(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return sorted(row[0] for row in conn.execute("SELECT name FROM people"))


def test_automatic_backup_goes_to_the_data_folder_and_is_complete(database) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:
        register.create_person(s, name="Åsa Öberg")
    made = backup.automatic_backup(database)
    assert made is not None
    assert made.parent == backups.folder_for(database.path)
    assert made.name.startswith("test.automatisk-")
    # A standalone file: no WAL needed beside it, and the data committed before is in it.
    assert not made.with_name(made.name + "-wal").exists()
    assert _people(made) == ["Åsa Öberg"]
    with sqlite3.connect(made) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_automatic_backup_on_open_is_skipped_within_the_hour_but_daily_is_due(database) -> None:  # type: ignore[no-untyped-def]
    first = backup.automatic_backup(database)
    assert first is not None
    assert backup.automatic_backup(database) is None
    later = datetime.now() + timedelta(hours=25)
    assert backup.backup_due(database, now=later)
    assert not backup.backup_due(database, now=datetime.now() + timedelta(hours=23))


def test_backup_includes_uncheckpointed_wal_content(database) -> None:  # type: ignore[no-untyped-def]
    with database.session() as s:  # the first connection switches the file to WAL
        register.create_person(s, name="Anna Först")
    # A second connection keeps a read transaction so the WAL can't be checkpointed.
    reader = sqlite3.connect(database.path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM people").fetchone()
    with database.session() as s:
        register.create_person(s, name="Nils Wal")
    assert database.path.with_name(database.path.name + "-wal").stat().st_size > 0
    made = backup.backup_now(database, backups.AUTOMATIC)
    reader.close()
    assert _people(made) == ["Anna Först", "Nils Wal"]


def test_retention_removes_old_backups_but_keeps_the_newest_three(tmp_path: Path) -> None:
    db_path = tmp_path / "r.sqlite"
    open_database(db_path).close()
    now = datetime(2026, 11, 26, 12, 0)
    stamps = [now - timedelta(days=d, hours=h) for d in (0, 1, 5, 5, 40, 41, 60) for h in (0,)]
    stamps[3] = stamps[2] - timedelta(hours=3)  # two on the same old day
    for stamp in stamps:
        backups.snapshot_file(db_path, backups.new_backup_path(db_path, backups.AUTOMATIC, stamp))
    removed = backups.prune(db_path, keep_days=30, now=now)
    kept = sorted(b.made_at for b in backups.list_backups(db_path))
    assert len(removed) == 4  # the second of day -5, and days -40, -41, -60
    assert kept == sorted(stamps[:3])
    # With a retention of one day nothing below the newest three survives...
    backups.prune(db_path, keep_days=1, now=now)
    assert len(backups.list_backups(db_path)) == 3
    # ...and even a year later the newest three are still there.
    backups.prune(db_path, keep_days=1, now=now + timedelta(days=365))
    assert len(backups.list_backups(db_path)) == 3


def test_retention_setting_is_validated_and_stored(database) -> None:  # type: ignore[no-untyped-def]
    from trygghetsrad.errors import ValidationError

    with database.session() as s:
        assert backup.retention_days(s) == 30
        backup.set_retention_days(s, 90)
    with database.session() as s:
        assert backup.retention_days(s) == 90
        with pytest.raises(ValidationError):
            backup.set_retention_days(s, 0)


def test_describe_tells_counts_schema_and_time(demo_database) -> None:  # type: ignore[no-untyped-def]
    made = backup.backup_now(demo_database, backups.BEFORE_IMPORT)
    summary = backup.describe(made)
    counts = dict(summary.counts)
    with demo_database.session() as s:
        people = len(register.list_people(s))
    assert counts["personer"] == people > 0
    assert summary.reason == "före import"
    assert summary.schema_versions
    assert abs(summary.made_at - datetime.now()) < timedelta(minutes=5)


def test_restore_keeps_the_current_file_and_brings_back_the_backup(tmp_path: Path) -> None:
    db_path = tmp_path / "huvud.sqlite"
    db = open_database(db_path)
    with db.session() as s:
        register.create_person(s, name="Före")
    saved = backup.backup_now(db, backups.AUTOMATIC)
    with db.session() as s:
        register.create_person(s, name="Efter")
    db.close()
    kept = backup.restore(db_path, saved)
    assert kept is not None and kept.name.startswith("huvud.före-återställning-")
    assert _people(kept) == ["Efter", "Före"]
    db = open_database(db_path)
    with db.session() as s:
        assert [p.name for p in register.list_people(s)] == ["Före"]
    db.close()


def test_restore_over_a_damaged_file_moves_it_aside(tmp_path: Path) -> None:
    db_path = tmp_path / "trasig.sqlite"
    db = open_database(db_path)
    with db.session() as s:
        register.create_person(s, name="Kvar")
    saved = backup.backup_now(db, backups.AUTOMATIC)
    db.close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    db_path.write_bytes(bytes(data))
    with pytest.raises(UserError):
        open_database(db_path)
    kept = backup.restore(db_path, saved)
    assert kept is not None and kept.name.startswith("trasig.skadad-") and kept.exists()
    db = open_database(db_path)
    with db.session() as s:
        assert [p.name for p in register.list_people(s)] == ["Kvar"]
    db.close()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path, database) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "skräp.sqlite"
    junk.write_bytes(b"inte en databas" * 100)
    database.close()
    before = database.path.read_bytes()
    with pytest.raises(UserError):
        backup.restore(database.path, junk)
    assert database.path.read_bytes() == before


def test_backup_to_refuses_the_database_itself(database) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match="själva databasen"):
        backup.backup_to(database, database.path)


def test_migration_backup_goes_through_the_backup_folder(tmp_path: Path) -> None:
    from trygghetsrad.db.migrate import upgrade

    path = tmp_path / "gammal.sqlite"
    upgrade(path, copy_aside=False, target="0001_foundation")
    copy = upgrade(path)
    assert copy is not None and copy.parent == backups.folder_for(path)
    assert backups.parse(copy) is not None and backups.parse(copy).reason == "före-uppdatering"  # type: ignore[union-attr]
