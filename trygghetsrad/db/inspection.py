"""What a database file is, told without writing to it and without SQLAlchemy.

The window checks this before anything else at start-up (new, current, a migration due,
damaged, from a newer version); only plain `sqlite3` is needed, so the first paint does not
wait for SQLAlchemy. `db.engine` re-exports these names.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from trygghetsrad.db import faults, revisions
from trygghetsrad.errors import UserError, os_error_reason
from trygghetsrad.i18n import tr

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class FileState(Enum):
    NEW = "new"  # missing, empty or without any table yet
    CURRENT = "current"
    NEEDS_MIGRATION = "needs_migration"


@dataclass(frozen=True)
class Inspection:
    state: FileState
    versions: frozenset[str]


def _fault_or(exc: sqlite3.Error, path: Path, default: UserError) -> UserError:
    """Busy, unreadable or damaged files get their own message; anything else `default`."""
    return faults.translate(exc, path) or default


def _not_ours(path: Path) -> UserError:
    return UserError(
        tr(
            "Filen {path} är ingen Trygghetsråd-databas eller är skadad; den har inte ändrats."
        ).format(path=path)
    )


def read_only_uri(path: Path) -> str:
    """An SQLite URI that reads `path` and never writes: `mode=ro`, or `immutable=1` where
    SQLite could not create the WAL index beside the file (a read-only folder, where nobody
    can write the database either)."""
    uri = path.absolute().as_uri()
    shm = path.with_name(path.name + "-shm")
    if not shm.exists() and not os.access(path.parent, os.W_OK | os.X_OK):
        return f"{uri}?immutable=1"
    return f"{uri}?mode=ro"


def inspect_file(path: Path, *, busy_timeout_ms: int | None = None) -> Inspection:
    """Tell what the file at `path` is without writing a single byte to it."""
    if not path.exists():
        return Inspection(FileState.NEW, frozenset())
    if path.is_dir():
        raise UserError(tr("{path} är en mapp, inte en databasfil.").format(path=path))
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise UserError(
            tr("Databasfilen {path} kan inte läsas: {reason}.").format(
                path=path, reason=os_error_reason(exc)
            )
        ) from exc
    if header == b"":
        return Inspection(FileState.NEW, frozenset())
    if header != SQLITE_HEADER:
        raise _not_ours(path)
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        conn.execute(f"PRAGMA busy_timeout={busy_timeout_ms or BUSY_TIMEOUT_MS}")
    except sqlite3.Error as exc:
        raise _fault_or(exc, path, _not_ours(path)) from exc
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not tables:
            return Inspection(FileState.NEW, frozenset())
        if "alembic_version" not in tables:
            raise _not_ours(path)
        versions = frozenset(
            row[0] for row in conn.execute("SELECT version_num FROM alembic_version")
        )
        # quick_check reads the whole file (about 25 ms for ten years of data, on every
        # start), so it runs only before a migration rewrites the file. A damaged schema page
        # already fails above; damage elsewhere surfaces as a fault when it is read.
        if versions != revisions.heads():
            check = conn.execute("PRAGMA quick_check(1)").fetchone()
            if not check or check[0] != "ok":
                raise faults.fault(faults.FaultKind.DAMAGED, path)
    except sqlite3.Error as exc:
        raise _fault_or(exc, path, _not_ours(path)) from exc
    finally:
        conn.close()
    known = revisions.all_revisions()
    unknown = versions - set(known)
    if unknown:
        raise UserError(
            tr(
                "Databasen {path} kommer från en nyare version av Trygghetsråd. "
                "Uppdatera programmet för att öppna den; filen har inte ändrats."
            ).format(path=path)
        )
    if not versions:
        return Inspection(FileState.NEEDS_MIGRATION, versions)
    if versions == revisions.heads():
        return Inspection(FileState.CURRENT, versions)
    return Inspection(FileState.NEEDS_MIGRATION, versions)
