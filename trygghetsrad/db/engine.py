"""Opening the SQLite file: checks that never modify it, migrations, pragmas and sessions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from trygghetsrad.db import faults, revisions
from trygghetsrad.errors import UserError
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


def inspect_file(path: Path) -> Inspection:
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
            tr("Databasfilen {path} kan inte läsas: {reason}").format(
                path=path, reason=exc.strerror
            )
        ) from exc
    if header == b"":
        return Inspection(FileState.NEW, frozenset())
    if header != SQLITE_HEADER:
        raise _not_ours(path)
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
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


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" hook own transactions (pysqlite does not BEGIN before DDL).
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")
    # Lets a session tell whether it wrote anything (see Database._check_still_there).
    conn.info["changes_at_begin"] = conn.connection.driver_connection.total_changes


def _connector(path: Path, read_only: bool):  # type: ignore[no-untyped-def]
    # mode=rw: a file deleted while the program runs is never silently re-created empty.
    uri = f"{path.absolute().as_uri()}?mode=rw"

    def connect() -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise faults.translate(exc, path) or exc from exc
        if read_only:
            conn.execute("PRAGMA query_only=ON")
        return conn

    return connect


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=_connector(path, read_only),
        poolclass=QueuePool,
        future=True,
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """An open database file: hands out sessions that commit on success and roll back on error.

    Low-level SQLite errors leaving a session (busy, read-only, disk full, damaged, deleted
    while open) are turned into `DatabaseFault`s with a Swedish message in one place here,
    so that every page and command reports them the same way.
    """

    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        read_only: bool = False,
        locked: bool = False,
    ) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self._locked = locked
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._keeper: sqlite3.Connection | None = None
        try:
            # Keeps the file's content reachable if the file is deleted while open (rescue()).
            self._keeper = sqlite3.connect(
                f"{path.absolute().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            # SQLite opens lazily: read once so that the file is really held open.
            self._keeper.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            self._keeper = None

    def translate(self, exc: BaseException) -> faults.DatabaseFault | None:
        if isinstance(exc, faults.DatabaseFault):
            return exc
        if not faults.is_sqlite_error(exc):
            # An OSError inside a session is about some other file (an export), not this one.
            return None
        found = faults.translate(exc, self.path)
        if found is None:
            if not self.path.exists() and faults.is_sqlite_error(exc):
                return faults.fault(faults.FaultKind.MISSING, self.path)
            return None
        if self.read_only and found.kind is faults.FaultKind.READ_ONLY and self.path.exists():
            return faults.fault(faults.FaultKind.READ_ONLY_SESSION, self.path)
        return found

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._factory()
        try:
            yield session
            session.flush()
            self._check_still_there(session)
            session.commit()
        except BaseException as exc:
            # The original error is the one to report, not a failing rollback.
            with suppress(Exception):
                session.rollback()
            translated = self.translate(exc)
            if translated is not None and translated is not exc:
                raise translated from exc
            raise
        finally:
            session.close()

    def _check_still_there(self, session: Session) -> None:
        """Refuse to commit writes into a file that was deleted or moved while open.

        SQLite would happily write into the deleted file (its WAL still exists), and
        everything would be lost when the program closes.
        """
        if not session.in_transaction() or self.path.exists():
            return
        connection = session.connection()
        before = connection.info.get("changes_at_begin", 0)
        if connection.connection.driver_connection.total_changes > before:  # type: ignore[union-attr]
            raise faults.fault(faults.FaultKind.MISSING, self.path)

    def check_present(self) -> None:
        """Raise a DatabaseFault (MISSING) if the file was deleted or moved while open."""
        if not self.path.exists():
            raise faults.fault(faults.FaultKind.MISSING, self.path)

    def rescue(self, target: Path) -> Path:
        """Write what is still open of a deleted database file to `target` (online backup)."""
        from trygghetsrad.db.backups import snapshot

        try:  # a pooled connection sees the newest state, including its own writes
            raw = self.engine.raw_connection()
            try:
                return snapshot(raw.driver_connection, target)  # type: ignore[arg-type]
            finally:
                raw.close()
        except Exception:  # noqa: BLE001 - fall back on the connection kept for this
            if self._keeper is None:
                raise
            return snapshot(self._keeper, target)

    def close(self) -> None:
        self.engine.dispose()
        if self._keeper is not None:
            self._keeper.close()
            self._keeper = None
        if self._locked:
            self._locked = False
            from trygghetsrad.db import lock

            lock.release(self.path)


class LockMode(Enum):
    NONE = "none"  # tests and internal helpers
    EXCLUSIVE = "exclusive"  # the window: refuse if another instance has the file
    SHARED = "shared"  # headless commands: exclusive if free, else read-only beside the window


def _check_writable(path: Path) -> None:
    if path.exists() and not os.access(path, os.W_OK):
        raise faults.fault(faults.FaultKind.READ_ONLY, path)
    folder = path.parent
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(
            tr(
                "Mappen {folder} är skrivskyddad. Databasen behöver kunna spara sina "
                "hjälpfiler bredvid sig; flytta den till en mapp där du får skriva."
            ).format(folder=folder)
        )


def open_database(path: Path, *, migrate: bool = True, lock: LockMode = LockMode.NONE) -> Database:
    """Open (creating or migrating when needed) the database at `path`."""
    from trygghetsrad.db import lock as locking

    read_only = False
    locked = False
    if lock is not LockMode.NONE:
        try:
            locking.acquire(path)
            locked = True
        except locking.DatabaseInUse:
            if lock is LockMode.EXCLUSIVE:
                raise
            read_only = True
    try:
        inspection = inspect_file(path)
        if read_only:
            if inspection.state is not FileState.CURRENT:
                raise faults.fault(faults.FaultKind.READ_ONLY_SESSION, path)
        else:
            _check_writable(path)
        if inspection.state is not FileState.CURRENT:
            if not migrate:
                raise UserError(tr("Databasen {path} behöver uppdateras.").format(path=path))
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise UserError(
                    tr("Mappen {folder} kan inte skapas: {reason}").format(
                        folder=path.parent, reason=exc.strerror
                    )
                ) from exc
            from trygghetsrad.db.migrate import upgrade

            try:
                upgrade(path, copy_aside=inspection.state is FileState.NEEDS_MIGRATION)
            except Exception as exc:
                low_level = faults.is_sqlite_error(exc) or isinstance(exc, OSError)
                found = faults.translate(exc, path) if low_level else None
                if found is None:
                    raise
                raise found from exc
        return Database(
            path, make_engine(path, read_only=read_only), read_only=read_only, locked=locked
        )
    except BaseException:
        if locked:
            locking.release(path)
        raise
