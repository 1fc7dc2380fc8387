"""Copies of the database made with SQLite's online backup, never by copying a live file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from trygghetsrad.db.engine import Database
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import tr


def backup_to(database: Database, target: Path) -> Path:
    """Write a consistent copy of the open database to `target` (which must not be the database)."""
    if target.resolve() == database.path.resolve():
        raise UserError(tr("Säkerhetskopian kan inte skrivas över själva databasen."))
    tmp = target.with_name(target.name + ".tmp")
    try:
        raw = database.engine.raw_connection()
        try:
            dest = sqlite3.connect(tmp)
            try:
                raw.driver_connection.backup(dest)  # type: ignore[union-attr]
            finally:
                dest.close()
        finally:
            raw.close()
        tmp.replace(target)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(
            tr("Säkerhetskopian kunde inte skrivas till {path}: {reason}").format(
                path=target, reason=exc
            )
        ) from exc
    return target
