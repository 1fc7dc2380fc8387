"""Full-text search index (SQLite FTS5) kept in step with the data by the data layer.

One FTS5 table, `search_index`, holds a row per searchable record of every workspace. The
`SOURCES` registry says which tables are searchable and how: a stable code (part of the FTS
rowid, so an update or delete touches exactly one index row), the kind of record, the
columns that make its title and body, and how to find the record that opens it (an agenda
note opens its meeting). The registry names tables and columns, not ORM classes: a workspace
whose tables do not exist yet is skipped, and columns missing from a table are ignored.

Session events keep the index current: after every flush, new and changed rows of registered
tables are written to the index and deleted ones removed; ORM bulk UPDATE/DELETE statements
and plain SQL writing a registered table (`exec_driver_sql`, e.g. the JSON import) mark the
table for reindexing before the session commits. Rows removed by the database itself
(ON DELETE CASCADE) are dropped from results at search time and pruned then. Bulk loaders
using Core insert() statements call `rebuild_index()` at the end.

Beside it, `search_index_trigram` (`db.search_trigram`) holds the same rows for searching the
way people type: words inside words, and text with å/ä/ö folded. Every write of the index
writes both tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import event, inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm.session import ORMExecuteState

from trygghetsrad.db import search_trigram
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
ROWID_SHIFT = 32  # rowid = code << 32 | id

_BATCH = 2000  # rows read and written at a time when reindexing


class Derived(NamedTuple):
    """Text of a record that is not in its own columns (a meeting's group names and date)."""

    title: str
    body: str
    context: str  # shown beside the hit (e.g. a meeting's place)


# (connection, ids) -> derived text per id, read after the rows are written
Deriver = Callable[[Connection, Sequence[int]], dict[int, Derived]]


@dataclass(frozen=True)
class Source:
    """How one table is indexed."""

    table: str
    code: int  # stable forever: part of every index rowid of this table
    kind: str  # what the user is shown, e.g. "meeting", "decision"
    area: str  # `domain.changes` area that owns the record
    title: tuple[str, ...]  # columns joined into the title (those that exist)
    body: tuple[str, ...]  # columns joined into the body
    # How to reach the record this one belongs to (shown as context, e.g. the meeting of a
    # decision), as alternatives: the first whose first column exists wins. Each is
    # (parent table, path): the path's first step is a column of this row, later steps are
    # "table.column" hops from the id reached so far.
    parents: tuple[tuple[str, tuple[str, ...]], ...] = ()
    opens_parent: bool = False  # choosing the hit opens the parent (it has no view of its own)
    derived: Deriver | None = None  # text from other tables, placed before the title columns
    body_from: Deriver | None = None  # text from other tables added to the body only

    def rowid(self, ref_id: int) -> int:
        return (self.code << ROWID_SHIFT) | int(ref_id)


def _s(
    table: str,
    code: int,
    kind: str,
    area: str,
    title: Sequence[str],
    body: Sequence[str],
    *parents: tuple[str, tuple[str, ...]],
    opens_parent: bool = False,
    derived: Deriver | None = None,
    body_from: Deriver | None = None,
) -> Source:
    return Source(
        table,
        code,
        kind,
        area,
        tuple(title),
        tuple(body),
        tuple(parents),
        opens_parent,
        derived,
        body_from,
    )


def _in(ids: Iterable[int]) -> str:
    return ", ".join(str(int(i)) for i in ids)


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def meeting_texts(connection: Connection, ids: Sequence[int]) -> dict[int, Derived]:
    """A meeting is found by the name the list shows (its groups and date, "Klara-gruppen,
    13 februari 2025"), by its weekday, ISO date and kind, and shows its place beside it.
    The month names come from `domain.dates`, so "maj 2024" finds the meetings of May 2024."""
    from trygghetsrad.domain.dates import WEEKDAYS
    from trygghetsrad.domain.meetings import MeetingKind, meeting_name

    if not ids:
        return {}
    rows = connection.exec_driver_sql(
        "SELECT m.id, m.day, m.kind, m.title, m.place, m.online_link, g.name "
        "FROM meetings m LEFT JOIN meeting_groups mg ON mg.meeting_id = m.id "
        "LEFT JOIN groups g ON g.id = mg.group_id "
        f"WHERE m.id IN ({_in(ids)}) ORDER BY m.id, mg.position, mg.group_id"
    ).fetchall()
    names: dict[int, list[str]] = {}
    fields: dict[int, tuple[Any, ...]] = {}
    for meeting_id, day, kind, title, place, link, group in rows:
        names.setdefault(meeting_id, [])
        if group:
            names[meeting_id].append(group)
        fields[meeting_id] = (day, kind, title or "", place or "", link or "")
    result = {}
    for meeting_id, (day_value, kind, title, place, link) in fields.items():
        day = _day(day_value)
        try:
            kind_label = MeetingKind(kind).label
        except ValueError:
            kind_label = ""
        if day is None:
            result[meeting_id] = Derived(title or ", ".join(names[meeting_id]), kind_label, "")
            continue
        result[meeting_id] = Derived(
            meeting_name(names[meeting_id], day, title),
            # The name holds the date in words; these find "torsdag", "2024-05", "protokoll".
            join_text((WEEKDAYS[day.weekday()], day.isoformat(), kind_label)),
            place or link,
        )
    return result


def action_texts(connection: Connection, ids: Sequence[int]) -> dict[int, Derived]:
    """An action is found by the names of everyone responsible for it (people, organisations)."""
    if not ids or not table_columns(connection, "action_responsibles"):
        return {}
    rows = connection.exec_driver_sql(
        "SELECT r.action_id, p.name, o.name FROM action_responsibles r "
        "LEFT JOIN people p ON p.id = r.person_id "
        "LEFT JOIN organisations o ON o.id = r.organisation_id "
        f"WHERE r.action_id IN ({_in(ids)}) ORDER BY r.action_id, r.position"
    ).fetchall()
    names: dict[int, list[str]] = {}
    for action_id, person, organisation in rows:
        names.setdefault(action_id, []).extend(n for n in (person, organisation) if n)
    return {i: Derived("", join_text(found), "") for i, found in names.items()}


_NOTES = ("notes", "note", "text", "body", "description", "summary", "content")
_MEETING = (
    ("meetings", ("meeting_id",)),
    ("meetings", ("item_id", "agenda_items.meeting_id")),
    ("meetings", ("agenda_item_id", "agenda_items.meeting_id")),
)

# Order is the order of the groups when ranks tie; codes must never change once released.
SOURCES: tuple[Source, ...] = (
    # The stored title is part of the derived name (most meetings have none).
    _s(
        "meetings",
        10,
        "meeting",
        "meetings",
        (),
        ("place", "online_link", "location", *_NOTES),
        derived=meeting_texts,
    ),
    # Items, notes and decisions open in the meetings page with their agenda item selected.
    _s(
        "agenda_items", 11, "agenda_item", "meetings", ("title",), ("presenter", *_NOTES), *_MEETING
    ),
    _s("agenda_notes", 12, "agenda_note", "meetings", (), _NOTES, *_MEETING),
    _s("decisions", 13, "decision", "meetings", ("title",), _NOTES, *_MEETING),
    _s(
        "action_items",
        14,
        "action_item",
        "meetings",
        ("title", "what"),
        ("responsible_text", "responsible_name", *_NOTES, "status_note"),
        *_MEETING,
        body_from=action_texts,
    ),
    _s("wheel_events", 20, "wheel_event", "wheel", ("title",), ("place", "responsible", *_NOTES)),
    _s(
        "data_sources",
        30,
        "data_source",
        "situation",
        ("name",),
        ("provider_name", "description", "note"),
    ),
    _s("observations", 31, "observation", "situation", ("title",), ("place", *_NOTES)),
    _s("gaps", 32, "gap", "situation", ("title",), ("description", "who_could_fill")),
    _s("indicators", 33, "indicator", "situation", ("name",), ("unit", "description")),
    _s(
        "situation_pictures",
        34,
        "situation_picture",
        "situation",
        ("title",),
        ("summary", "part_mapping", "part_other", "part_analysis", "limitations"),
    ),
    _s("problems", 40, "problem", "action_plan", ("title", "name"), _NOTES),
    _s(
        "causes",
        41,
        "cause",
        "action_plan",
        ("title", "name"),
        _NOTES,
        ("problems", ("problem_id",)),
    ),
    _s(
        "measures",
        42,
        "measure",
        "action_plan",
        ("title", "name"),
        (*_NOTES, "partners", "resources", "target_text"),
        ("action_plans", ("plan_id",)),
    ),
    _s("action_plans", 43, "action_plan", "action_plan", ("title", "name"), _NOTES),
    _s("agreements", 44, "agreement", "action_plan", ("title", "name"), _NOTES),
    _s("commitments", 45, "commitment", "action_plan", ("title", "name"), _NOTES),
    _s("people", 1, "person", "register", ("name",), ("title", "email", "phone", "note")),
    _s("organisations", 2, "organisation", "register", ("name",), ("kind", "note")),
    _s("groups", 3, "group", "register", ("name",), ("description",)),
)

BY_TABLE: dict[str, Source] = {source.table: source for source in SOURCES}
BY_CODE: dict[int, Source] = {source.code: source for source in SOURCES}
assert len(BY_CODE) == len(SOURCES), "search source codes must be unique"

# Tables whose rows are part of another source's derived text: a change there reindexes the
# records of that source it touches (a renamed group renames its meetings).
DEPENDENTS: dict[str, str] = {
    "meeting_groups": "meetings",
    "groups": "meetings",
    "action_responsibles": "action_items",
}


def source_of_rowid(rowid: int) -> Source | None:
    return BY_CODE.get(rowid >> ROWID_SHIFT)


def join_text(values: Iterable[Any]) -> str:
    parts = []
    for value in values:
        if value is None or isinstance(value, bool | bytes):
            continue
        text = str(value).strip()
        if text:
            parts.append(text)
    return "\n".join(parts)


# -- which columns exist -------------------------------------------------------------------


def table_columns(connection: Connection, table: str) -> list[str]:
    return [row[1] for row in connection.exec_driver_sql(f'PRAGMA table_info("{table}")')]


def _present(connection: Connection) -> bool:
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
    where = f" WHERE id IN ({_in(ids)})" if ids is not None else ""
    result = connection.exec_driver_sql(f'SELECT {select} FROM "{source.table}"{where}')
    n_title = len(title)
    total = 0
    while True:
        rows = result.fetchmany(_BATCH)
        if not rows:
            break
        derived = source.derived(connection, [row[0] for row in rows]) if source.derived else {}
        if source.body_from:
            derived = source.body_from(connection, [row[0] for row in rows])
        params = []
        for row in rows:
            extra = derived.get(row[0])
            params.append(
                (
                    source.rowid(row[0]),
                    source.kind,
                    source.table,
                    row[0],
                    join_text((extra.title if extra else "", *row[1 : 1 + n_title])),
                    join_text((*row[1 + n_title :], extra.body if extra else "")),
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


# -- keeping it current from the ORM -------------------------------------------------------

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


def _source_of(obj: Any) -> Source | None:
    table = getattr(type(obj), "__tablename__", None)
    return BY_TABLE.get(table) if table else None


def _dependent_ids(session: Session, obj: Any, table: str) -> list[int]:
    """Ids of the records whose derived text `obj` (of a DEPENDENTS table) is part of."""
    if table == "meeting_groups":
        meeting_id = getattr(obj, "meeting_id", None)
        return [meeting_id] if meeting_id is not None else []
    if table == "action_responsibles":
        action_id = getattr(obj, "action_id", None)
        return [action_id] if action_id is not None else []
    if table == "groups" and getattr(obj, "id", None) is not None:
        name = inspect(obj).attrs.name.history if hasattr(obj, "name") else None
        if name is None or not name.has_changes():
            return []
        return [
            row[0]
            for row in session.connection().exec_driver_sql(
                "SELECT meeting_id FROM meeting_groups WHERE group_id = ?", (obj.id,)
            )
        ]
    return []


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    pending: list[tuple[Source, Any]] = []
    removed: list[int] = []
    refresh: dict[str, set[int]] = {}
    for obj in session.new | session.dirty:
        source = _source_of(obj)
        if source is not None and (source.derived or source.body_from) is not None:
            if getattr(obj, "id", None) is not None and not inspect(obj).deleted:
                refresh.setdefault(source.table, set()).add(obj.id)
        elif source is not None:
            pending.append((source, obj))
    for obj in session.deleted:
        source = _source_of(obj)
        if source is not None and getattr(obj, "id", None) is not None:
            removed.append(source.rowid(obj.id))
    dependents = [
        (obj, table)
        for obj in (*session.new, *session.dirty, *session.deleted)
        if (table := getattr(type(obj), "__tablename__", None)) in DEPENDENTS
    ]
    if not pending and not removed and not refresh and not dependents:
        return
    connection = session.connection()
    if not _present(connection):
        return
    for obj, table in dependents:
        refresh.setdefault(DEPENDENTS[table], set()).update(_dependent_ids(session, obj, table))
    gone = set(removed)
    for table, ids in refresh.items():
        source = BY_TABLE[table]
        reindex_table(connection, source, sorted(i for i in ids if source.rowid(i) not in gone))
    rows = []
    for source, obj in pending:
        ref_id = getattr(obj, "id", None)
        if ref_id is None:
            continue
        titles, bodies = _attribute_keys(obj, source)
        state = inspect(obj)
        if state.deleted or state.detached:
            continue
        rows.append(
            (
                source.rowid(ref_id),
                source.kind,
                source.table,
                ref_id,
                join_text(getattr(obj, k, None) for k in titles),
                join_text(getattr(obj, k, None) for k in bodies),
            )
        )
        removed.append(source.rowid(ref_id))
    _delete(connection, removed)
    _insert(connection, rows)


def _after_bulk(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    table = getattr(mapper, "local_table", None) if mapper is not None else None
    name = getattr(table, "name", None)
    if name in BY_TABLE or name in DEPENDENTS:
        state.session.info.setdefault("search_stale_tables", set()).add(name)


_DML = re.compile(
    r"^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"`\[]?(\w+)",
    re.IGNORECASE,
)


def _after_cursor_execute(  # type: ignore[no-untyped-def]
    conn, _cursor, statement, _parameters, context, _executemany
) -> None:
    """Plain SQL that writes a registered table (e.g. the JSON import) marks it for reindexing."""
    if context is not None and getattr(context, "compiled", None) is not None:
        return  # SQLAlchemy-compiled: ORM flushes are indexed by _after_flush
    match = _DML.match(statement)
    if match and (match.group(1) in BY_TABLE or match.group(1) in DEPENDENTS):
        conn.info.setdefault("search_stale_tables", set()).add(match.group(1))


def _before_commit(session: Session) -> None:
    stale = set(session.info.pop("search_stale_tables", ()))
    if session.in_transaction():
        connection = session.connection()
        stale |= connection.info.pop("search_stale_tables", set())
    else:
        return
    if not stale:
        return
    stale |= {DEPENDENTS[name] for name in stale if name in DEPENDENTS}
    if _present(connection):
        for name in sorted(stale & set(BY_TABLE)):
            reindex_table(connection, BY_TABLE[name])


def prune(connection: Connection, rowids: Sequence[int]) -> None:
    """Drop index rows whose record is gone (deleted by the database, e.g. ON DELETE CASCADE)."""
    _delete(connection, rowids)


def install() -> None:
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "do_orm_execute", _after_bulk)
        event.listen(Session, "before_commit", _before_commit)
        event.listen(Engine, "after_cursor_execute", _after_cursor_execute)


install()
