"""Running the Alembic migrations inside the package, safely (see PITFALLS.md 1-3).

Migrations run on their own connection with foreign keys OFF (a batch rebuild of a parent
table would otherwise cascade-delete its children), inside one explicit transaction, and
`PRAGMA foreign_key_check` must come back empty before the commit. An existing file is
backed up with SQLite's backup API (db.backups) before anything is changed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event

from trygghetsrad.db import faults
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr

SCRIPT_LOCATION = "trygghetsrad.db:migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def copy_aside(path: Path) -> Path:
    """Back `path` up (SQLite's online backup) into the backup folder; return the copy's path."""
    from trygghetsrad.db import backups

    try:
        return backups.make_backup(path, backups.BEFORE_MIGRATION)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(
            tr(
                "Databasen uppdaterades inte: den kunde inte säkerhetskopieras först ({reason})."
            ).format(reason=faults.reason(exc))
        ) from exc


def _migration_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None
        # Must be set outside any transaction, or SQLite ignores it.
        dbapi_conn.execute("PRAGMA foreign_keys=OFF")
        dbapi_conn.execute("PRAGMA busy_timeout=5000")

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def check_foreign_keys(connection: Connection) -> None:
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        table = problems[0][0]
        raise UserError(
            tr(
                "Uppdateringen av databasen avbröts: tabellen {table} fick ogiltiga referenser."
            ).format(table=table)
        )


def upgrade(path: Path, *, copy_aside: bool = True, target: str = "heads") -> Path | None:
    """Bring the database at `path` to `target`; return the copy made beforehand, if any."""
    backup = globals()["copy_aside"](path) if copy_aside and path.exists() else None
    engine = _migration_engine(path)
    try:
        with engine.connect() as connection, connection.begin():
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, target)
            check_foreign_keys(connection)
    finally:
        engine.dispose()
    return backup
