"""Bulk writing for the history generator (`demo.scale`): Core inserts of plain rows into the
tables this database has, with a neutral value for every column the schema requires and the
generator does not know, and a count of the rows written per table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trygghetsrad.db.models import Base


@dataclass
class Counts:
    rows: dict[str, int] = field(default_factory=dict)

    def add(self, table: str, n: int) -> None:
        self.rows[table] = self.rows.get(table, 0) + n


def _existing_tables(session: Session) -> set[str]:
    names = {
        row[0]
        for row in session.connection().exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
    }
    return names & set(Base.metadata.tables)


def _fallback(column: sa.Column[Any], today: date) -> Any:
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.DateTime):
        return datetime.combine(today, time(12))
    if isinstance(kind, sa.Date):
        return today
    if isinstance(kind, sa.Time):
        return time(12)
    if isinstance(kind, sa.Integer | sa.Float | sa.Numeric):
        return 0
    if isinstance(kind, sa.LargeBinary):
        return b""
    return ""


class Writer:
    """Bulk inserts into the tables this database has, filling what the schema requires."""

    def __init__(self, session: Session, today: date) -> None:
        self.session = session
        self.today = today
        self.tables = _existing_tables(session)
        self.counts = Counts()

    def has(self, *tables: str) -> bool:
        return all(t in self.tables for t in tables)

    def next_id(self, table: str) -> int:
        value = self.session.connection().exec_driver_sql(f'SELECT max(id) FROM "{table}"').scalar()
        return int(value or 0) + 1

    def insert(self, name: str, rows: list[dict[str, Any]]) -> None:
        if not rows or name not in self.tables:
            return
        table = Base.metadata.tables[name]
        known = set(table.c.keys())
        required = [
            c
            for c in table.c
            if not c.nullable
            and not c.primary_key
            and c.default is None
            and c.server_default is None
        ]
        keys: set[str] = set()
        for row in rows:
            keys.update(k for k in row if k in known)
        for c in required:
            keys.add(c.name)
        clean = []
        for row in rows:
            item = {k: row[k] for k in keys if k in row}
            for c in table.c:
                if c.name in keys and c.name not in item:
                    if c.default is not None and getattr(c.default, "is_scalar", False):
                        item[c.name] = c.default.arg
                    elif c.nullable:
                        item[c.name] = None
                    else:
                        item[c.name] = _fallback(c, self.today)
            clean.append(item)
        for start in range(0, len(clean), 5000):
            self.session.execute(table.insert(), clean[start : start + 5000])
        self.counts.add(name, len(clean))
