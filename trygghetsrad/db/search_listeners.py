"""Keeping the search index current from the ORM: the listeners of one open database.

`install(engine, sessions)` is called when a database is opened (`db.engine.Database`) and
listens on that engine and that session factory only; nothing is installed on the
`Session` or `Engine` classes, so an engine of a migration or of a test sees none of it.

After every flush, new and changed rows of registered tables are written to the index and
deleted ones removed; ORM bulk UPDATE/DELETE statements and plain SQL writing a registered
table (`exec_driver_sql`, e.g. the JSON import) mark the table for reindexing before the
session commits. Rows removed by the database itself (ON DELETE CASCADE) are dropped from
results at search time and pruned then.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine, ExecutionContext
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.session import ORMExecuteState

from trygghetsrad.db.search_index import present, reindex_table, write_rows
from trygghetsrad.db.search_sources import BY_TABLE, DEPENDENTS, Source, join_text

STALE = "search_stale_tables"  # session.info / connection.info: tables to reindex on commit


def install(engine: Engine, sessions: sessionmaker[Session]) -> None:
    """Keep the index of the database behind `engine` in step with what `sessions` write.

    Called once per database, as it is opened (each has its own engine and session
    factory). No `event.contains` guard: SQLAlchemy files a session factory's listeners
    under the id of a class it makes for that factory, and once such a class of a closed
    database is gone a new factory's class may get the same id, so `contains` would say
    yes for a factory that has no listeners."""
    event.listen(sessions, "after_flush", after_flush)
    event.listen(sessions, "do_orm_execute", after_bulk)
    event.listen(sessions, "before_commit", before_commit)
    event.listen(engine, "after_cursor_execute", after_cursor_execute)


def mark_stale(connection: Connection, tables: set[str]) -> None:
    """Reindex these tables before the session on `connection` commits (journal replay);
    a table that is only part of other records' text (DEPENDENTS) reindexes those."""
    connection.info.setdefault(STALE, set()).update(tables & (set(BY_TABLE) | set(DEPENDENTS)))


# -- after a flush ---------------------------------------------------------------------------

_ATTRS: dict[tuple[type, str], tuple[list[str], list[str]]] = {}


def _attribute_keys(obj: Any, source: Source) -> tuple[list[str], list[str]]:
    """Mapped attribute names for the title and body columns present on this class."""
    key = (type(obj), source.table)
    cached = _ATTRS.get(key)
    if cached is None:
        mapper = inspect(type(obj))
        table = mapper.local_table
        by_column = {}
        for column_name in (*source.title, *source.body):
            column = table.c.get(column_name) if hasattr(table, "c") else None
            if column is None:
                continue
            try:
                by_column[column_name] = mapper.get_property_by_column(column).key
            except Exception:  # an unmapped column: not indexed
                continue
        cached = (
            [by_column[c] for c in source.title if c in by_column],
            [by_column[c] for c in source.body if c in by_column],
        )
        _ATTRS[key] = cached
    return cached


def _table_of(obj: Any) -> str | None:
    return getattr(type(obj), "__tablename__", None)


def _source_of(obj: Any) -> Source | None:
    table = _table_of(obj)
    return BY_TABLE.get(table) if table else None


# For each DEPENDENTS table whose *name* is part of other records' text: the source it is
# part of and the SQL that finds those records by the renamed row's id.
_NAMED_IN: dict[str, tuple[tuple[str, str], ...]] = {
    "groups": (("meetings", "SELECT meeting_id FROM meeting_groups WHERE group_id = ?"),),
    "people": (
        ("agenda_items", "SELECT id FROM agenda_items WHERE presenter_id = ?"),
        ("action_items", "SELECT action_id FROM action_responsibles WHERE person_id = ?"),
    ),
    "organisations": (
        ("action_items", "SELECT action_id FROM action_responsibles WHERE organisation_id = ?"),
    ),
}


def _dependent_ids(session: Session, obj: Any, table: str) -> dict[str, list[int]]:
    """Per source, the ids of the records whose derived text `obj` (of a DEPENDENTS table) is
    part of."""
    if table == "meeting_groups":
        meeting_id = getattr(obj, "meeting_id", None)
        return {"meetings": [meeting_id]} if meeting_id is not None else {}
    if table == "action_responsibles":
        action_id = getattr(obj, "action_id", None)
        return {"action_items": [action_id]} if action_id is not None else {}
    if table in _NAMED_IN and getattr(obj, "id", None) is not None:
        name = inspect(obj).attrs.name.history if hasattr(obj, "name") else None
        if name is None or not name.has_changes():
            return {}
        connection = session.connection()
        return {
            target: [row[0] for row in connection.exec_driver_sql(sql, (obj.id,))]
            for target, sql in _NAMED_IN[table]
        }
    return {}


class _Flushed:
    """What one flush means for the index: rows to write from the objects, records whose
    derived text to read again, and index rows to remove."""

    def __init__(self, session: Session) -> None:
        self.pending: list[tuple[Source, Any]] = []
        self.refresh: dict[str, set[int]] = {}
        self.removed: list[int] = []
        for obj in session.new | session.dirty:
            source = _source_of(obj)
            if source is None:
                continue
            if source.derived is None and source.body_from is None:
                self.pending.append((source, obj))
            elif getattr(obj, "id", None) is not None and not inspect(obj).deleted:
                self.refresh.setdefault(source.table, set()).add(obj.id)
        for obj in session.deleted:
            source = _source_of(obj)
            if source is not None and getattr(obj, "id", None) is not None:
                self.removed.append(source.rowid(obj.id))
        self.dependents = [
            (obj, table)
            for obj in (*session.new, *session.dirty, *session.deleted)
            if (table := _table_of(obj)) in DEPENDENTS
        ]

    def __bool__(self) -> bool:
        return bool(self.pending or self.removed or self.refresh or self.dependents)

    def reindex_derived(self, session: Session, connection: Connection) -> None:
        """Read again the records whose text comes from other tables (not those deleted)."""
        for obj, table in self.dependents:
            for target, found in _dependent_ids(session, obj, table).items():
                self.refresh.setdefault(target, set()).update(found)
        gone = set(self.removed)
        for table, ids in self.refresh.items():
            source = BY_TABLE[table]
            reindex_table(connection, source, sorted(i for i in ids if source.rowid(i) not in gone))

    def rows(self) -> list[tuple[Any, ...]]:
        """Index rows of the new and changed objects (their old rows join `removed`)."""
        rows = []
        for source, obj in self.pending:
            ref_id = getattr(obj, "id", None)
            if ref_id is None:
                continue
            state = inspect(obj)
            if state.deleted or state.detached:
                continue
            titles, bodies = _attribute_keys(obj, source)
            rowid = source.rowid(ref_id)
            title = join_text(getattr(obj, k, None) for k in titles)
            body = join_text(getattr(obj, k, None) for k in bodies)
            rows.append((rowid, source.kind, source.table, ref_id, title, body))
            self.removed.append(rowid)
        return rows


def after_flush(session: Session, _flush: object) -> None:
    flushed = _Flushed(session)
    if not flushed:
        return
    connection = session.connection()
    if not present(connection):
        return
    flushed.reindex_derived(session, connection)
    write_rows(connection, flushed.rows(), removed=flushed.removed)


# -- bulk statements, plain SQL, commit ------------------------------------------------------


def after_bulk(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    table = getattr(mapper, "local_table", None) if mapper is not None else None
    name = getattr(table, "name", None)
    if name in BY_TABLE or name in DEPENDENTS:
        state.session.info.setdefault(STALE, set()).add(name)


_DML = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"`\[]?(\w+)",
    re.IGNORECASE,
)


def after_cursor_execute(
    conn: Connection,
    _cursor: Any,
    statement: str,
    _parameters: Any,
    context: ExecutionContext | None,
    _executemany: bool,
) -> None:
    """Plain SQL that writes a registered table (e.g. the JSON import) marks it for reindexing."""
    if context is not None and getattr(context, "compiled", None) is not None:
        return  # SQLAlchemy-compiled: ORM flushes are indexed by after_flush
    match = _DML.match(statement)
    if match and (match.group(1) in BY_TABLE or match.group(1) in DEPENDENTS):
        conn.info.setdefault(STALE, set()).add(match.group(1))


def before_commit(session: Session) -> None:
    stale = set(session.info.pop(STALE, ()))
    if not session.in_transaction():
        return
    connection = session.connection()
    stale |= connection.info.pop(STALE, set())
    if not stale:
        return
    stale |= {target for name in stale for target in DEPENDENTS.get(name, ())}
    if present(connection):
        for name in sorted(stale & set(BY_TABLE)):
            reindex_table(connection, BY_TABLE[name])
