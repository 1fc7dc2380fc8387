"""Faults of the database file, each simulated: a clear Swedish message, nothing further damaged."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from mounts import read_only_mount

from trygghetsrad.db import engine as engine_module
from trygghetsrad.db import lock
from trygghetsrad.db.engine import LockMode, open_database
from trygghetsrad.db.faults import DatabaseFault, FaultKind
from trygghetsrad.services import backup, register


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM people"))
    finally:
        conn.close()


def test_read_only_database_file_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "skrivskyddad.sqlite"
    db = open_database(path)
    with db.session() as s:
        register.create_person(s, name="Anna")
    db.close()
    before = path.read_bytes()
    with read_only_mount(tmp_path):
        with pytest.raises(DatabaseFault) as info:
            open_database(path)
        assert info.value.kind in (FaultKind.READ_ONLY, FaultKind.IO_ERROR) or "skrivskydd" in str(
            info.value
        )
        assert "skrivskydd" in str(info.value)
    assert path.read_bytes() == before


def test_becoming_read_only_while_open_gives_a_message_and_keeps_the_data(tmp_path: Path) -> None:
    folder = tmp_path / "mapp"
    folder.mkdir()
    path = folder / "db.sqlite"
    db = open_database(path)
    with db.session() as s:
        register.create_person(s, name="Anna")
    db.close()  # checkpointed: the whole state is in the main file
    db = open_database(path)
    with read_only_mount(folder):
        with pytest.raises(DatabaseFault) as info, db.session() as s:
            register.create_person(s, name="Bertil")
        assert "kunde inte" in str(info.value) or "skrivskydd" in str(info.value)
        db.close()
    assert _names(path) == ["Anna"]
    assert _integrity(path) == "ok"


def test_locked_by_another_program_is_busy_not_damaged(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "låst.sqlite"
    db = open_database(path)
    with db.session() as s:
        register.create_person(s, name="Anna")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA busy_timeout=0")
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseFault) as info, db.session() as s:
            register.create_person(s, name="Bertil")
        assert info.value.kind is FaultKind.BUSY
        assert "låst av ett annat program" in str(info.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
    db.close()
    # Another program holding the file exclusively (no readers either): refused on opening.
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE people SET note = 'x'")
    try:
        with pytest.raises(DatabaseFault) as info:
            open_database(path)
        assert info.value.kind is FaultKind.BUSY
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _names(path) == ["Anna"]


def test_truncated_file_is_damaged_offers_restore_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "avhuggen.sqlite"
    db = open_database(path)
    with db.session() as s:
        for n in range(300):
            register.create_person(s, name=f"Person {n:03}", note="x" * 200)
    db.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = path.read_bytes()
    with pytest.raises(DatabaseFault) as info:
        open_database(path)
    assert info.value.kind is FaultKind.DAMAGED and info.value.restore_may_help
    assert "skadad" in str(info.value)
    assert path.read_bytes() == before


def test_full_disk_is_a_message_and_the_saved_data_stays(tmp_path: Path) -> None:
    """A real full file system (a small tmpfs) where possible, else SQLite's page limit."""
    folder = tmp_path / "liten"
    folder.mkdir()
    mounted = False
    if os.geteuid() == 0:
        mounted = (
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                capture_output=True,
            ).returncode
            == 0
        )
    try:
        path = folder / "full.sqlite"
        db = open_database(path)
        with db.session() as s:
            register.create_person(s, name="Sparad")
        if mounted:  # leave about 100 kB free
            free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
            (folder / "fyllnad").write_bytes(b"\0" * max(0, free - 100_000))
        else:
            from sqlalchemy import event

            db.engine.dispose()
            event.listen(
                db.engine,
                "connect",
                lambda conn, _r: conn.execute("PRAGMA max_page_count=60"),
            )
        with pytest.raises(DatabaseFault) as info:
            for n in range(200):
                with db.session() as s:
                    register.create_person(s, name=f"Fyllnad {n}", note="å" * 4000)
        assert info.value.kind is FaultKind.DISK_FULL
        assert "full" in str(info.value)
        db.close()
        assert _integrity(path) == "ok"
        assert "Sparad" in _names(path)
    finally:
        if mounted:
            subprocess.run(["umount", str(folder)], check=True)


def test_deleted_while_open_is_noticed_and_can_be_written_back(tmp_path: Path) -> None:
    path = tmp_path / "borta.sqlite"
    db = open_database(path)
    with db.session() as s:
        register.create_person(s, name="Kvar i minnet")
    path.unlink()
    with pytest.raises(DatabaseFault) as info, db.session() as s:
        register.create_person(s, name="Ny")
    assert info.value.kind is FaultKind.MISSING
    assert "tagits bort eller flyttats" in str(info.value)
    assert not path.exists()  # never silently re-created empty
    backup.rescue_deleted(db)
    db.close()
    assert _names(path) == ["Kvar i minnet"]
    assert _integrity(path) == "ok"


def test_stale_lock_after_a_crash_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "krasch.sqlite"
    open_database(path).close()
    # A lock file left behind by a process that no longer exists.
    lock.lock_path(path).write_text(
        '{"pid": 999999, "host": "x", "user": "u", "since": "2026-11-26T10:00:00"}',
        encoding="utf-8",
    )
    db = open_database(path, lock=LockMode.EXCLUSIVE)
    assert lock.holds(path)
    assert f'"pid": {os.getpid()}' in lock.lock_path(path).read_text(encoding="utf-8")
    db.close()
    assert not lock.lock_path(path).exists()


def test_pid_check_for_file_systems_without_locks() -> None:
    assert lock.pid_alive(os.getpid())
    assert not lock.pid_alive(999_999_999)


def test_a_new_database_in_a_folder_that_does_not_exist_yet_is_locked(tmp_path: Path) -> None:
    path = tmp_path / "ny mapp" / "första.sqlite"
    db = open_database(path, lock=LockMode.EXCLUSIVE)
    assert lock.holds(path) and lock.lock_path(path).exists()
    db.close()
    assert not lock.holds(path)


def test_other_files_errors_inside_a_session_are_not_blamed_on_the_database(tmp_path: Path) -> None:
    db = open_database(tmp_path / "db.sqlite")
    with pytest.raises(PermissionError), db.session():
        raise PermissionError(13, "Permission denied", str(tmp_path / "export.pdf"))
    db.close()
