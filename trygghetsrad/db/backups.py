"""Backup files of a database: made with SQLite's online backup API, never by copying a file.

A live WAL database is three files whose sum is the truth; a file copy can catch them
half-written. `snapshot()` copies pages through SQLite itself, verifies the copy with
`PRAGMA quick_check`, turns it into a single self-contained file (journal mode DELETE) and
only then moves it into place, so a backup on disk is always whole.

Rolling backups live in the user data folder (`paths.backup_dir`), one sub-folder per
database, named `<stem>.<reason>-<YYYYmmdd-HHMMSS>.sqlite`, where the reason is one of
`REASONS`. The services layer decides when to make them and how long to keep them.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from trygghetsrad import files, paths
from trygghetsrad.db import leftovers

AUTOMATIC = "automatisk"
BEFORE_MIGRATION = "före-uppdatering"
BEFORE_IMPORT = "före-import"
BEFORE_RESTORE = "före-återställning"
BEFORE_ERASE = "före-radering"
REASONS = (AUTOMATIC, BEFORE_MIGRATION, BEFORE_IMPORT, BEFORE_RESTORE, BEFORE_ERASE)

_NAME_RE = re.compile(
    r"^(?P<stem>.+)\.(?P<reason>" + "|".join(REASONS) + r")-(?P<stamp>\d{8}-\d{6})(-\d+)?\.sqlite$"
)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    reason: str
    made_at: datetime


def folder_for(db_path: Path) -> Path:
    """The folder holding the rolling backups of the database at `db_path`."""
    resolved = os.path.normcase(str(db_path.absolute()))
    digest = hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:8]
    return paths.backup_dir(db_path) / f"{db_path.stem}-{digest}"


def snapshot(
    source: sqlite3.Connection,
    target: Path,
    progress: Callable[[int, int, int], object] | None = None,
) -> Path:
    """Copy the database behind `source` to `target` with the online backup API.

    `progress(status, remaining, total)` is called after every step of 1024 pages; an
    exception it raises stops the copy and leaves no file (that is how a copy is cancelled)."""
    files.private_dirs(target.parent)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        files.create_private_file(tmp)  # a copy of personal data: 0600, its journal too
        dest = sqlite3.connect(tmp)
        try:
            pages = -1 if progress is None else 1024
            source.backup(dest, pages=pages, progress=_give_up_when_busy(progress))
            dest.execute("PRAGMA journal_mode=DELETE")
            result = dest.execute("PRAGMA quick_check").fetchone()
            if not result or result[0] != "ok":
                raise sqlite3.DatabaseError("database disk image is malformed")
        finally:
            dest.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        for side in ("-journal", "-wal", "-shm"):
            tmp.with_name(tmp.name + side).unlink(missing_ok=True)
        raise
    return target


_BUSY_STATUSES = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED


def _give_up_when_busy(
    progress: Callable[[int, int, int], object] | None,
) -> Callable[[int, int, int], object]:
    """A progress callback that stops a copy blocked by another program's lock.

    Python's `backup()` retries a busy source forever (every 250 ms), so a program holding
    the file exclusively would make a backup, and a restore waiting for it, hang without a
    word. After the usual busy timeout this raises "database is locked" instead."""
    from trygghetsrad.db.inspection import BUSY_TIMEOUT_MS

    blocked_since: list[float] = []

    def step(status: int, remaining: int, total: int) -> None:
        if status in _BUSY_STATUSES:
            now = time.monotonic()
            blocked_since[:] = blocked_since or [now]
            if now - blocked_since[0] > BUSY_TIMEOUT_MS / 1000:
                raise sqlite3.OperationalError("database is locked")
        else:
            blocked_since.clear()
        if progress is not None:
            progress(status, remaining, total)

    return step


def snapshot_file(db_path: Path, target: Path) -> Path:
    """Copy the database file at `db_path` (which may be open elsewhere) to `target`."""
    source = sqlite3.connect(f"{db_path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        source.execute("PRAGMA busy_timeout=5000")
        return snapshot(source, target)
    finally:
        source.close()


def new_backup_path(db_path: Path, reason: str, now: datetime | None = None) -> Path:
    if reason not in REASONS:
        raise ValueError(reason)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = folder_for(db_path)
    candidate = folder / f"{db_path.stem}.{reason}-{stamp}.sqlite"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{db_path.stem}.{reason}-{stamp}-{counter}.sqlite"
        counter += 1
    return candidate


def parse(path: Path) -> BackupFile | None:
    match = _NAME_RE.match(path.name)
    if match is None:
        return None
    try:
        made_at = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return BackupFile(path, match["reason"], made_at)


def list_backups(db_path: Path) -> list[BackupFile]:
    """The rolling backups of `db_path`, newest first."""
    folder = folder_for(db_path)
    if not folder.is_dir():
        return []
    found = [b for p in folder.iterdir() if p.is_file() and (b := parse(p)) is not None]
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def make_backup(db_path: Path, reason: str, *, source: sqlite3.Connection | None = None) -> Path:
    """A rolling backup of `db_path` for `reason`, from `source` if given (an open connection)."""
    target = new_backup_path(db_path, reason)
    if source is not None:
        return snapshot(source, target)
    return snapshot_file(db_path, target)


KEEP_ALWAYS = 3  # the newest backups survive any retention setting
KEEP_RECENT_DAYS = 2  # younger than this: the newest KEEP_RECENT; older: the newest of each day
KEEP_RECENT = 10  # however many were made (a manual backup every few minutes)


def prune(db_path: Path, keep_days: int, now: datetime | None = None) -> list[Path]:
    """Delete backups older than `keep_days`; thin older days to one per day; keep the newest.

    Of the last two days the newest KEEP_RECENT are kept, and the newest of each reason (the
    copy from before an import survives a series of manual backups). Temporary copies left
    by killed processes go too (db.leftovers)."""
    leftovers.remove_stale(db_path, folder_for(db_path), beside_database=False)
    now = now or datetime.now()
    backups = list_backups(db_path)
    removed: list[Path] = []
    seen_days: set[tuple[str, object]] = set()
    seen_reasons: set[str] = set()
    for index, backup in enumerate(backups):
        age = now - backup.made_at
        day = backup.made_at.date()
        keep = index < KEEP_ALWAYS
        if age < timedelta(days=KEEP_RECENT_DAYS):
            keep = keep or index < KEEP_RECENT or backup.reason not in seen_reasons
            seen_reasons.add(backup.reason)
        elif not keep and age < timedelta(days=keep_days):
            # One per day and reason: the newest of that day (the list is newest first).
            keep = (backup.reason, day) not in seen_days
        seen_days.add((backup.reason, day))
        if not keep:
            try:
                backup.path.unlink()
                removed.append(backup.path)
            except OSError:
                pass
    return removed
