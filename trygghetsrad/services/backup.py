"""Backups: rolling automatic copies, copies to a chosen file, and restoring from a copy.

Every copy is made with SQLite's online backup API (`db.backups.snapshot`), never by
copying a live file. Automatic backups go to the user data folder: one when the program
opens the database (unless one was made within the last hour), one every 24 hours while it
runs, and one before every migration, import, restore or erasure of personal data. They are
kept for `retention_days` (a setting, default 30): the ten newest of the last two days (and
the newest of each reason), then the newest of each day, and always the three newest.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from trygghetsrad import files
from trygghetsrad.db import backups, faults
from trygghetsrad.db.backups import BackupFile
from trygghetsrad.db.engine import BUSY_TIMEOUT_MS, Database, FileState, inspect_file, sqlite_of
from trygghetsrad.domain.changes import SETTINGS, Changes
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import plural, tr

RETENTION_KEY = "backup_retention_days"
DEFAULT_RETENTION_DAYS = 30
MIN_INTERVAL_ON_OPEN = timedelta(hours=1)
DAILY = timedelta(hours=24)
KEEP_RECENT = backups.KEEP_RECENT  # of the last two days, however many were made
BEFORE_ERASE = backups.BEFORE_ERASE  # the reason the window gives before erasing a person

REASON_LABELS = {
    backups.AUTOMATIC: "automatisk",
    backups.BEFORE_MIGRATION: "före uppdatering av programmet",
    backups.BEFORE_IMPORT: "före import",
    backups.BEFORE_RESTORE: "före återställning",
    backups.BEFORE_ERASE: "före radering av personuppgifter",
}

# Tables shown by name when describing a backup; the rest is summed as "övriga poster".
MAIN_TABLES = (
    "people",
    "organisations",
    "groups",
    "meetings",
    "agenda_items",
    "decisions",
    "action_items",
    "wheel_events",
    "data_sources",
    "indicators",
    "observations",
    "problems",
    "action_plans",
    "measures",
    "agreements",
)
_HOUSEKEEPING = {"alembic_version", "settings", "sqlite_sequence"}


def _write_error(target: Path, exc: BaseException, database: Path | None = None) -> UserError:
    """Why a copy of `database` to `target` failed, blaming the right file.

    The copy is a new file: damaged pages or another program's lock are the database's
    problem, not the copy's; what concerns writing (a full disk, a folder) is the copy's."""
    if database is not None and faults.is_sqlite_error(exc):
        kind = faults.classify(exc)
        if kind in (faults.FaultKind.DAMAGED, faults.FaultKind.BUSY):
            return faults.fault(kind, database)
    return UserError(
        tr("Säkerhetskopian kunde inte skrivas till {path}: {reason}.").format(
            path=target, reason=faults.reason(exc)
        )
    )


def _snapshot_open(
    database: Database, target: Path, progress: Callable[[int, int, int], object] | None = None
) -> Path:
    raw = database.engine.raw_connection()
    try:
        return backups.snapshot(sqlite_of(raw), target, progress)
    finally:
        raw.close()


def backup_to(
    database: Database, target: Path, progress: Callable[[int, int, int], object] | None = None
) -> Path:
    """Write a consistent copy of the open database to `target` (which must not be the database).

    `progress(status, remaining_pages, total_pages)` follows the copy; raising in it cancels
    the copy and leaves no file behind."""
    if target.absolute() == database.path.absolute() or (
        target.exists() and target.resolve() == database.path.resolve()
    ):
        raise UserError(tr("Säkerhetskopian kan inte skrivas över själva databasen."))
    files.check_target(target, database_copy=True)  # nor its -wal, the lock, a device …
    try:
        return _snapshot_open(database, target, progress)
    except (OSError, sqlite3.Error) as exc:
        raise _write_error(target, exc, database.path) from exc


# -- settings ------------------------------------------------------------------------------


def retention_days(session: Session) -> int:
    from trygghetsrad.services.settings import get_value

    try:
        days = int(get_value(session, RETENTION_KEY, str(DEFAULT_RETENTION_DAYS)))
    except ValueError:
        return DEFAULT_RETENTION_DAYS
    return days if 1 <= days <= 3650 else DEFAULT_RETENTION_DAYS


def set_retention_days(session: Session, days: int) -> Changes:
    from trygghetsrad.services.settings import set_value

    if not 1 <= days <= 3650:
        raise ValidationError(
            tr("Säkerhetskopior sparas mellan 1 och 3650 dagar."), "backup_retention_days"
        )
    set_value(session, RETENTION_KEY, str(days))
    return Changes.of(SETTINGS)


def retention_rule(days: int) -> str:
    """What is kept of the rolling backups, in one Swedish sentence (CLI, settings, README)."""
    return tr(
        "Av de senaste två dygnens säkerhetskopior sparas de {recent} senaste (och den "
        "senaste av varje slag), av äldre en per dag i {days}; resten tas bort."
    ).format(recent=backups.KEEP_RECENT, days=plural(days, tr("dag"), tr("dagar")))


# -- rolling backups -----------------------------------------------------------------------


def list_backups(db_path: Path) -> list[BackupFile]:
    return backups.list_backups(db_path)


def newest_backup(db_path: Path) -> BackupFile | None:
    found = backups.list_backups(db_path)
    return found[0] if found else None


def backup_now(database: Database, reason: str) -> Path:
    """A rolling backup for `reason` (see db.backups.REASONS), then old ones pruned."""
    target = backups.new_backup_path(database.path, reason)
    try:
        made = _snapshot_open(database, target)
    except (OSError, sqlite3.Error) as exc:
        raise _write_error(target, exc, database.path) from exc
    prune(database)
    return made


def prune(database: Database, now: datetime | None = None) -> list[Path]:
    try:
        with database.session() as session:
            days = retention_days(session)
    except UserError:
        days = DEFAULT_RETENTION_DAYS
    return backups.prune(database.path, days, now)


def backup_due(
    database: Database, *, interval: timedelta = DAILY, now: datetime | None = None
) -> bool:
    now = now or datetime.now()
    newest = next(
        (b for b in backups.list_backups(database.path) if b.reason == backups.AUTOMATIC), None
    )
    return newest is None or now - newest.made_at >= interval or newest.made_at > now


def automatic_backup(
    database: Database, *, interval: timedelta = MIN_INTERVAL_ON_OPEN, now: datetime | None = None
) -> Path | None:
    """Make the automatic backup if the newest one is older than `interval`; else None."""
    if not backup_due(database, interval=interval, now=now):
        return None
    return backup_now(database, backups.AUTOMATIC)


# -- describing and restoring --------------------------------------------------------------


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    made_at: datetime
    reason: str  # Swedish label, "" for a file chosen by the user
    schema_versions: tuple[str, ...]
    counts: tuple[tuple[str, int], ...]  # (Swedish table label, rows), main tables first
    size_bytes: int

    @property
    def total(self) -> int:
        return sum(n for _label, n in self.counts)


_MAIN_LABELS = {
    "people": "personer",
    "organisations": "organisationer",
    "groups": "grupper",
    "meetings": "möten",
    "agenda_items": "dagordningspunkter",
    "decisions": "beslut",
    "action_items": "uppdrag",
    "wheel_events": "händelser i årshjulet",
    "data_sources": "underlag",
    "indicators": "indikatorer",
    "observations": "iakttagelser",
    "problems": "problem",
    "action_plans": "åtgärdsplaner",
    "measures": "åtgärder",
    "agreements": "överenskommelser",
}


def _label(table: str) -> str:
    from trygghetsrad.services.references import TABLE_LABELS

    return tr(_MAIN_LABELS.get(table) or TABLE_LABELS.get(table, table.replace("_", " ")))


def describe(path: Path) -> BackupSummary:
    """What a backup file holds and when it was made, read without changing the file."""
    inspection = inspect_file(path)
    if inspection.state is FileState.NEW:
        raise UserError(tr("Filen {path} innehåller ingen databas.").format(path=path))
    parsed = backups.parse(path)
    made_at = parsed.made_at if parsed is not None else datetime.fromtimestamp(path.stat().st_mtime)
    reason = tr(REASON_LABELS[parsed.reason]) if parsed is not None else ""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        counts: dict[str, int] = {}
        from trygghetsrad.db.models import Base

        ours = set(Base.metadata.tables)  # not derived data such as the search index
        for table in tables:
            if table in _HOUSEKEEPING or table not in ours:
                continue
            quoted = '"' + table.replace('"', '""') + '"'
            counts[table] = int(conn.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0])
    except sqlite3.Error as exc:
        raise faults.translate(exc, path) or faults.fault(faults.FaultKind.DAMAGED, path) from exc
    finally:
        conn.close()
    shown = [(_label(t), counts[t]) for t in MAIN_TABLES if t in counts]
    others = sum(n for t, n in counts.items() if t not in MAIN_TABLES)
    if others:
        shown.append((tr("övriga poster"), others))
    return BackupSummary(
        path=path,
        made_at=made_at,
        reason=reason,
        schema_versions=tuple(sorted(inspection.versions)),
        counts=tuple(shown),
        size_bytes=path.stat().st_size,
    )


def _move_aside_damaged(db_path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.stem}.skadad-{stamp}{db_path.suffix or '.sqlite'}")
    os.replace(db_path, aside)
    for side in ("-wal", "-shm"):
        extra = db_path.with_name(db_path.name + side)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + side))
    return aside


def _shut_out_writers(db_path: Path) -> sqlite3.Connection | None:
    """The current database with SQLite's write lock held; None if the file is damaged.

    Waits the usual busy timeout for the lock every writer takes, then gives up with the
    BUSY message. The WAL is first checkpointed into the main file and ended by SQLite
    itself (journal mode DELETE), which it only does when no other connection has the file
    open, so a companion file another program holds is never removed; from then on the main
    file alone holds the whole database, and a kill at any later point leaves either it or
    the restored file, complete. Readers may still read (the backup of the current file is
    one); no writer can commit into the file that is about to be replaced."""
    conn = sqlite3.connect(
        f"{db_path.absolute().as_uri()}?mode=rw",
        uri=True,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,
    )
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if busy or conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0] != "delete":
                raise sqlite3.OperationalError("database is locked")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        _let_go(conn)
        if faults.classify(exc, db_path) is faults.FaultKind.DAMAGED:
            return None
        raise faults.translate(exc, db_path) or exc from exc
    return conn


def _let_go(conn: sqlite3.Connection) -> None:
    """Release the write lock of a restore that stopped, and put the WAL back."""
    with suppress(sqlite3.Error):
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("PRAGMA journal_mode=WAL")
    conn.close()


def _keep_current(db_path: Path) -> Path | None:
    """Back up the current database before it is replaced; None if it turns out damaged.

    A backup that fails for any other reason (a full backup disk) stops the restore."""
    try:
        return backups.make_backup(db_path, backups.BEFORE_RESTORE)
    except (OSError, sqlite3.Error) as exc:
        if faults.is_sqlite_error(exc) and faults.classify(exc) is faults.FaultKind.DAMAGED:
            return None
        raise UserError(
            tr(
                "Återställningen avbröts: den nuvarande databasen kunde inte säkerhetskopieras "
                "först ({reason}). Inget har ändrats."
            ).format(reason=faults.reason(exc))
        ) from exc


def restore(db_path: Path, source: Path) -> Path | None:
    """Replace the (closed) database at `db_path` with the backup `source`.

    The current file is kept first: copied into the backup folder (reason
    "före-återställning") when it can be read, otherwise moved aside next to itself as
    `<namn>.skadad-<tid>.sqlite`. Returns where the current file was kept (None if there was
    none). The caller must have closed every connection to `db_path` and reopens it after.
    Another program holding the file makes this stop with a message after the busy timeout;
    a backup of the current file that cannot be written stops it before anything changes.
    """
    if source.absolute() == db_path.absolute():
        raise UserError(tr("Databasen kan inte återställas från sig själv."))
    # Refuses foreign, damaged or newer files before anything is touched.
    summary = describe(source)
    del summary
    kept: Path | None = None
    holder: sqlite3.Connection | None = None
    try:
        if db_path.exists() and db_path.stat().st_size > 0:
            holder = _shut_out_writers(db_path)
            kept = _keep_current(db_path) if holder is not None else None
            if kept is None:  # damaged: reading it failed, not writing the copy
                if holder is not None:
                    holder.close()
                    holder = None
                kept = _move_aside_damaged(db_path)
        _put_in_place(source, db_path, holder, kept)
    except BaseException:
        if holder is not None:
            _let_go(holder)
            holder = None
        raise
    finally:
        if holder is not None:
            holder.close()
    return kept


def _put_in_place(
    source: Path, db_path: Path, holder: sqlite3.Connection | None, kept: Path | None
) -> None:
    """Copy `source` next to `db_path` under a temporary name, then rename it over."""
    staged = db_path.with_name(f".{db_path.name}.återställs.{os.getpid()}.tmp")
    try:
        backups.snapshot_file(source, staged)
        if holder is not None and sys.platform == "win32":
            holder.close()  # Windows can't rename over a file that is open
        os.replace(staged, db_path)
    except (OSError, sqlite3.Error) as exc:
        staged.unlink(missing_ok=True)
        if db_path.exists():
            where = tr("Den nuvarande databasen har inte ändrats.")
        else:
            where = tr("Den tidigare databasen finns kvar som {kept}.").format(kept=kept)
        raise UserError(
            tr("Säkerhetskopian kunde inte återställas ({reason}). {where}").format(
                reason=faults.reason(exc), where=where
            )
        ) from exc


def rescue_deleted(database: Database) -> Path:
    """Write a database deleted while open back to its path, from what is still open."""
    if database.path.exists():
        raise UserError(tr("Databasfilen finns redan; inget behöver räddas."))
    try:
        return database.rescue(database.path)
    except (OSError, sqlite3.Error) as exc:
        raise _write_error(database.path, exc) from exc
