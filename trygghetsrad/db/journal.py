"""Undo and redo of any database change, recorded by SQLite triggers.

The technique is SQLite's own "undo/redo using triggers": while `record()` runs a service
call, TEMP triggers (AFTER INSERT/UPDATE/DELETE) on every table of the models log each row
change to a TEMP table. Rows removed or changed by the database itself (ON DELETE CASCADE,
SET NULL) fire the child tables' triggers too, so they come back on undo. The triggers are
created when recording starts and dropped when it ends, inside the same transaction: a
trigger costs SQLite per-row work on every write even when its WHEN clause is false, so
writes outside `record()` never pay for the journal (the WHEN clause, a flag row, still
keeps anything outside the recorded span out of the log).

Each logged row holds its table, the operation and the old and new row as a JSON array of
SQL literals (`quote()`): exact for every storage class, REALs included, so that undo gives
back byte-identical rows. The log is read into a `ChangeSet` when recording ends; the
ChangeSet lives in Python (in an undo command), not in the connection, so it can be undone
on any connection of the pool.

`undo()`/`redo()` first check that every row the change set touched is still in the state
the change set left it in (or, for redo, found it in). If the user changed one since, they
raise `JournalConflict` and change nothing. Replay runs in one transaction with
`PRAGMA defer_foreign_keys=ON` and is itself recorded: a replay that reaches rows outside
the change set (say a cascade into a record added later) is refused the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from trygghetsrad.db import search_index, search_listeners
from trygghetsrad.db.areas import area_of
from trygghetsrad.domain.changes import Area

LOG = "journal_log"
FLAG = "journal_recording"
TRIGGER_PREFIX = "journal_"
_SCHEMA = "journal_schema"  # connection.info key: the journaled tables' columns
# Not compared when checking that a row is as recorded: an undo made by hand elsewhere (or
# an autosave writing the same text again) restores the values but stamps a new time.
UNCOMPARED = frozenset({"updated_at"})
_CHUNK = 500  # keys per `IN (...)` when checking rows (SQLite allows 32,766 parameters)

Literals = tuple[str, ...]  # one row: each value as an SQL literal, as `quote()` writes it
Key = tuple[Any, ...]
Schema = dict[str, tuple[tuple[str, ...], tuple[int, ...]]]  # table: (columns, pk positions)


class JournalConflict(Exception):
    """The rows a change set touched were changed since; nothing was undone or redone."""

    def __init__(self, table: str, key: Key) -> None:
        super().__init__(f"{table} {key!r} changed since it was recorded")
        self.table = table
        self.key = key


@dataclass(frozen=True)
class RowChange:
    """One row changed by one statement (or by a foreign-key action)."""

    table: str
    op: str  # "I", "U" or "D"
    old: Literals | None
    new: Literals | None

    def values(self, which: str = "new") -> tuple[Any, ...] | None:
        """The old or new row as Python values."""
        row = self.new if which == "new" else self.old
        return None if row is None else tuple(_literal(v) for v in row)


@dataclass(frozen=True)
class ChangeSet:
    """What one recorded piece of work changed, in the order SQLite changed it."""

    label: str
    changes: tuple[RowChange, ...] = ()
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keys: dict[str, tuple[int, ...]] = field(default_factory=dict)  # pk column positions

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(change.table for change in self.changes)

    def count(self, table: str, op: str | None = None) -> int:
        return sum(1 for c in self.changes if c.table == table and (op is None or c.op == op))


# -- encoding ------------------------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _encoded_row(alias: str, columns: Sequence[str]) -> str:
    """SQL for a JSON array of one row's values as SQL literals (`quote()`): exact for every
    storage class (a REAL is written so that it reads back to the same double)."""
    prefix = f"{alias}." if alias else ""
    return "json_array(" + ", ".join(f"quote({prefix}{_quote(c)})" for c in columns) + ")"


def _literal(text: str) -> Any:
    """The Python value of one `quote()` literal."""
    first = text[0]
    if first == "'":
        return text[1:-1].replace("''", "'")
    if text == "NULL":
        return None
    if first == "X":
        return bytes.fromhex(text[2:-1])
    if "." in text or "e" in text or "I" in text or "N" in text:  # 1.5, 3.0e-01, Inf, NaN
        return float(text)
    return int(text)


def _row(text: str | None) -> Literals | None:
    return None if text is None else tuple(json.loads(text))


def _raw(connection: Connection) -> Any:
    """The sqlite3 connection under SQLAlchemy's, in the same transaction: bulk statements
    skip SQLAlchemy's per-statement work (about 60 µs each)."""
    return connection.connection.dbapi_connection


# -- installing the triggers ---------------------------------------------------------------


def journaled_tables() -> list[str]:
    """Every table of the models, except the search index (kept in step on its own)."""
    from trygghetsrad.db.models import load_all

    load_all()
    from trygghetsrad.db.base import Base

    return [name for name in Base.metadata.tables if name != search_index.TABLE]


def _schema(connection: Connection) -> Schema:
    """Columns and primary-key positions of every journaled table (read once per connection)."""
    cached: Schema | None = connection.info.get(_SCHEMA)
    if cached is not None:
        return cached
    raw = _raw(connection)
    schema: Schema = {}
    for table in journaled_tables():
        rows = raw.execute(f"PRAGMA main.table_info({_quote(table)})").fetchall()
        columns = tuple(row[1] for row in rows)
        keys = tuple(i for _n, i in sorted((row[5], i) for i, row in enumerate(rows) if row[5]))
        if columns and keys:
            schema[table] = (columns, keys)
    connection.info[_SCHEMA] = schema
    connection.info[_SCHEMA + "_triggers"] = _triggers(schema)
    return schema


def _triggers(schema: Schema) -> list[tuple[str, str]]:
    """(name, CREATE statement) of every trigger."""
    found = []
    for table, (columns, _keys) in schema.items():
        target = f"main.{_quote(table)}"
        old, new = _encoded_row("OLD", columns), _encoded_row("NEW", columns)
        for op, event, old_sql, new_sql in (
            ("I", "INSERT", "NULL", new),
            ("U", "UPDATE", old, new),
            ("D", "DELETE", old, "NULL"),
        ):
            name = _quote(f"{TRIGGER_PREFIX}{table}_{op.lower()}")
            found.append(
                (
                    name,
                    f"CREATE TEMP TRIGGER IF NOT EXISTS {name} AFTER {event} ON {target} "
                    f"WHEN EXISTS (SELECT 1 FROM {FLAG}) BEGIN INSERT INTO {LOG} "
                    f"(tbl, op, old, new) VALUES ('{table}', '{op}', {old_sql}, {new_sql}); END",
                )
            )
    return found


def _install(connection: Connection) -> Schema:
    """Create the log and the triggers on this connection (inside the current transaction).

    They exist only while recording: any trigger on a table costs SQLite per-row work on
    every write even when its WHEN clause is false (about 70 % on a bulk insert), so
    `_uninstall` drops them again and ordinary writes never pay for the journal.
    """
    schema = _schema(connection)
    raw = _raw(connection)
    raw.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {LOG} "
        "(seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, old TEXT, new TEXT)"
    )
    raw.execute(f"CREATE TEMP TABLE IF NOT EXISTS {FLAG} (on_ INTEGER)")
    for _name, create in connection.info[_SCHEMA + "_triggers"]:
        raw.execute(create)
    return schema


def _uninstall(connection: Connection) -> None:
    raw = _raw(connection)
    for name, _create in connection.info[_SCHEMA + "_triggers"]:
        raw.execute(f"DROP TRIGGER IF EXISTS temp.{name}")


def installed_triggers(connection: Connection) -> int:
    """How many journal triggers this connection has (for tests and measurements)."""
    row = connection.exec_driver_sql(
        "SELECT count(*) FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE ?",
        (f"{TRIGGER_PREFIX}%",),
    ).first()
    return int(row[0]) if row else 0


# -- recording -----------------------------------------------------------------------------


class _Recording:
    def __init__(self, label: str) -> None:
        self.label = label
        self.changeset = ChangeSet(label)


def _start(connection: Connection) -> int:
    raw = _raw(connection)
    raw.execute(f"DELETE FROM temp.{FLAG}")
    raw.execute(f"INSERT INTO temp.{FLAG} VALUES (1)")
    row = raw.execute(f"SELECT max(seq) FROM temp.{LOG}").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _stop(connection: Connection, since: int) -> list[RowChange]:
    raw = _raw(connection)
    raw.execute(f"DELETE FROM temp.{FLAG}")
    rows = raw.execute(
        f"SELECT tbl, op, old, new FROM temp.{LOG} WHERE seq > ? ORDER BY seq", (since,)
    ).fetchall()
    raw.execute(f"DELETE FROM temp.{LOG} WHERE seq > ?", (since,))
    return [RowChange(tbl, op, _row(old), _row(new)) for tbl, op, old, new in rows]


def is_recording(session: Session) -> bool:
    connection = session.connection()
    row = connection.exec_driver_sql(
        f"SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = '{FLAG}'"
    ).first()
    if row is None:
        return False
    return connection.exec_driver_sql(f"SELECT 1 FROM temp.{FLAG}").first() is not None


@contextmanager
def record(session: Session, label: str) -> Iterator[_Recording]:
    """Record every row the body changes through `session`; read `.changeset` afterwards.

    The ORM is flushed before and after, so that pending changes land on the right side.
    If the body raises, nothing is recorded (the session's transaction rolls back anyway).
    """
    session.flush()
    connection = session.connection()
    if is_recording(session):
        raise RuntimeError("journal.record() does not nest")
    schema = _install(connection)
    since = _start(connection)
    recording = _Recording(label)
    try:
        yield recording
        session.flush()
    finally:
        changes = _stop(connection, since)
        _uninstall(connection)
    tables = {c.table for c in changes}
    recording.changeset = ChangeSet(
        label,
        tuple(changes),
        {t: schema[t][0] for t in tables},
        {t: schema[t][1] for t in tables},
    )


# -- undo and redo -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    table: str
    key: Key
    before: Literals | None
    after: Literals | None


def _key(row: Literals, positions: tuple[int, ...]) -> Key:
    return tuple(_literal(row[i]) for i in positions)


def _steps(changeset: ChangeSet) -> list[_Step]:
    steps = []
    for change in changeset.changes:
        positions = changeset.keys[change.table]
        if change.op == "I":
            assert change.new is not None
            steps.append(_Step(change.table, _key(change.new, positions), None, change.new))
        elif change.op == "D":
            assert change.old is not None
            steps.append(_Step(change.table, _key(change.old, positions), change.old, None))
        else:
            assert change.old is not None and change.new is not None
            old_key, new_key = _key(change.old, positions), _key(change.new, positions)
            if old_key == new_key:
                steps.append(_Step(change.table, old_key, change.old, change.new))
            else:  # a primary key that changed: the row moved
                steps.append(_Step(change.table, old_key, change.old, None))
                steps.append(_Step(change.table, new_key, None, change.new))
    return steps


class _Sql:
    """The statements for one table."""

    def __init__(self, table: str, columns: tuple[str, ...], keys: tuple[int, ...]) -> None:
        name = _quote(table)
        where = " AND ".join(f"{_quote(columns[i])} = ?" for i in keys)
        self.table = table
        self.keys = keys
        self.key_columns = [_quote(columns[i]) for i in keys]
        self.encoded = _encoded_row("", columns)
        self.compared = [i for i, c in enumerate(columns) if c not in UNCOMPARED]
        self.select = f"SELECT {self.encoded} FROM {name} WHERE {where}"
        self.delete = f"DELETE FROM {name} WHERE {where}"
        self.insert = (
            f"INSERT INTO {name} ({', '.join(_quote(c) for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        self.update = (
            f"UPDATE {name} SET {', '.join(f'{_quote(c)} = ?' for c in columns)} WHERE {where}"
        )

    def same(self, current: Literals | None, expected: Literals | None) -> bool:
        if current is None or expected is None:
            return current is expected
        return all(current[i] == expected[i] for i in self.compared)

    def current(self, raw: Any, keys: list[Key]) -> dict[Key, Literals]:
        """The rows stored now under `keys`, as literals (missing keys are absent)."""
        found: dict[Key, Literals] = {}
        if len(self.keys) == 1:
            column = self.key_columns[0]
            for start in range(0, len(keys), _CHUNK):
                chunk = [k[0] for k in keys[start : start + _CHUNK]]
                marks = ", ".join("?" for _ in chunk)
                for (text,) in raw.execute(
                    f"SELECT {self.encoded} FROM {_quote(self.table)} WHERE {column} IN ({marks})",
                    chunk,
                ):
                    row = tuple(json.loads(text))
                    found[_key(row, self.keys)] = row
            return found
        for key in keys:
            hit = raw.execute(self.select, key).fetchone()
            if hit is not None:
                found[key] = tuple(json.loads(hit[0]))
        return found


def _values(row: Literals) -> tuple[Any, ...]:
    return tuple(_literal(v) for v in row)


def _apply(session: Session, changeset: ChangeSet, *, backwards: bool) -> None:
    session.flush()
    connection = session.connection()
    schema = _schema(connection)
    for table, columns in changeset.columns.items():
        if schema.get(table, ((), ()))[0] != columns:
            raise JournalConflict(table, ())  # the table changed shape (a newer schema)
    raw = _raw(connection)
    sql = {t: _Sql(t, cols, changeset.keys[t]) for t, cols in changeset.columns.items()}
    steps = _steps(changeset)
    ordered = list(reversed(steps)) if backwards else steps
    expected = _expected(ordered, backwards)
    _check_current(raw, sql, expected)
    raw.execute("PRAGMA defer_foreign_keys=ON")
    _install(connection)
    since = _start(connection)
    try:
        _replay(raw, sql, ordered, backwards)
    finally:
        side_effects = _stop(connection, since)
        _uninstall(connection)
    for change in side_effects:
        positions = changeset.keys.get(change.table) or schema[change.table][1]
        for row in (change.old, change.new):
            if row is not None and (change.table, _key(row, positions)) not in expected:
                raise JournalConflict(change.table, _key(row, positions))
    # The statements above bypass SQLAlchemy, so tell the search index which tables to
    # bring in step before the commit (as it does for any plain SQL write).
    search_listeners.mark_stale(connection, set(changeset.tables))
    session.expire_all()


def _expected(ordered: list[_Step], backwards: bool) -> dict[tuple[str, Key], Literals | None]:
    """The state each touched row must be in now: for undo the state the change set left
    (its last step per row), for redo the state it found (its first) -- in both cases the
    first one met in replay order."""
    expected: dict[tuple[str, Key], Literals | None] = {}
    for step in ordered:
        expected.setdefault((step.table, step.key), step.after if backwards else step.before)
    return expected


def _check_current(
    raw: Any, sql: dict[str, _Sql], expected: dict[tuple[str, Key], Literals | None]
) -> None:
    """JournalConflict unless every touched row is as `expected` (read a table at a time)."""
    for table, items in groupby(sorted(expected, key=lambda tk: tk[0]), key=lambda tk: tk[0]):
        keys = [key for _t, key in items]
        now = sql[table].current(raw, keys)
        for key in keys:
            if not sql[table].same(now.get(key), expected[(table, key)]):
                raise JournalConflict(table, key)


def _replay(raw: Any, sql: dict[str, _Sql], ordered: list[_Step], backwards: bool) -> None:
    """Write the steps in order; consecutive steps of one kind on one table run as one
    executemany."""

    def kind(step: _Step) -> tuple[str, str]:
        target = step.before if backwards else step.after
        source = step.after if backwards else step.before
        return (
            step.table,
            "delete" if target is None else "insert" if source is None else "update",
        )

    def written(step: _Step) -> Literals:
        row = step.before if backwards else step.after
        assert row is not None  # an insert or an update: the kind says it has a row to write
        return row

    for (table, what), group in groupby(ordered, key=kind):
        statements = sql[table]
        batch = list(group)
        if what == "delete":
            raw.executemany(statements.delete, [s.key for s in batch])
        elif what == "insert":
            raw.executemany(statements.insert, [_values(written(s)) for s in batch])
        else:
            raw.executemany(statements.update, [(*_values(written(s)), *s.key) for s in batch])


def undo(session: Session, changeset: ChangeSet) -> None:
    """Put every row the change set touched back as it was before; JournalConflict if it can't."""
    _apply(session, changeset, backwards=True)


def redo(session: Session, changeset: ChangeSet) -> None:
    """Make the change set's changes again; JournalConflict if the rows changed since."""
    _apply(session, changeset, backwards=False)


def areas(changeset: ChangeSet) -> frozenset[Area]:
    """The `domain.changes` areas whose tables the change set touched (`db/areas.py`)."""
    return frozenset(filter(None, (area_of(t) for t in changeset.tables)))
