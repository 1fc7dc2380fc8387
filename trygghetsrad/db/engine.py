"""Opening the SQLite file: checks that never modify it, migrations, pragmas and sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from trygghetsrad.db import revisions
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
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _not_ours(path) from exc
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
        conn.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.Error as exc:
        raise _not_ours(path) from exc
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


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """An open database file: hands out sessions that commit on success and roll back on error."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path, *, migrate: bool = True) -> Database:
    """Open (creating or migrating when needed) the database at `path`."""
    inspection = inspect_file(path)
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

        upgrade(path, copy_aside=inspection.state is FileState.NEEDS_MIGRATION)
    return Database(path, make_engine(path))
