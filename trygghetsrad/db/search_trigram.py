"""The second search table, `search_index_trigram`: the index's rows for searching the way
people type (PITFALLS 24).

SQLite's trigram tokenizer finds a word inside a Swedish compound ("övervakning" in
"Kameraövervakning"), and a copy of the text with å/ä/ö/é… folded to a/o/e lets "ange" find
"Ånge". The trigram tokenizer needs SQLite 3.34 (its own `remove_diacritics` 3.45, hence the
folded copy); with an older SQLite (Python on Windows bundles its own) the table is made with
the word tokenizer, so folded words are still found by their beginning, and a trigram table
that the running SQLite can't read is left alone. `search_index` writes this table whenever it
writes its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Connection

TRIGRAM_TABLE = "search_index_trigram"
TRIGRAM_SINCE = (3, 34, 0)  # SQLite version with the trigram tokenizer
TRIGRAM = "trigram"  # substring_index(): words inside words, and folded text
WORDS = "words"  # substring_index(): folded words by their beginning only
_INSERT = (
    f"INSERT INTO {TRIGRAM_TABLE} (rowid, kind, ref_table, ref_id, title, body, "
    "folded_title, folded_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def _create_sql(tokenizer: str) -> str:
    return (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TRIGRAM_TABLE} USING fts5("
        "kind UNINDEXED, ref_table UNINDEXED, ref_id UNINDEXED, title, body, "
        f"folded_title, folded_body, tokenize = '{tokenizer}')"
    )


def substring_index(connection: Connection) -> str | None:
    """TRIGRAM or WORDS: how the second table finds text; None when there is none this
    SQLite can use."""
    info = connection.info
    if "search_substring" not in info:
        import sqlite3

        row = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (TRIGRAM_TABLE,)
        ).first()
        if row is None:
            return None  # not cached: the migration may create it on this connection
        if "'trigram'" in str(row[0]).lower():  # the tokenizer, not the table's name
            usable = sqlite3.sqlite_version_info >= TRIGRAM_SINCE
            info["search_substring"] = TRIGRAM if usable else None
        else:
            info["search_substring"] = WORDS
    found: str | None = info["search_substring"]
    return found


def create_trigram_table(connection: Connection) -> None:
    """The second table, with the trigram tokenizer when this SQLite has it."""
    import sqlite3

    tokenizer = (
        "trigram"
        if sqlite3.sqlite_version_info >= TRIGRAM_SINCE
        else "unicode61 remove_diacritics 0"
    )
    connection.exec_driver_sql(_create_sql(tokenizer))
    connection.info.pop("search_substring", None)


def _folded(row: tuple[Any, ...]) -> tuple[Any, ...]:
    from trygghetsrad.domain.search import fold

    return (*row, fold(row[4]), fold(row[5]))


def insert(connection: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """(rowid, kind, ref_table, ref_id, title, body) rows, with their folded text."""
    connection.exec_driver_sql(_INSERT, [_folded(tuple(row)) for row in rows])


def fill(connection: Connection, word_table: str, batch: int) -> int:
    """Create the table and fill it from the word index's rows (a migration)."""
    create_trigram_table(connection)
    if substring_index(connection) is None:
        return 0
    connection.exec_driver_sql(f"DELETE FROM {TRIGRAM_TABLE}")
    result = connection.exec_driver_sql(
        f"SELECT rowid, kind, ref_table, ref_id, title, body FROM {word_table}"
    )
    total = 0
    while rows := result.fetchmany(batch):
        insert(connection, rows)
        total += len(rows)
    connection.exec_driver_sql(f"INSERT INTO {TRIGRAM_TABLE}({TRIGRAM_TABLE}) VALUES ('optimize')")
    return total
