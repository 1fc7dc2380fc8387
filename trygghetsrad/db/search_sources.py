"""What the search index holds: the searchable tables and how each is indexed.

`SOURCES` names tables and columns, not ORM classes: a workspace whose tables do not exist
yet is skipped, and columns missing from a table are ignored. That is only for the schemas
of the past: a migration that reindexes (0006 rebuilds everything) may run before the one
that adds a column named here (0013 adds an agenda item's diarienummer). Every column named
here exists in the current models (tests/db/test_search_sources.py), so a misspelt name
cannot leave text unfound without a test failing. Each source has a stable code
(part of the FTS rowid, so an update or delete touches exactly one index row), the kind of
record, the columns that make its title and body, and how to find the record that opens it
(an agenda note opens its meeting). Its area, what opens it, is the table's area in
`db/areas.py`. `DEPENDENTS` names the tables whose rows are part of another source's text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy.engine import Connection

from trygghetsrad.db.areas import TABLE_AREAS
from trygghetsrad.domain.changes import Area

ROWID_SHIFT = 32  # rowid = code << 32 | id


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

    @property
    def area(self) -> Area:
        """The area that owns the record (what opens it), from `db/areas.py`."""
        return TABLE_AREAS[self.table]


def _s(
    table: str,
    code: int,
    kind: str,
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
        tuple(title),
        tuple(body),
        tuple(parents),
        opens_parent,
        derived,
        body_from,
    )


def id_list(ids: Iterable[int]) -> str:
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
    from trygghetsrad.domain.meetings.model import MeetingKind, meeting_name

    if not ids:
        return {}
    rows = connection.exec_driver_sql(
        "SELECT m.id, m.day, m.kind, m.title, m.place, m.online_link, g.name "
        "FROM meetings m LEFT JOIN meeting_groups mg ON mg.meeting_id = m.id "
        "LEFT JOIN groups g ON g.id = mg.group_id "
        f"WHERE m.id IN ({id_list(ids)}) ORDER BY m.id, mg.position, mg.group_id"
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
        f"WHERE r.action_id IN ({id_list(ids)}) ORDER BY r.action_id, r.position"
    ).fetchall()
    names: dict[int, list[str]] = {}
    for action_id, person, organisation in rows:
        names.setdefault(action_id, []).extend(n for n in (person, organisation) if n)
    return {i: Derived("", join_text(found), "") for i, found in names.items()}


def agenda_item_texts(connection: Connection, ids: Sequence[int]) -> dict[int, Derived]:
    """An agenda item is found by the name of its presenter chosen from the register (a typed
    presenter is its own column). `presenter_id` came with 0013: older schemas lack it."""
    if not ids or "presenter_id" not in table_columns(connection, "agenda_items"):
        return {}
    rows = connection.exec_driver_sql(
        "SELECT a.id, p.name FROM agenda_items a JOIN people p ON p.id = a.presenter_id "
        f"WHERE a.id IN ({id_list(ids)})"
    ).fetchall()
    return {item_id: Derived("", name or "", "") for item_id, name in rows}


def assessment_texts(connection: Connection, ids: Sequence[int]) -> dict[int, Derived]:
    """An area's assessment in a picture has no title: it is shown by its matching needs or
    notes, with the area and the picture beside it ("Centrum – Lägesbild 2026"). Read when
    searching, so a renamed area or picture needs no reindexing."""
    if not ids:
        return {}
    rows = connection.exec_driver_sql(
        "SELECT aa.id, a.name, p.title FROM area_assessments aa "
        "JOIN areas a ON a.id = aa.area_id "
        "LEFT JOIN situation_pictures p ON p.id = aa.picture_id "
        f"WHERE aa.id IN ({id_list(ids)})"
    ).fetchall()
    return {
        assessment: Derived("", "", " – ".join(part for part in (area, picture) if part))
        for assessment, area, picture in rows
    }


_ITEM_MEETING = ("meetings", ("item_id", "agenda_items.meeting_id"))

# Order is the order of the groups when ranks tie; codes must never change once released
# (used so far: 1-3, 10-14, 20, 30-36, 40-45).
SOURCES: tuple[Source, ...] = (
    # The stored title is part of the derived name (most meetings have none).
    _s("meetings", 10, "meeting", (), ("place", "online_link"), derived=meeting_texts),
    # Items, notes and decisions open in the meetings page with their agenda item selected.
    _s(
        "agenda_items",
        11,
        "agenda_item",
        ("title",),
        ("body", "proposal", "case_number", "presenter_text"),
        ("meetings", ("meeting_id",)),
        body_from=agenda_item_texts,
    ),
    _s("agenda_notes", 12, "agenda_note", (), ("text",), _ITEM_MEETING),
    _s("decisions", 13, "decision", (), ("text",), _ITEM_MEETING),
    _s("action_items", 14, "action_item", ("what",), (), _ITEM_MEETING, body_from=action_texts),
    _s("wheel_events", 20, "wheel_event", ("title",), ("place", "responsible", "description")),
    _s(
        "data_sources",
        30,
        "data_source",
        ("name",),
        ("provider_name", "description", "note"),
    ),
    _s("observations", 31, "observation", ("title",), ("place", "description", "reported_by")),
    _s("gaps", 32, "gap", ("title",), ("description", "who_could_fill", "actions_taken")),
    _s("indicators", 33, "indicator", ("name",), ("unit", "description")),
    _s(
        "situation_pictures",
        34,
        "situation_picture",
        ("title",),
        ("summary", "part_mapping", "part_other", "part_analysis", "limitations"),
    ),
    # The area tree of the Områden tab; a hit shows the area it lies in.
    _s("areas", 35, "area", ("name",), ("level",), ("areas", ("parent_id",))),
    _s("area_assessments", 36, "area_assessment", (), ("needs", "notes"), derived=assessment_texts),
    _s("problems", 40, "problem", ("title",), ("description",)),
    _s("causes", 41, "cause", ("title",), ("description",), ("problems", ("problem_id",))),
    _s(
        "measures",
        42,
        "measure",
        ("title",),
        ("description", "partners", "resources", "target_text"),
        ("action_plans", ("plan_id",)),
    ),
    _s("action_plans", 43, "action_plan", ("title",), ("note", "adopted_by", "adoption_ref")),
    _s(
        "agreements",
        44,
        "agreement",
        ("title",),
        ("parties", "signatories", "focus_areas", "background", "signed_place"),
    ),
    _s("commitments", 45, "commitment", (), ("text", "focus_area", "party_name", "number")),
    _s("people", 1, "person", ("name",), ("title", "email", "phone", "note")),
    _s("organisations", 2, "organisation", ("name",), ("kind", "note")),
    _s("groups", 3, "group", ("name",), ("description",)),
)

BY_TABLE: dict[str, Source] = {source.table: source for source in SOURCES}
BY_CODE: dict[int, Source] = {source.code: source for source in SOURCES}
assert len(BY_CODE) == len(SOURCES), "search source codes must be unique"

# Tables whose rows are part of other sources' derived text: a change there reindexes the
# records of those sources it touches (a renamed group renames its meetings, a renamed person
# the agenda items they present and the actions they are responsible for).
DEPENDENTS: dict[str, tuple[str, ...]] = {
    "meeting_groups": ("meetings",),
    "groups": ("meetings",),
    "action_responsibles": ("action_items",),
    "people": ("agenda_items", "action_items"),
    "organisations": ("action_items",),
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


def table_columns(connection: Connection, table: str) -> list[str]:
    return [row[1] for row in connection.exec_driver_sql(f'PRAGMA table_info("{table}")')]
