"""Full-text search index (SQLite FTS5): creating, filling and writing it.

One FTS5 table, `search_index`, holds a row per searchable record of every workspace; which
tables those are, and how each is indexed, is `db.search_sources`. Beside it,
`search_index_trigram` (`db.search_trigram`) holds the same rows for searching the way
people type: words inside words, and text with å/ä/ö folded. Every write of the index
writes both tables.

The ORM keeps it current through the listeners `db.search_listeners` installs on each
database when it is opened; bulk loaders using Core insert() statements call
`rebuild_index()` at the end.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from trygghetsrad.db import search_trigram
from trygghetsrad.db.search_sources import BY_TABLE as BY_TABLE
from trygghetsrad.db.search_sources import (
    ROWID_SHIFT,
    SOURCES,
    Source,
    id_list,
    join_text,
    table_columns,
)
from trygghetsrad.db.search_trigram import TRIGRAM as TRIGRAM
from trygghetsrad.db.search_trigram import TRIGRAM_TABLE as TRIGRAM_TABLE
from trygghetsrad.db.search_trigram import WORDS as WORDS
from trygghetsrad.db.search_trigram import create_trigram_table as create_trigram_table
from trygghetsrad.db.search_trigram import substring_index as substring_index

TABLE = "search_index"
TOKENIZER = "unicode61 remove_diacritics 0"
CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "kind UNINDEXED, ref_table UNINDEXED, ref_id UNINDEXED, title, body, "
    f"tokenize = '{TOKENIZER}')"
)
_BATCH = 2000  # rows read and written at a time when reindexing


# -- writing -------------------------------------------------------------------------------


def present(connection: Connection) -> bool:
    info = connection.info
    if info.get("search_index_present"):
        return True
    found = (
        connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
        ).first()
        is not None
    )
    if found:
        info["search_index_present"] = True
    return found


def _insert(connection: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """(rowid, kind, ref_table, ref_id, title, body) rows into both tables."""
    if not rows:
        return
    connection.exec_driver_sql(
        f"INSERT INTO {TABLE} (rowid, kind, ref_table, ref_id, title, body) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        list(rows),
    )
    if substring_index(connection) is not None:
        search_trigram.insert(connection, rows)


def _delete(connection: Connection, rowids: Sequence[int]) -> None:
    if not rowids:
        return
    params = [(rowid,) for rowid in rowids]
    connection.exec_driver_sql(f"DELETE FROM {TABLE} WHERE rowid = ?", params)
    if substring_index(connection) is not None:
        connection.exec_driver_sql(f"DELETE FROM {TRIGRAM_TABLE} WHERE rowid = ?", params)


def write_rows(
    connection: Connection, rows: Sequence[tuple[Any, ...]], *, removed: Sequence[int] = ()
) -> None:
    """Remove the index rows `removed` (rowids), then add `rows` (as `_insert` takes them)."""
    _delete(connection, removed)
    _insert(connection, rows)


def _tables(connection: Connection) -> list[str]:
    return [TABLE, *([TRIGRAM_TABLE] if substring_index(connection) is not None else [])]


# -- rebuilding ----------------------------------------------------------------------------


def create_table(connection: Connection) -> None:
    connection.exec_driver_sql(CREATE_SQL)


def reindex_table(connection: Connection, source: Source, ids: Sequence[int] | None = None) -> int:
    """Replace the index rows of one table (of `ids` only, when given); return how many rows
    were indexed. Read and written a batch at a time: a big table is never all in memory."""
    columns = set(table_columns(connection, source.table))
    if not columns:
        return 0
    if ids is None:
        low, high = source.rowid(0), source.rowid((1 << ROWID_SHIFT) - 1)
        for table in _tables(connection):
            connection.exec_driver_sql(
                f"DELETE FROM {table} WHERE rowid BETWEEN ? AND ?", (low, high)
            )
    elif ids:
        _delete(connection, [source.rowid(i) for i in ids])
    else:
        return 0
    title = [c for c in source.title if c in columns]
    body = [c for c in source.body if c in columns]
    select = ", ".join(f'"{c}"' for c in ("id", *title, *body))
    where = f" WHERE id IN ({id_list(ids)})" if ids is not None else ""
    result = connection.exec_driver_sql(f'SELECT {select} FROM "{source.table}"{where}')
    n_title = len(title)
    total = 0
    while True:
        rows = result.fetchmany(_BATCH)
        if not rows:
            break
        read = [row[0] for row in rows]
        derived = source.derived(connection, read) if source.derived else {}
        added = source.body_from(connection, read) if source.body_from else {}
        params = []
        for row in rows:
            extra = derived.get(row[0])
            more = added.get(row[0])
            params.append(
                (
                    source.rowid(row[0]),
                    source.kind,
                    source.table,
                    row[0],
                    join_text((extra.title if extra else "", *row[1 : 1 + n_title])),
                    join_text(
                        (
                            *row[1 + n_title :],
                            extra.body if extra else "",
                            more.body if more else "",
                        )
                    ),
                )
            )
        _insert(connection, params)
        total += len(params)
    return total


def rebuild_index(target: Session | Connection) -> int:
    """Create the index if needed and fill it from every registered table that exists."""
    connection = target.connection() if isinstance(target, Session) else target
    create_table(connection)
    for table in _tables(connection):
        connection.exec_driver_sql(f"DELETE FROM {table}")
    total = sum(reindex_table(connection, source) for source in SOURCES)
    for table in _tables(connection):
        connection.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    return total


def fill_trigram_table(connection: Connection) -> int:
    """Create the second table and fill it from the word index's rows (a migration)."""
    return search_trigram.fill(connection, TABLE, _BATCH)


def prune(connection: Connection, rowids: Sequence[int]) -> None:
    """Drop index rows whose record is gone (deleted by the database, e.g. ON DELETE CASCADE)."""
    _delete(connection, rowids)
