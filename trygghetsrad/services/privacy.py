"""Personal data on request: everything about one person, and erasing it.

Generic over the foreign keys in `Base.metadata`: every table of every workspace that points
at `people.id` is covered without code of its own.

Erasure removes the person's contact details everywhere (e-mail, phone, title, note) and
their group memberships. Where the person appears in drafts and other working records,
they become "Borttagen person". Minutes that are finalised or sent are public records
(*allmän handling*) and keep the name: if any exist, the person's row keeps only the name
(and organisation) for them, and every other reference is moved to a new, anonymous
"Borttagen person" row. Free text that mentions the person by name is not changed; the
confirmation says so.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from trygghetsrad.db.models import Base
from trygghetsrad.domain.changes import EVERYTHING, Changes
from trygghetsrad.errors import UserError
from trygghetsrad.i18n import plural, tr

ERASED_NAME = "Borttagen person"
PEOPLE = "people"
CLEARED_FIELDS = ("email", "phone", "title", "note")
# Records that are public once in one of these states (table, status column, states).
PUBLIC_RECORDS = (("meetings", "status", ("finalised", "sent")),)
# Links that only mean "is a member"; removed with the person's register entry.
MEMBERSHIP_TABLES = ("memberships",)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tables() -> dict[str, Table]:
    return {t.name: t for t in Base.metadata.sorted_tables}


def _person_row(connection: Connection, person_id: int) -> dict[str, Any]:
    table = _tables()[PEOPLE]
    names = [c.name for c in table.columns]
    row = connection.exec_driver_sql(
        f"SELECT {', '.join(_q(n) for n in names)} FROM people WHERE id = ?", (person_id,)
    ).first()
    if row is None:
        raise UserError(tr("Personen med id {id} finns inte.").format(id=person_id))
    return dict(zip(names, row, strict=True))


@dataclass(frozen=True)
class PersonRef:
    table: str
    row_id: tuple[Any, ...]  # primary key values
    column: str
    public: bool  # belongs to a finalised or sent record


def _path_to(table: str, target: str) -> list[tuple[str, str, str, str]] | None:
    """FK hops (table, column, parent table, parent column) from `table` up to `target`."""
    tables = _tables()
    queue: deque[tuple[str, list[tuple[str, str, str, str]]]] = deque([(table, [])])
    seen = {table}
    while queue:
        name, path = queue.popleft()
        if name == target:
            return path
        if len(path) >= 4 or name not in tables:
            continue
        for fk in tables[name].foreign_keys:
            parent = fk.column.table.name
            if parent == PEOPLE or parent in seen:
                continue
            seen.add(parent)
            queue.append((parent, [*path, (name, fk.parent.name, parent, fk.column.name)]))
    return None


def _select_one(connection: Connection, table: str, column: str, where: dict[str, Any]) -> Any:
    cond = " AND ".join(f"{_q(k)} = ?" for k in where)
    row = connection.exec_driver_sql(
        f"SELECT {_q(column)} FROM {_q(table)} WHERE {cond}", tuple(where.values())
    ).first()
    return None if row is None else row[0]


def _is_public(connection: Connection, table: str, pk: dict[str, Any]) -> bool:
    """True if the row belongs (through foreign keys) to a finalised or sent record."""
    for public_table, status_col, states in PUBLIC_RECORDS:
        path = _path_to(table, public_table)
        if path is None:
            continue
        where = pk
        for hop_table, column, _parent, parent_column in path:
            value = _select_one(connection, hop_table, column, where)
            if value is None:
                break  # the chain ends before the record: not this kind of public record
            where = {parent_column: value}
        else:
            if _select_one(connection, public_table, status_col, where) in states:
                return True
    return False


def references(session: Session, person_id: int) -> list[PersonRef]:
    """Every row in any table that points at the person, and whether it is a public record."""
    connection = session.connection()
    existing = {
        r[0]
        for r in connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
    }
    found: list[PersonRef] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in existing:
            continue
        pk = [c.name for c in table.primary_key.columns]
        for fk in table.foreign_keys:
            if fk.column.table.name != PEOPLE:
                continue
            rows = connection.exec_driver_sql(
                f"SELECT {', '.join(_q(n) for n in pk)} FROM {_q(table.name)} "
                f"WHERE {_q(fk.parent.name)} = ?",
                (person_id,),
            ).fetchall()
            for row in rows:
                key = dict(zip(pk, row, strict=True))
                public = table.name not in MEMBERSHIP_TABLES and _is_public(
                    connection, table.name, key
                )
                found.append(PersonRef(table.name, tuple(row), fk.parent.name, public))
    return found


@dataclass(frozen=True)
class ErasurePreview:
    name: str
    public_references: int  # in finalised or sent minutes: the name stays there
    other_references: int  # become "Borttagen person"
    memberships: int

    def confirmation(self) -> str:
        parts = [
            tr(
                "{name} tas bort: e-post, telefon, titel och anteckning raderas och "
                "medlemskapen i grupperna ({m} st) tas bort."
            ).format(name=self.name, m=self.memberships)
        ]
        if self.other_references:
            parts.append(
                tr(
                    "I utkast och andra poster ({n} st) står det därefter \u201d{erased}\u201d."
                ).format(n=self.other_references, erased=ERASED_NAME)
            )
        if self.public_references:
            parts.append(
                tr(
                    "Justerade eller skickade protokoll är allmänna handlingar och behåller "
                    "namnet ({references})."
                ).format(
                    references=plural(self.public_references, tr("hänvisning"), tr("hänvisningar"))
                )
            )
        parts.append(
            tr(
                "Namn som skrivits som fritext i anteckningar ändras inte. Uppgifterna finns "
                "kvar i säkerhetskopiorna tills de gallras. Detta kan inte ångras."
            )
        )
        return " ".join(parts)


def preview(session: Session, person_id: int) -> ErasurePreview:
    row = _person_row(session.connection(), person_id)
    refs = references(session, person_id)
    return ErasurePreview(
        name=str(row["name"]),
        public_references=sum(1 for r in refs if r.public),
        other_references=sum(1 for r in refs if not r.public and r.table not in MEMBERSHIP_TABLES),
        memberships=sum(1 for r in refs if r.table in MEMBERSHIP_TABLES),
    )


def erase_person(session: Session, person_id: int) -> Changes:
    """Erase a person's personal data (see the module docstring for what stays)."""
    connection = session.connection()
    row = _person_row(connection, person_id)
    if row["name"] == ERASED_NAME and not any(row.get(f) for f in CLEARED_FIELDS):
        raise UserError(tr("Personen är redan borttagen."))
    refs = references(session, person_id)
    tables = _tables()
    for ref in refs:
        if ref.table in MEMBERSHIP_TABLES:
            connection.exec_driver_sql(
                f"DELETE FROM {_q(ref.table)} WHERE {_key_condition(tables[ref.table])}",
                ref.row_id,
            )
    cleared = {f: "" for f in CLEARED_FIELDS if f in row}
    public = [r for r in refs if r.public]
    others = [r for r in refs if not r.public and r.table not in MEMBERSHIP_TABLES]
    now = datetime.now().strftime("%Y-%m-%d %H:%M:%S.%f")
    # With public records the name stays for them; everything else gets an anonymous row.
    values = cleared if public else {"name": ERASED_NAME, **cleared}
    sets = ", ".join(f"{_q(k)} = ?" for k in values)
    connection.exec_driver_sql(
        f"UPDATE people SET {sets} WHERE id = ?", (*values.values(), person_id)
    )
    if public and others:
        _move_to_anonymous(connection, tables, row, cleared, others, now)
    if "updated_at" in tables[PEOPLE].columns:
        connection.exec_driver_sql(
            "UPDATE people SET updated_at = ? WHERE id = ?", (now, person_id)
        )
    _reindex(session)
    session.expire_all()
    return Changes.of(EVERYTHING)


def _key_condition(table: Table) -> str:
    """`"id" = ?` for the table's primary key (each column of a composite key)."""
    return " AND ".join(f"{_q(c.name)} = ?" for c in table.primary_key.columns)


def _move_to_anonymous(
    connection: Connection,
    tables: dict[str, Table],
    row: dict[str, Any],
    cleared: dict[str, str],
    others: list[PersonRef],
    now: str,
) -> None:
    """Point the references that are not public records at a new anonymous person."""
    table = tables[PEOPLE]
    values = {"name": ERASED_NAME, **cleared}
    if "organisation_id" in row:
        values["organisation_id"] = row["organisation_id"]
    for column in ("created_at", "updated_at"):
        if column in table.columns:
            values[column] = now
    cols = ", ".join(_q(k) for k in values)
    marks = ", ".join("?" for _ in values)
    result = connection.exec_driver_sql(
        f"INSERT INTO people ({cols}) VALUES ({marks})", tuple(values.values())
    )
    anonymous = result.lastrowid
    for ref in others:
        connection.exec_driver_sql(
            f"UPDATE {_q(ref.table)} SET {_q(ref.column)} = ? "
            f"WHERE {_key_condition(tables[ref.table])}",
            (anonymous, *ref.row_id),
        )


def _reindex(session: Session) -> None:
    try:
        from trygghetsrad.db import search_index
    except ImportError:
        return
    rebuild = getattr(search_index, "rebuild_index", None)
    if rebuild is not None:
        rebuild(session)


def export_person(session: Session, person_id: int) -> dict[str, Any]:
    """All data held about one person: their record, organisation and every referencing row."""
    from trygghetsrad.services.portable import FORMAT_VERSION, encode_row

    connection = session.connection()
    dialect = connection.dialect
    tables = _tables()
    person = _person_row(connection, person_id)
    document: dict[str, Any] = {
        "format": "trygghetsrad-person",
        "format_version": FORMAT_VERSION,
        "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "person": encode_row(tables[PEOPLE], person, dialect),
        "organisation": None,
        "references": {},
    }
    org_id = person.get("organisation_id")
    if org_id is not None and "organisations" in tables:
        org_table = tables["organisations"]
        names = [c.name for c in org_table.columns]
        org = connection.exec_driver_sql(
            f"SELECT {', '.join(_q(n) for n in names)} FROM organisations WHERE id = ?", (org_id,)
        ).first()
        if org is not None:
            document["organisation"] = encode_row(
                org_table, dict(zip(names, org, strict=True)), dialect
            )
    refs: dict[str, list[dict[str, Any]]] = {}
    for ref in references(session, person_id):
        table = tables[ref.table]
        names = [c.name for c in table.columns]
        pk = [c.name for c in table.primary_key.columns]
        cond = " AND ".join(f"{_q(k)} = ?" for k in pk)
        row = connection.exec_driver_sql(
            f"SELECT {', '.join(_q(n) for n in names)} FROM {_q(ref.table)} WHERE {cond}",
            ref.row_id,
        ).first()
        if row is not None:
            encoded = encode_row(table, dict(zip(names, row, strict=True)), dialect)
            if encoded not in refs.setdefault(ref.table, []):
                refs[ref.table].append(encoded)
    document["references"] = refs
    return document
