"""Helpers for the tests that take a database back before a migration and compare every row
after upgrading it again: the downgrade, the tables with their columns, and their contents."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from trygghetsrad.db.migrate import _migration_engine, alembic_config


def downgrade_to(path: Path, target: str) -> None:
    """Run Alembic's downgrade to `target` (a revision, or "REV-1") on its own connection."""
    from alembic import command

    engine = _migration_engine(path)
    try:
        with engine.connect() as connection, connection.begin():
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, target)
    finally:
        engine.dispose()


def table_columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Every ordinary table (not Alembic's, not the search index) with its column names."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    virtual = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    return {
        name: [c[1] for c in conn.execute(f'PRAGMA table_info("{name}")')]
        for name, _sql in rows
        if name != "alembic_version"
        and name not in virtual
        and not any(name.startswith(v + "_") for v in virtual)
    }


def contents(path: Path, tables: dict[str, list[str]]) -> dict[str, list[tuple[object, ...]]]:
    """Every row of each table, of the given columns only, in rowid order."""
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(
                'SELECT {} FROM "{}" ORDER BY rowid'.format(
                    ", ".join(f'"{c}"' for c in columns), table
                )
            ).fetchall()
            for table, columns in tables.items()
        }
    finally:
        conn.close()


def applied(path: Path) -> set[str]:
    """Every revision the file has had applied: its recorded heads and all below them (a
    revision a later one builds on is no head, and applied all the same)."""
    from alembic.script import ScriptDirectory

    from trygghetsrad.db.migrate import alembic_config

    conn = sqlite3.connect(path)
    try:
        heads = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    finally:
        conn.close()
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for head in heads for rev in script.iterate_revisions(head, "base")}
