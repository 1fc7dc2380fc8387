"""Nothing left behind: temporary copies of killed processes are removed, backups are capped.

A process killed while copying leaves a whole hidden copy of the database behind (personal
data included). Opening the database and pruning the backups remove those of processes that
no longer run; a file of a running process, another database's or the user's own, stays.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from trygghetsrad.cli import main
from trygghetsrad.db import backups
from trygghetsrad.db.engine import LockMode, open_database


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _touch(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for name in names:
        (folder / name).write_bytes(b"SQLite format 3\x00" + b"personuppgifter" * 100)
        made.append(folder / name)
    return made


def test_opening_removes_temporary_copies_of_dead_processes(tmp_path: Path) -> None:
    db_path = tmp_path / "huvud.sqlite"
    open_database(db_path).close()
    dead, alive = _dead_pid(), _running()
    try:
        stale = _touch(
            tmp_path,
            f".huvud.sqlite.{dead}.tmp",  # a rescue's copy
            f".huvud.sqlite.återställs.{dead}.tmp",  # a restore's staged copy
            f"..huvud.sqlite.återställs.{dead}.tmp.{dead}.tmp",  # its copy being written
            f"..huvud.sqlite.återställs.{dead}.tmp.{dead}.tmp-journal",
            ".huvud.sqlite.återställs.tmp",  # an earlier version's staged copy
            f"..huvud.sqlite.återställs.tmp.{dead}.tmp",
        )
        folder = backups.folder_for(db_path)
        stale += _touch(
            folder,
            f".huvud.automatisk-20261207-120000.sqlite.{dead}.tmp",
            f".huvud.automatisk-20261207-120000.sqlite.{dead}.tmp-journal",
            f".huvud.före-återställning-20261207-120000.sqlite.{dead}.tmp",
        )
        kept = _touch(
            tmp_path,
            f".huvud.sqlite.{alive.pid}.tmp",  # a copy still being written
            f".annan.sqlite.{dead}.tmp",  # another database's
            "anteckningar.tmp",
            f"huvud.sqlite.{dead}.tmp",
        )
        kept += _touch(folder, f".huvud.automatisk-20261207-130000.sqlite.{alive.pid}.tmp")
        db = open_database(db_path, lock=LockMode.SHARED)
        db.close()
    finally:
        alive.kill()
        alive.wait()
    assert [p.name for p in stale if p.exists()] == []
    assert [p.name for p in kept if not p.exists()] == []
    assert db_path.exists()


def _running() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])


def test_pruning_removes_temporary_copies_of_dead_processes(tmp_path: Path) -> None:
    db_path = tmp_path / "huvud.sqlite"
    open_database(db_path).close()
    dead = _dead_pid()
    folder = backups.folder_for(db_path)
    stale = _touch(folder, f".huvud.automatisk-20261207-120000.sqlite.{dead}.tmp")
    backups.prune(db_path, keep_days=30)
    assert not stale[0].exists()


def test_many_backups_in_one_day_are_capped(tmp_path: Path) -> None:
    db_path = tmp_path / "r.sqlite"
    open_database(db_path).close()
    now = datetime(2026, 12, 7, 18, 0)
    manual = [now - timedelta(minutes=10 * n) for n in range(25)]
    for stamp in manual:
        backups.snapshot_file(db_path, backups.new_backup_path(db_path, backups.AUTOMATIC, stamp))
    before_import = backups.new_backup_path(
        db_path, backups.BEFORE_IMPORT, now - timedelta(hours=5)
    )
    backups.snapshot_file(db_path, before_import)
    backups.prune(db_path, keep_days=30, now=now)
    kept = backups.list_backups(db_path)
    automatic = sorted(b.made_at for b in kept if b.reason == backups.AUTOMATIC)
    assert automatic == sorted(manual[: backups.KEEP_RECENT])
    # The newest copy of each kind stays, even among many manual ones.
    assert before_import in [b.path for b in kept]


def test_the_backup_command_says_how_many_are_kept(database, capsys) -> None:  # type: ignore[no-untyped-def]
    path = str(database.path)
    database.close()
    for _ in range(backups.KEEP_RECENT + 3):
        assert main(["--db", path, "backup"]) == 0
    out = capsys.readouterr().out
    assert f"de {backups.KEEP_RECENT} senaste" in out
    assert len(backups.list_backups(Path(path))) == backups.KEEP_RECENT
