"""Portable export and import of all data as one JSON file (see docs/data-format.md).

Generic over `Base.metadata`: every table and every column of every workspace, present and
future, without code per table. Values are encoded by column type: booleans as JSON
booleans (so internal records carry `"internal": true`), dates and times as ISO 8601
strings, binary data as base64, everything else as stored. Export → import into an empty
database → export gives the same JSON apart from the top-level `exported_at`.

Import validates the whole file before writing anything (format, schema version, tables,
columns, types, lengths, uniqueness and foreign keys, and the rules the app's forms apply:
enum values, required names, text, dates, end after start; see `portable_rules`), then
writes everything in one transaction, so it imports all or nothing. The first problem is
reported with where it is: the table's Swedish name, the record's place in the file (counted
from 1) and its id, and the field.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from trygghetsrad.domain.changes import EVERYTHING, Changes
from trygghetsrad.errors import UserError
from trygghetsrad.files import write_document
from trygghetsrad.i18n import tr
from trygghetsrad.services import portable_stream

# The file's vocabulary lives in portable_format; callers keep reaching it here.
from trygghetsrad.services.portable_format import FORMAT as FORMAT
from trygghetsrad.services.portable_format import FORMAT_VERSION as FORMAT_VERSION
from trygghetsrad.services.portable_format import ImportProblem as ImportProblem
from trygghetsrad.services.portable_format import (
    _is_int,
    _record_id,
    codec_for,
    pk_of,
)
from trygghetsrad.services.portable_format import json_schema as json_schema
from trygghetsrad.services.portable_format import table_label as table_label
from trygghetsrad.services.portable_format import tables as tables
from trygghetsrad.services.portable_stream import ByteProgress

MAX_IMPORT_BYTES = 512 * 1024 * 1024


def _from_older_schemas(data: dict[str, Any]) -> dict[str, Any]:
    """Files written before 0009_action_responsibles held an action's one responsible on the
    action itself: it becomes the action's first `action_responsibles` record, as the database
    migration does."""
    actions = data.get("action_items")
    if not isinstance(actions, list) or not any(
        isinstance(r, dict) and ("responsible_person_id" in r or "responsible_organisation_id" in r)
        for r in actions
    ):
        return data
    data = dict(data)
    rows = list(data.get("action_responsibles") or [])
    next_id = (
        max(
            (r.get("id", 0) for r in rows if isinstance(r, dict) and _is_int(r.get("id"))),
            default=0,
        )
        + 1
    )
    converted = []
    for record in actions:
        if not isinstance(record, dict):
            converted.append(record)
            continue
        record = dict(record)
        person = record.pop("responsible_person_id", None)
        organisation = record.pop("responsible_organisation_id", None)
        if person is not None or organisation is not None:
            rows.append(
                {
                    "id": next_id,
                    "action_id": record.get("id"),
                    "position": 0,
                    "person_id": person,
                    "organisation_id": organisation,
                }
            )
            next_id += 1
        converted.append(record)
    data["action_items"] = converted
    data["action_responsibles"] = rows
    return data


# -- column codecs -------------------------------------------------------------------------


# -- export --------------------------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _existing_tables(connection: Connection) -> set[str]:
    return {
        row[0]
        for row in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
    }


def _rows(connection: Connection, table: Table) -> Iterator[dict[str, Any]]:
    """A table's stored values (no type processing), ordered by primary key."""
    names = [c.name for c in table.columns]
    order = [c.name for c in table.primary_key.columns] or ["rowid"]
    sql = "SELECT {cols} FROM {table} ORDER BY {order}".format(
        cols=", ".join(_quote(n) for n in names),
        table=_quote(table.name),
        order=", ".join(_quote(n) if n != "rowid" else n for n in order),
    )
    for row in connection.exec_driver_sql(sql):
        yield dict(zip(names, row, strict=True))


def encode_row(table: Table, raw: dict[str, Any], dialect: Any) -> dict[str, Any]:
    return {c.name: codec_for(c, dialect).to_json(raw[c.name]) for c in table.columns}


def _schema_versions(connection: Connection) -> list[str]:
    if "alembic_version" not in _existing_tables(connection):
        return []
    return sorted(
        row[0] for row in connection.exec_driver_sql("SELECT version_num FROM alembic_version")
    )


def export_data(session: Session, *, now: datetime | None = None) -> dict[str, Any]:
    """Every record of every table, as a JSON-ready dict (see docs/data-format.md)."""
    connection = session.connection()
    dialect = connection.dialect
    existing = _existing_tables(connection)
    data: dict[str, list[dict[str, Any]]] = {}
    for table in tables():
        if table.name not in existing:
            data[table.name] = []
            continue
        data[table.name] = [encode_row(table, raw, dialect) for raw in _rows(connection, table)]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": (now or datetime.now().astimezone()).isoformat(timespec="seconds"),
        "schema_versions": _schema_versions(connection),
        "tables": data,
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def write_json(document: dict[str, Any], target: Path) -> Path:
    """Write all at once (a file that exists is always complete), readable by the user only:
    the file holds personal data like the database itself."""
    return write_document(target, dumps(document).encode("utf-8"), private=True)


def export_to_file(session: Session, target: Path) -> Path:
    return write_json(export_data(session), target)


# -- import --------------------------------------------------------------------------------


def read_json(source: Path) -> Any:
    try:
        size = source.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportProblem(tr("filen är större än 512 MB"))
        text = source.read_bytes().decode("utf-8-sig")  # Notepad writes a BOM
    except OSError as exc:
        raise portable_stream.read_error(source, exc) from exc
    except UnicodeDecodeError as exc:
        raise ImportProblem(tr("filen är inte UTF-8-text")) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportProblem(
            tr("filen är inte giltig JSON: rad {line}, kolumn {col}").format(
                line=exc.lineno, col=exc.colno
            )
        ) from exc
    except RecursionError as exc:
        raise ImportProblem(tr("filen är för djupt nästlad")) from exc


@dataclass
class _Plan:
    rows: dict[str, list[dict[str, Any]]]  # table -> stored values, ready to insert


def validate(document: Any, connection: Connection) -> _Plan:
    """Check the whole document; return the rows to insert or raise the first ImportProblem."""
    if not isinstance(document, dict):
        raise ImportProblem(tr("filen ska innehålla ett JSON-objekt"))
    from trygghetsrad.services.portable_check import Checker

    checker = Checker(connection.dialect)
    checker.header(document)
    data = document.get("tables")
    if not isinstance(data, dict):
        raise ImportProblem(tr("fältet tables saknas eller är inget objekt"), field="tables")
    data = _from_older_schemas(data)
    for name in data:
        checker.table_name(name)
    plan: dict[str, list[dict[str, Any]]] = {}
    for table in tables():
        records = data.get(table.name, [])
        if not isinstance(records, list):
            raise ImportProblem(tr("ska vara en lista med poster"), table=table.name)
        plan[table.name] = [
            checker.record(table.name, index, record) for index, record in enumerate(records)
        ]
        checker.end_table(table.name)
    checker.finish()
    return _Plan(plan)


def validate_file(source: Path, progress: ByteProgress | None = None) -> int:
    """Check a file as `import_file` will, without a database; the number of records."""
    from sqlalchemy.dialects import sqlite

    items = portable_stream.read_items(source, ImportProblem, progress, max_bytes=MAX_IMPORT_BYTES)
    from trygghetsrad.services.portable_check import check_stream

    return check_stream(items, sqlite.dialect())


_SEEDED: frozenset[str] | None = None


def seeded_tables() -> frozenset[str]:
    """Tables a brand-new database already has rows in (filled by the migrations)."""
    global _SEEDED
    if _SEEDED is None:
        import sqlite3
        import tempfile

        from trygghetsrad.db.migrate import upgrade

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "ny.sqlite"
            upgrade(path, copy_aside=False)
            conn = sqlite3.connect(path)
            try:
                _SEEDED = frozenset(
                    t.name
                    for t in tables()
                    if conn.execute(f"SELECT 1 FROM {_quote(t.name)} LIMIT 1").fetchone()
                )
            except sqlite3.Error:
                _SEEDED = frozenset()
            finally:
                conn.close()
    return _SEEDED


def is_empty(connection: Connection) -> bool:
    """No records apart from settings and what a new database starts with."""
    existing = _existing_tables(connection)
    ignored = seeded_tables() | {"settings"}
    for table in tables():
        if table.name not in existing or table.name in ignored:
            continue
        found = connection.exec_driver_sql(f"SELECT 1 FROM {_quote(table.name)} LIMIT 1").first()
        if found is not None:
            return False
    return True


class _Writer:
    """Inserts checked rows in batches (one `executemany` per run of rows of a table with the
    same fields); a row the database refuses is reported with its place in the file."""

    BATCH = 1000

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.existing = _existing_tables(connection)
        self._table: str | None = None
        self._names: tuple[str, ...] = ()
        self._rows: list[tuple[int, dict[str, Any]]] = []

    def add(self, table: str, index: int, stored: dict[str, Any]) -> None:
        names = tuple(stored)
        if table != self._table or names != self._names or len(self._rows) >= self.BATCH:
            self.flush()
            if table not in self.existing:
                raise UserError(
                    tr("Databasen saknar tabellen {table}; öppna den i programmet först.").format(
                        table=table
                    )
                )
            self._table, self._names = table, names
        self._rows.append((index, stored))

    def flush(self) -> None:
        if not self._rows or self._table is None:
            return
        table, names, rows = self._table, self._names, self._rows
        self._rows = []
        sql = "INSERT INTO {t} ({cols}) VALUES ({marks})".format(
            t=_quote(table),
            cols=", ".join(_quote(n) for n in names),
            marks=", ".join("?" for _ in names),
        )
        savepoint = self.connection.begin_nested()
        try:
            self.connection.exec_driver_sql(sql, [tuple(r[n] for n in names) for _i, r in rows])
        except Exception as exc:
            if not _is_integrity(exc):
                raise
            savepoint.rollback()
            for index, stored in rows:  # the one the database refuses
                try:
                    self.connection.exec_driver_sql(sql, tuple(stored[n] for n in names))
                except Exception as row_exc:
                    if not _is_integrity(row_exc):
                        raise
                    raise ImportProblem(
                        tr("posten bryter mot en regel i databasen ({detail})").format(
                            detail=str(getattr(row_exc, "orig", row_exc))[:120]
                        ),
                        table=table,
                        index=index,
                        record_id=_record_id(stored, pk_of(self._table_of(table))),
                    ) from row_exc
            raise
        else:
            savepoint.commit()

    @staticmethod
    def _table_of(name: str) -> Table:
        return next(t for t in tables() if t.name == name)


def _prepare(session: Session, *, replace: bool) -> Connection:
    """Refuse a database with data unless `replace`, which removes it (same transaction)."""
    connection = session.connection()
    if not replace and not is_empty(connection):
        raise UserError(
            tr(
                "Databasen innehåller redan data. Importera till en ny, tom databas, eller "
                "ersätt allt innehåll (kommandoraden: --replace)."
            )
        )
    # Checked at commit, so that the order of rows within a table doesn't matter.
    connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    existing = _existing_tables(connection)
    for table in reversed(tables()):
        if table.name in existing:
            connection.exec_driver_sql(f"DELETE FROM {_quote(table.name)}")
    missing = [t.name for t in tables() if t.name not in existing]
    if missing:
        raise UserError(
            tr("Databasen saknar tabellen {table}; öppna den i programmet först.").format(
                table=missing[0]
            )
        )
    return connection


def _finish(session: Session, connection: Connection) -> Changes:
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise ImportProblem(tr("ogiltiga hänvisningar"), table=str(problems[0][0]))
    _rebuild_derived(session)
    session.expire_all()
    return Changes.of(EVERYTHING)


def import_data(session: Session, document: Any, *, replace: bool = False) -> Changes:
    """Validate `document` completely, then insert every record in the session's transaction.

    Refuses a database that already has data unless `replace`, which removes it first (in the
    same transaction). The caller commits; on any error nothing has been written.
    """
    connection = session.connection()
    plan = validate(document, connection)
    connection = _prepare(session, replace=replace)
    writer = _Writer(connection)
    for table in tables():
        for index, stored in enumerate(plan.rows[table.name]):
            writer.add(table.name, index, stored)
    writer.flush()
    return _finish(session, connection)


def _is_integrity(exc: BaseException) -> bool:
    from sqlalchemy.exc import IntegrityError

    return isinstance(exc, IntegrityError)


def _rebuild_derived(session: Session) -> None:
    """Indexes kept by session events don't see rows inserted here: rebuild them."""
    try:
        from trygghetsrad.db import search_index
    except ImportError:
        return
    rebuild = getattr(search_index, "rebuild_index", None)
    if rebuild is not None:
        rebuild(session)
        # Rebuilt from every table: the inserts above need no second reindex at commit.
        session.connection().info.pop("search_stale_tables", None)


def import_file(
    session: Session,
    source: Path,
    *,
    replace: bool = False,
    progress: ByteProgress | None = None,
) -> Changes:
    """`import_data` of a file, read and written record by record: memory stays bounded by
    the keys of the records, not the file. All or nothing all the same: every record is
    checked before it is written, in the session's transaction, and the first problem
    raises before the caller commits."""
    connection = _prepare(session, replace=replace)
    writer = _Writer(connection)
    items = portable_stream.read_items(source, ImportProblem, progress, max_bytes=MAX_IMPORT_BYTES)
    from trygghetsrad.services.portable_check import check_stream

    check_stream(items, connection.dialect, writer.add)
    writer.flush()
    return _finish(session, connection)
