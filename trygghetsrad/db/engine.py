"""Opening the SQLite file: checks that never modify it, migrations, pragmas and sessions.

SQLAlchemy is imported when the first database is opened, not when this module is: the
window paints its first page from a plain `sqlite3` read (`db.glance`) and opens the
database right after, and the command line builds its parser without it.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, cast

from trygghetsrad import files
from trygghetsrad.db import faults
from trygghetsrad.db.inspection import (
    BUSY_TIMEOUT_MS,
    SQLITE_HEADER,
    FileState,
    Inspection,
    inspect_file,
    read_only_uri,
)
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr
from trygghetsrad.source_lines import forgetting_source_lines

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import PoolProxiedConnection

    from trygghetsrad.db.lock import LockInfo

__all__ = [
    "BUSY_TIMEOUT_MS",
    "SQLITE_HEADER",
    "Database",
    "FileState",
    "Inspection",
    "LockMode",
    "inspect_file",
    "make_engine",
    "open_database",
    "sqlite_of",
]


def load_sqlalchemy() -> None:
    """Import SQLAlchemy (core and ORM) without loading OpenSSL or keeping its source.

    Nothing in the app uses TLS, yet importing SQLAlchemy loads OpenSSL (libcrypto: about
    4 MB of the window's memory) through hashlib and asyncio's optional TLS support. Both fall
    back cleanly while SQLAlchemy is imported (hashlib to Python's own hashes, asyncio to no
    TLS); afterwards `ssl` imports normally again for whoever needs it.
    """
    if "sqlalchemy.orm" in sys.modules:
        return
    deferred = [name for name in ("ssl", "_hashlib") if name not in sys.modules]
    # None in sys.modules makes an import fail (the documented way to block one).
    blocked = cast("dict[str, ModuleType | None]", sys.modules)
    for name in deferred:
        blocked[name] = None
    try:
        with forgetting_source_lines():  # about 20 MB of SQLAlchemy's source otherwise
            import sqlalchemy.orm  # noqa: F401
    finally:
        for name in deferred:
            if sys.modules.get(name, ...) is None:
                del sys.modules[name]


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" hook own transactions (pysqlite does not BEGIN before DDL).
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if not cursor.execute("PRAGMA query_only").fetchone()[0]:  # a reader changes no mode
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")
    # Lets a session tell whether it wrote anything (see Database._check_still_there).
    conn.info["changes_at_begin"] = conn.connection.driver_connection.total_changes


def _connector(
    path: Path, read_only: bool, file_read_only: bool = False
) -> Callable[[], sqlite3.Connection]:
    # mode=rw: a file deleted while the program runs is never silently re-created empty.
    uri = read_only_uri(path) if file_read_only else f"{path.absolute().as_uri()}?mode=rw"

    def connect() -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise faults.translate(exc, path) or exc from exc
        if read_only:
            conn.execute("PRAGMA query_only=ON")
        return conn

    return connect


def sqlite_of(raw: PoolProxiedConnection) -> sqlite3.Connection:
    """The sqlite3 connection under a pooled one (every engine here is pysqlite's)."""
    driver = raw.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def make_engine(path: Path, *, read_only: bool = False, file_read_only: bool = False) -> Engine:
    load_sqlalchemy()
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    engine = create_engine(
        "sqlite+pysqlite://",
        creator=_connector(path, read_only or file_read_only, file_read_only),
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
        holder: LockInfo | None = None,
        file_read_only: bool = False,
    ) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only or file_read_only
        files.protect(path)  # no document is ever written over it
        self._locked = locked
        self._holder = holder  # who has the file, when it is read-only because of them
        self._file_read_only = file_read_only
        load_sqlalchemy()
        from sqlalchemy.orm import sessionmaker

        self._factory = sessionmaker(engine, expire_on_commit=False)
        from trygghetsrad.db import search_listeners  # SQLAlchemy: loaded on opening only

        search_listeners.install(engine, self._factory)  # this database's index, nobody else's
        self._keeper: sqlite3.Connection | None = None
        try:
            # Keeps the file's content reachable if the file is deleted while open (rescue()).
            self._keeper = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
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
            return self.write_refusal()
        return found

    def write_refusal(self) -> faults.DatabaseFault:
        """Why this read-only database can't be changed: the file is write-protected, or the
        window, another command or another program has it (named when known)."""
        if self._file_read_only:
            try:
                _check_writable(self.path)  # names the folder when that is what is protected
            except UserError as exc:
                return faults.DatabaseFault(str(exc), faults.FaultKind.READ_ONLY, self.path)
            return faults.fault(faults.FaultKind.READ_ONLY, self.path)
        return faults.read_only_beside(self.path, self._holder)

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
        driver = connection.connection.driver_connection
        if driver is not None and driver.total_changes > before:
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
                return snapshot(sqlite_of(raw), target)
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


def _missing(path: Path) -> UserError:
    return UserError(
        tr(
            "Databasen {path} finns inte; kontrollera sökvägen. Kommandot skapar ingen ny "
            "databas (det gör bara kommandon som lägger in data, som demo och import)."
        ).format(path=path)
    )


def _writable(path: Path) -> bool:
    folder = path.parent
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def open_database(
    path: Path,
    *,
    migrate: bool = True,
    lock: LockMode = LockMode.NONE,
    create: bool = True,
    program: str | None = None,
) -> Database:
    """Open (creating or migrating when needed) the database at `path`.

    `create=False` refuses a missing or empty file instead of making a database there (a
    reading command on a mistyped path). With LockMode.SHARED a file that can't be written
    (or that the window or another command has) is opened read-only; `program` names the
    holder of the lock to others ("kommandot import")."""
    from trygghetsrad.db import lock as locking

    if not create and not path.exists():
        raise _missing(path)
    load_sqlalchemy()  # before Alembic, if a migration is due, imports it
    file_read_only = lock is LockMode.SHARED and path.exists() and not _writable(path)
    locked, read_only, holder = _take_lock(path, lock, program, skip=file_read_only)
    try:
        if locked:  # ours alone: copies a killed restore or backup left behind can go
            from trygghetsrad.db import backups, leftovers

            leftovers.remove_stale(path, backups.folder_for(path), beside_database=True)
        inspection = inspect_file(path, busy_timeout_ms=BUSY_TIMEOUT_MS)
        _check_access(path, inspection.state, create, file_read_only, read_only, holder)
        if inspection.state is not FileState.CURRENT:
            _migrate(path, inspection.state, migrate)
        return Database(
            path,
            make_engine(path, read_only=read_only, file_read_only=file_read_only),
            read_only=read_only,
            locked=locked,
            holder=holder,
            file_read_only=file_read_only,
        )
    except BaseException:
        if locked:
            locking.release(path)
        raise


def _take_lock(
    path: Path, lock: LockMode, program: str | None, *, skip: bool
) -> tuple[bool, bool, LockInfo | None]:
    """Whether the lock is ours; else whether a shared open has to read only beside the
    holder of the lock, and who that is (None when it can't be told)."""
    from trygghetsrad.db import lock as locking

    if lock is LockMode.NONE or skip:
        return False, False, None
    try:
        locking.acquire(path, **({"program": program} if program else {}))
    except locking.DatabaseInUse as exc:
        if lock is LockMode.EXCLUSIVE:
            raise
        return False, True, exc.holder
    return True, False, None


def _check_access(
    path: Path,
    state: FileState,
    create: bool,
    file_read_only: bool,
    read_only: bool,
    holder: LockInfo | None,
) -> None:
    """Refuse what can't be done: a new file for a reading command, a migration of a file
    that can't be written or that another program has open, a folder we can't write in."""
    if not create and state is FileState.NEW:
        raise UserError(
            tr("Filen {path} innehåller ingen databas ännu; den har inte ändrats.").format(
                path=path
            )
        )
    if file_read_only:
        if state is not FileState.CURRENT:
            raise faults.fault(faults.FaultKind.READ_ONLY, path)
    elif read_only:
        if state is not FileState.CURRENT:
            raise faults.read_only_beside(path, holder)
    else:
        _check_writable(path)


def _migrate(path: Path, state: FileState, migrate: bool) -> None:
    """Create or upgrade the file's schema (copied aside first when it holds data)."""
    if not migrate:
        raise UserError(tr("Databasen {path} behöver uppdateras.").format(path=path))
    try:
        # Private from the start: SQLite gives -wal/-shm the mode of the file.
        files.create_private_file(files.private_dirs(path.parent) / path.name)
    except OSError as exc:
        raise UserError(
            tr("Mappen {folder} kan inte skapas: {reason}").format(
                folder=path.parent, reason=faults.reason(exc)
            )
        ) from exc
    from trygghetsrad.db.migrate import upgrade

    try:
        upgrade(path, copy_aside=state is FileState.NEEDS_MIGRATION)
    except Exception as exc:
        low_level = faults.is_sqlite_error(exc) or isinstance(exc, OSError)
        found = faults.translate(exc, path) if low_level else None
        if found is None:
            raise
        raise found from exc
