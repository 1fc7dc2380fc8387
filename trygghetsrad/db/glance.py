"""A first look at the data with plain `sqlite3`: what the window shows before SQLAlchemy loads.

Importing SQLAlchemy's ORM costs about twice as much as opening a bare window, so the
window's first paint shows the first visible tab from these reads and opens the real
database (and builds the real page) right after. Every function returns the same domain
dataclasses, in the same order, as its service counterpart; tests/db/test_glance.py
compares them on the example data and on several years of history so the two can't drift.

The file is opened read-only (`mode=ro`): a glance never writes, never creates a file and
never takes part in a migration (start-up only glances at a file that is current).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from trygghetsrad.db.inspection import BUSY_TIMEOUT_MS
from trygghetsrad.domain.meetings.listing import meeting_summaries
from trygghetsrad.domain.meetings.model import MeetingSummary
from trygghetsrad.domain.register import PersonData
from trygghetsrad.domain.text import sort_key


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to `path` (never creates or changes the file)."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    with closing(conn):
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        yield conn


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def meetings(conn: sqlite3.Connection) -> list[MeetingSummary]:
    """All meetings, as `services.meetings.lifecycle.list_meetings(session)` returns them."""
    rows = (
        (
            *row[:4],
            date.fromisoformat(row[4]),
            _time(row[5]),
            _time(row[6]),
            *row[7:9],
            _day(row[9]),
        )
        for row in conn.execute(
            "SELECT id, title, kind, status, day, start_time, end_time, place, online_link, "
            "cancelled_on FROM meetings ORDER BY day, start_time, id"
        )
    )
    links = conn.execute("SELECT meeting_id, group_id, position FROM meeting_groups")
    return meeting_summaries(rows, links, dict(conn.execute("SELECT id, name FROM groups")))


def people(conn: sqlite3.Connection) -> list[PersonData]:
    """Everyone in the register, as `services.register.list_people(session)` returns them."""
    orgs = dict(conn.execute("SELECT id, name FROM organisations"))
    rows = conn.execute(
        "SELECT id, name, title, organisation_id, email, phone, note FROM people"
    ).fetchall()
    rows.sort(key=lambda r: (sort_key(r[1]), r[0]))
    return [
        PersonData(pid, name, title, org_id, orgs.get(org_id, ""), email, phone, note)
        for pid, name, title, org_id, email, phone, note in rows
    ]


@dataclass(frozen=True)
class Counts:
    """How much there is in a workspace, for a tab's summary while its page loads."""

    items: tuple[tuple[str, int], ...]  # (Swedish label, count), in display order

    def __bool__(self) -> bool:
        return any(n for _label, n in self.items)


def count_rows(conn: sqlite3.Connection, tables: list[tuple[str, str]]) -> Counts:
    """Row counts of `(table, label)` pairs; a table missing from the file counts 0."""
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    items = []
    for table, label in tables:
        n = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] if table in present else 0
        items.append((label, int(n)))
    return Counts(tuple(items))
