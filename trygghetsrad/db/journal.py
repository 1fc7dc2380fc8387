"""Undo and redo of any database change, recorded by SQLite triggers.

The technique is SQLite's own "undo/redo using triggers": on a connection that records,
TEMP triggers (AFTER INSERT/UPDATE/DELETE) on every table of the models log each row
change to a TEMP table, but only while a flag row exists (`record()` sets it around a
service call). Rows removed or changed by the database itself (ON DELETE CASCADE, SET NULL)
fire the child tables' triggers too, so they come back on undo. Connections that never
record have no triggers at all; on those that have, a write outside `record()` costs one
`EXISTS` on an empty TEMP table per row.

Each logged row holds its table, the operation and the old and new row as JSON: a
`[type, value, type, value, ...]` array with SQLite's storage class ('i', 'r', 't', 'b',
'n') beside each value, REALs written with 17 significant digits and BLOBs in hex, so that
undo gives back byte-identical rows. The log is read into a `ChangeSet` when recording
ends; the ChangeSet lives in Python (in an undo command), not in the connection, so it can
be undone on any connection of the pool.

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
from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from trygghetsrad.db.search_index import TABLE as SEARCH_TABLE

LOG = "journal_log"
FLAG = "journal_recording"
TRIGGER_PREFIX = "journal_"
_INSTALLED_MARK = "journal_installed"  # connection.info key: installed table set

Values = tuple[Any, ...]
Key = tuple[Any, ...]


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
    old: Values | None
    new: Values | None


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
    """SQL for a JSON array of (storage class, value) pairs of one row, exact for REAL/BLOB."""
    parts = []
    for name in columns:
        col = f"{alias}.{_quote(name)}" if alias else _quote(name)
        parts.append(f"substr(typeof({col}), 1, 1)")
        parts.append(
            f"CASE typeof({col}) WHEN 'real' THEN printf('%!.17g', {col}) "
            f"WHEN 'blob' THEN hex({col}) ELSE {col} END"
        )
    return "json_array(" + ", ".join(parts) + ")"


def _decode(text: str | None) -> Values | None:
    if text is None:
        return None
    flat = json.loads(text)
    values: list[Any] = []
    for kind, value in zip(flat[0::2], flat[1::2], strict=True):
        if kind == "r":
            values.append(float(value))
        elif kind == "b":
            values.append(bytes.fromhex(value))
        elif kind == "n":
            values.append(None)
        else:
            values.append(value)
    return tuple(values)


def _same(current: Values | None, expected: Values | None) -> bool:
    if current is None or expected is None:
        return current is expected
    # A REAL compares equal to an INTEGER of the same value in Python; the type matters here.
    return len(current) == len(expected) and all(
        type(a) is type(b) and a == b for a, b in zip(current, expected, strict=True)
    )


# -- installing the triggers ---------------------------------------------------------------


def journaled_tables() -> list[str]:
    """Every table of the models, except the search index (kept in step on its own)."""
    from trygghetsrad.db.models import load_all

    load_all()
    from trygghetsrad.db.base import Base

    return [name for name in Base.metadata.tables if name != SEARCH_TABLE]


def _table_info(connection: Connection, table: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    rows = connection.exec_driver_sql(f"PRAGMA main.table_info({_quote(table)})").fetchall()
    columns = tuple(row[1] for row in rows)
    by_pk = sorted((row[5], i) for i, row in enumerate(rows) if row[5])
    return columns, tuple(i for _n, i in by_pk)


def _schema(connection: Connection) -> dict[str, tuple[tuple[str, ...], tuple[int, ...]]]:
    info = connection.info
    cached = info.get(_INSTALLED_MARK)
    installed = connection.exec_driver_sql(
        f"SELECT 1 FROM temp.sqlite_master WHERE type = 'table' AND name = '{LOG}'"
    ).first()
    if cached is not None and installed is not None:
        return cached  # type: ignore[no-any-return]
    schema = {}
    for table in journaled_tables():
        columns, keys = _table_info(connection, table)
        if columns and keys:
            schema[table] = (columns, keys)
    _install(connection, schema)
    info[_INSTALLED_MARK] = schema
    return schema


def _install(
    connection: Connection, schema: dict[str, tuple[tuple[str, ...], tuple[int, ...]]]
) -> None:
    run = connection.exec_driver_sql
    run(
        f"CREATE TEMP TABLE IF NOT EXISTS {LOG} "
        "(seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, old TEXT, new TEXT)"
    )
    run(f"CREATE TEMP TABLE IF NOT EXISTS {FLAG} (on_ INTEGER)")
    when = f"WHEN EXISTS (SELECT 1 FROM {FLAG})"
    for table, (columns, _keys) in schema.items():
        target = f"main.{_quote(table)}"
        old, new = _encoded_row("OLD", columns), _encoded_row("NEW", columns)
        for op, event, old_sql, new_sql in (
            ("I", "INSERT", "NULL", new),
            ("U", "UPDATE", old, new),
            ("D", "DELETE", old, "NULL"),
        ):
            trigger = _quote(f"{TRIGGER_PREFIX}{table}_{op.lower()}")
            run(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {trigger} AFTER {event} ON {target} "
                f"{when} BEGIN INSERT INTO {LOG} (tbl, op, old, new) "
                f"VALUES ('{table}', '{op}', {old_sql}, {new_sql}); END"
            )


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


def _last_seq(connection: Connection) -> int:
    row = connection.exec_driver_sql(f"SELECT max(seq) FROM temp.{LOG}").first()
    return int(row[0]) if row and row[0] is not None else 0


def _start(connection: Connection) -> int:
    connection.exec_driver_sql(f"DELETE FROM temp.{FLAG}")
    connection.exec_driver_sql(f"INSERT INTO temp.{FLAG} VALUES (1)")
    return _last_seq(connection)


def _stop(connection: Connection, since: int) -> list[RowChange]:
    connection.exec_driver_sql(f"DELETE FROM temp.{FLAG}")
    rows = connection.exec_driver_sql(
        f"SELECT tbl, op, old, new FROM temp.{LOG} WHERE seq > ? ORDER BY seq", (since,)
    ).fetchall()
    connection.exec_driver_sql(f"DELETE FROM temp.{LOG} WHERE seq > ?", (since,))
    return [RowChange(tbl, op, _decode(old), _decode(new)) for tbl, op, old, new in rows]


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
    schema = _schema(connection)
    if is_recording(session):
        raise RuntimeError("journal.record() does not nest")
    since = _start(connection)
    recording = _Recording(label)
    try:
        yield recording
        session.flush()
    finally:
        changes = _stop(connection, since)
    recording.changeset = ChangeSet(
        label,
        tuple(changes),
        {t: schema[t][0] for t in {c.table for c in changes}},
        {t: schema[t][1] for t in {c.table for c in changes}},
    )


# -- undo and redo -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    table: str
    key: Key
    before: Values | None
    after: Values | None


def _steps(changeset: ChangeSet) -> list[_Step]:
    steps = []
    for change in changeset.changes:
        positions = changeset.keys[change.table]

        def key(values: Values, positions: tuple[int, ...] = positions) -> Key:
            return tuple(values[i] for i in positions)

        if change.op == "I":
            assert change.new is not None
            steps.append(_Step(change.table, key(change.new), None, change.new))
        elif change.op == "D":
            assert change.old is not None
            steps.append(_Step(change.table, key(change.old), change.old, None))
        else:
            assert change.old is not None and change.new is not None
            old_key, new_key = key(change.old), key(change.new)
            if old_key == new_key:
                steps.append(_Step(change.table, old_key, change.old, change.new))
            else:  # a primary key that changed: the row moved
                steps.append(_Step(change.table, old_key, change.old, None))
                steps.append(_Step(change.table, new_key, None, change.new))
    return steps


class _Sql:
    """The statements for one table."""

    def __init__(self, table: str, columns: tuple[str, ...], keys: tuple[int, ...]) -> None:
        name = _quote(table)  # unqualified: the search index spots writes by table name
        where = " AND ".join(f"{_quote(columns[i])} = ?" for i in keys)
        self.keys = keys
        self.select = f"SELECT {_encoded_row('', columns)} FROM {name} WHERE {where}"
        self.delete = f"DELETE FROM {name} WHERE {where}"
        self.insert = (
            f"INSERT INTO {name} ({', '.join(_quote(c) for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        self.update = (
            f"UPDATE {name} SET {', '.join(f'{_quote(c)} = ?' for c in columns)} WHERE {where}"
        )


def _current(connection: Connection, sql: _Sql, key: Key) -> Values | None:
    row = connection.exec_driver_sql(sql.select, key).first()
    return _decode(row[0]) if row else None


def _apply(session: Session, changeset: ChangeSet, *, backwards: bool) -> None:
    session.flush()
    connection = session.connection()
    schema = _schema(connection)
    for table, columns in changeset.columns.items():
        if schema.get(table, ((), ()))[0] != columns:
            raise JournalConflict(table, ())  # the table changed shape (a newer schema)
    sql = {t: _Sql(t, cols, changeset.keys[t]) for t, cols in changeset.columns.items()}
    steps = _steps(changeset)
    # The state each touched row must be in now, and the state it is put into.
    now: dict[tuple[str, Key], Values | None] = {}
    ordered = steps if not backwards else list(reversed(steps))
    for step in ordered:
        # Undo: the state the change set left (its last step per row); redo: the state it
        # found (its first step per row) -- in both cases the first one met in replay order.
        now.setdefault((step.table, step.key), step.after if backwards else step.before)
    for (table, key), expected in now.items():
        if not _same(_current(connection, sql[table], key), expected):
            raise JournalConflict(table, key)
    connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    since = _start(connection)
    try:
        for step in ordered:
            target = step.before if backwards else step.after
            source = step.after if backwards else step.before
            statements = sql[step.table]
            if target is None:
                connection.exec_driver_sql(statements.delete, step.key)
            elif source is None:
                connection.exec_driver_sql(statements.insert, target)
            else:
                connection.exec_driver_sql(statements.update, (*target, *step.key))
    finally:
        side_effects = _stop(connection, since)
    expected_keys = set(now)
    for change in side_effects:
        positions = changeset.keys.get(change.table) or schema[change.table][1]
        for values in (change.old, change.new):
            if values is not None:
                key = tuple(values[i] for i in positions)
                if (change.table, key) not in expected_keys:
                    raise JournalConflict(change.table, key)
    session.expire_all()


def undo(session: Session, changeset: ChangeSet) -> None:
    """Put every row the change set touched back as it was before; JournalConflict if it can't."""
    _apply(session, changeset, backwards=True)


def redo(session: Session, changeset: ChangeSet) -> None:
    """Make the change set's changes again; JournalConflict if the rows changed since."""
    _apply(session, changeset, backwards=False)


def areas(changeset: ChangeSet) -> frozenset[str]:
    """The `domain.changes` areas whose tables the change set touched."""
    return frozenset(filter(None, (area_of(t) for t in changeset.tables)))


def area_of(table: str) -> str | None:
    """The area owning a table: its model module's name (`db/models/<area>.py`)."""
    from trygghetsrad.db.base import Base
    from trygghetsrad.db.models import load_all

    load_all()
    found = _AREAS.get(table)
    if found is not None:
        return found
    for mapper in Base.registry.mappers:
        local = getattr(mapper, "local_table", None)
        if getattr(local, "name", None):
            _AREAS[local.name] = mapper.class_.__module__.rsplit(".", 1)[-1]  # type: ignore[union-attr]
    if table not in _AREAS and table in Base.metadata.tables:
        # An association table without a class: the area of the first table it points at.
        for fk in Base.metadata.tables[table].foreign_keys:
            owner = _AREAS.get(fk.column.table.name)
            if owner:
                _AREAS[table] = owner
                break
    return _AREAS.get(table)


_AREAS: dict[str, str] = {}
