"""Restore under pressure: another program holding the file, and a backup that can't be written.

Restore takes the same write lock as every writer (SQLite's own), waits the usual busy
timeout and then stops with a Swedish message, leaving the database, its companion files
and the folder as they were. A backup of the current file that fails stops the restore: a
healthy database is never called damaged and moved aside.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from trygghetsrad.db import backups
from trygghetsrad.db.engine import open_database
from trygghetsrad.errors import UserError
from trygghetsrad.services import backup, register


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return sorted(row[0] for row in conn.execute("SELECT name FROM people"))
    finally:
        conn.close()


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _restore_cli(db_path: Path, source: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "trygghetsrad", "--db", str(db_path), "restore", str(source)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return done, time.monotonic() - started


def _database_with_backup(folder: Path) -> tuple[Path, Path]:
    """A database holding "Före" and "Efter", and a backup holding only "Före"."""
    path = folder / "huvud.sqlite"
    db = open_database(path)
    with db.session() as s:
        register.create_person(s, name="Före")
    saved = backup.backup_now(db, backups.AUTOMATIC)
    with db.session() as s:
        register.create_person(s, name="Efter")
    db.close()
    return path, saved


@pytest.mark.parametrize("begin", ["IMMEDIATE", "EXCLUSIVE"])
def test_restore_under_a_rollback_journal_lock_stops_with_a_message(
    tmp_path: Path, begin: str
) -> None:
    path, saved = _database_with_backup(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute(f"BEGIN {begin}")
    holder.execute("INSERT INTO people (name) VALUES ('Främmande')")
    try:
        done, seconds = _restore_cli(path, saved)
        assert done.returncode == 2, done.stderr
        assert "låst av ett annat program" in done.stderr
        assert "Traceback" not in done.stderr
        assert seconds < 30
        left = sorted(p.name for p in tmp_path.iterdir())
        assert left == ["huvud.sqlite", "huvud.sqlite-journal"]  # the holder's own journal
        holder.execute("COMMIT")
    finally:
        holder.close()
    assert _names(path) == ["Efter", "Främmande", "Före"]
    assert [b.reason for b in backups.list_backups(path)] == [backups.AUTOMATIC]


def test_restore_leaves_the_wal_of_an_open_write_transaction_alone(tmp_path: Path) -> None:
    path, saved = _database_with_backup(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO people (name) VALUES ('Främmande')")
    try:
        done, _seconds = _restore_cli(path, saved)
        assert done.returncode == 2, done.stderr
        assert "låst av ett annat program" in done.stderr
        assert path.with_name(path.name + "-wal").exists()
        assert path.with_name(path.name + "-shm").exists()
        holder.execute("COMMIT")
    finally:
        holder.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    assert _names(path) == ["Efter", "Främmande", "Före"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_backup_that_cannot_be_written_stops_the_restore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full backup disk: the healthy database is kept as it is, not moved aside as damaged."""
    path, saved = _database_with_backup(tmp_path)
    before = _dump(path)
    listed = backups.list_backups(path)
    made = backups.snapshot

    def full_disk(source, target, progress=None):  # type: ignore[no-untyped-def]
        if backups.BEFORE_RESTORE in target.name:
            raise sqlite3.OperationalError("database or disk is full")
        return made(source, target, progress)

    monkeypatch.setattr(backups, "snapshot", full_disk)
    with pytest.raises(UserError) as info:
        backup.restore(path, saved)
    message = str(info.value)
    assert "säkerhetskopi" in message and "full" in message and "skadad" not in message
    assert "inget har ändrats" in message.lower() or "har inte ändrats" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["huvud.sqlite"]
    assert path.read_bytes()[18:20] == b"\x02\x02"  # still a WAL database
    assert _dump(path) == before
    assert backups.list_backups(path) == listed
    assert backup.newest_backup(path).path == saved  # type: ignore[union-attr]
    assert _names(path) == ["Efter", "Före"]


def test_a_damaged_database_is_still_moved_aside(tmp_path: Path) -> None:
    path, saved = _database_with_backup(tmp_path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    kept = backup.restore(path, saved)
    assert kept is not None and kept.name.startswith("huvud.skadad-")
    assert _names(path) == ["Före"]
    assert os.path.exists(kept)
