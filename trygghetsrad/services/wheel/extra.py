"""Wheel use cases around the edges: suggestions from minutes, the export document, .ics import,
and moving an item that another workspace owns (a meeting's date is changed in Möten)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from trygghetsrad.domain.calendar_items import CalendarItem, Owner
from trygghetsrad.domain.changes import MEETINGS, WHEEL, Changes, Created
from trygghetsrad.domain.wheel import model as dw
from trygghetsrad.domain.wheel.dates import DateMention, find_dates
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import plural, tr
from trygghetsrad.services.wheel import events as wheel

if TYPE_CHECKING:
    from trygghetsrad.services.wheel.ics_import import IcsCalendar, IcsEvent
    from trygghetsrad.services.wheel.ics_series import IcsSeries

# -- suggestions ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Suggestion:
    mention: DateMention
    source: str  # where the text came from, e.g. "Mötesanteckningar"
    already_on_wheel: bool


def _known(items: list[CalendarItem], mention: DateMention) -> bool:
    return any(i.start == mention.start for i in items) and any(
        mention.title and mention.title.lower()[:12] in i.title.lower()
        for i in items
        if i.start == mention.start
    )


def suggest_from_text(
    text: str, default_year: int, existing: list[CalendarItem] | None = None, source: str = ""
) -> list[Suggestion]:
    """Dates in `text` offered as items for the wheel; those already there are marked."""
    items = existing or []
    return [Suggestion(m, source, _known(items, m)) for m in find_dates(text, default_year)]


def suggestions_from_minutes(session: Session, year: int) -> list[Suggestion]:
    """Dates found in meeting notes (table `agenda_notes`, when the meetings workspace has it)."""
    names = set(inspect(session.connection()).get_table_names())
    if "agenda_notes" not in names:
        return []
    has_items = "agenda_items" in names and "meetings" in names
    rows: Sequence[tuple[Any, Any]]
    if has_items:
        rows = session.execute(
            text(
                "SELECT n.text, m.day FROM agenda_notes n "
                "JOIN agenda_items i ON i.id = n.item_id JOIN meetings m ON m.id = i.meeting_id"
            )
        ).all()
    else:
        rows = [(r[0], None) for r in session.execute(text("SELECT text FROM agenda_notes")).all()]
    existing = wheel.items_in(session, date(year - 1, 1, 1), date(year + 1, 12, 31))
    out: list[Suggestion] = []
    seen: set[tuple[date, str]] = set()
    for note, day in rows:
        meeting_day = _as_date(day)
        default_year = meeting_day.year if meeting_day else year
        source = (
            tr("Anteckning från mötet {day}").format(day=meeting_day.isoformat())
            if meeting_day
            else tr("Mötesanteckning")
        )
        for s in suggest_from_text(note or "", default_year, existing, source):
            if s.mention.start.year not in (year, year + 1) and s.mention.start.year != year:
                continue
            key = (s.mention.start, s.mention.title)
            if key in seen:
                continue
            seen.add(key)
            out.append(s)
    return sorted(out, key=lambda s: s.mention.start)


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def accept_suggestion(
    session: Session, mention: DateMention, *, title: str | None = None, category: str | None = None
) -> Created:
    return wheel.create_event(
        session,
        title=title or mention.title or tr("Händelse"),
        category=category or mention.category,
        start=mention.start,
        end=mention.end,
        start_time=mention.start_time,
        end_time=mention.end_time,
    )


# -- export document -----------------------------------------------------------------------------


def wheel_document(
    session: Session, year: int, *, include_internal: bool = False, today: date | None = None
) -> dw.WheelDocument:
    from trygghetsrad.services import settings

    span = wheel.year_span(session, year)
    items = wheel.items_in(session, span.start, span.last, include_internal=include_internal)
    org = settings.load(session)
    seqs = wheel.sequences(session)
    sequences: dict[str, int] = {}
    for item in items:
        parsed = dw.parse_key(item.key)
        if parsed is not None:
            sequences[item.key] = seqs.get(parsed[0], 0)
    return dw.WheelDocument(
        year=year,
        start=span.start,
        end=span.end,
        categories=tuple(wheel.list_categories(session)),
        items=tuple(items),
        holidays=tuple(dw.swedish_holidays(span.start, span.last)),
        plan=wheel.get_plan(session, year),
        municipality=org.municipality,
        logo=org.logo,
        today=today or date.today(),
        sequences=sequences,
    )


# -- .ics import ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped: int  # unchanged, untitled, or without a start (`without_start` of them)
    changes: Changes
    series: tuple[IcsSeries, ...] = ()  # what each recurring series of the file became
    without_start: int = 0

    def summary(self, limit: int = 10) -> list[str]:
        """Swedish lines for the user: the counts, then what each series became."""
        lines = [
            tr("{new}, {updated}, {s} hoppades över").format(
                new=plural(self.created, tr("ny"), tr("nya")),
                updated=plural(self.updated, tr("uppdaterad"), tr("uppdaterade")),
                s=self.skipped,
            )
        ]
        if self.without_start:
            lines.append(
                tr("{events} i filen saknar startdatum och hoppades över.").format(
                    events=plural(self.without_start, tr("händelse"), tr("händelser"))
                )
            )
        for series in self.series[:limit]:
            times = plural(series.occurrences, tr("tillfälle"), tr("tillfällen"))
            if series.recurring:
                text = tr(
                    "Serien ”{title}” ({times}) blev en återkommande händelse med {e} undantag."
                ).format(title=series.title[:60], times=times, e=series.exceptions)
            else:
                singles = plural(
                    series.occurrences, tr("enskild händelse"), tr("enskilda händelser")
                )
                text = tr(
                    "Serien ”{title}” går inte att återge som en upprepning i årshjulet"
                    " och blev {singles}."
                ).format(title=series.title[:60], singles=singles)
            lines.append(text)
        if len(self.series) > limit:
            more = plural(len(self.series) - limit, tr("serie"), tr("serier"))
            lines.append(tr("… och {more} till.").format(more=more))
        return lines


# (done, total, what is being done) now and then during a big import
ImportProgress = Callable[[int, int, str], None]
_CHUNK = 500  # values per `IN (...)`
_COMPARED = ("title", "start", "end", "start_time", "end_time", "place", "description")


def _stored_by_uid(session: Session, uids: list[str]) -> dict[str, tuple[int, tuple[Any, ...]]]:
    """uid -> (id, the compared fields as stored) of the events already in the database."""
    from trygghetsrad.db.models.wheel import WheelEvent as EventRow

    found: dict[str, tuple[int, tuple[Any, ...]]] = {}
    for i in range(0, len(uids), _CHUNK):
        rows = session.execute(
            select(
                EventRow.uid,
                EventRow.id,
                EventRow.title,
                EventRow.start_date,
                EventRow.end_date,
                EventRow.start_time,
                EventRow.end_time,
                EventRow.place,
                EventRow.description,
            ).where(EventRow.uid.in_(uids[i : i + _CHUNK]))
        )
        for uid, ident, *fields in rows:
            found[cast(str, uid)] = (ident, tuple(fields))  # the rows of these uids only
    return found


def _checked(ev: IcsEvent) -> dict[str, Any]:
    """The event's stored fields, by the rules of the wheel's own form; UserError naming it."""
    try:
        fields = dict(
            title=dw.clean_text(
                ev.title, "title", tr("Rubriken"), required=True, limit=dw.TITLE_MAX
            ),
            place=dw.clean_text(ev.place, "place", tr("Platsen"), required=False, limit=200),
            description=dw.clean_text(
                ev.description,
                "description",
                tr("Beskrivningen"),
                required=False,
                limit=dw.TEXT_MAX,
            ),
        )
        dw.validate_span(ev.start, ev.end, ev.start_time, ev.end_time)
    except ValidationError as exc:
        # The whole file is refused (nothing imported) with the event and the rule.
        raise UserError(
            tr("Händelsen ”{title}” i filen kan inte importeras: {reason}").format(
                title=ev.title.strip()[:60], reason=exc
            )
        ) from exc
    return fields


def import_ics(
    session: Session,
    data: bytes,
    *,
    category: str = "events",
    progress: ImportProgress | None = None,
) -> ImportResult:
    """Events of an .ics file into a ring; an event seen before (same UID) is updated.

    All or nothing: the first event that breaks a rule refuses the file. New events are
    written with one bulk statement (a big Outlook export has 100,000), and the search index
    and the change log of adopted plans are kept as `wheel.create_event` keeps them.
    """
    calendar = _read_calendar(data, progress)
    events = calendar.events
    category_id = wheel._category_row(session, category).id
    batch = _Batch(skipped=calendar.without_start)
    known = _own_export_titles(session, events)
    stored = _stored_by_uid(session, sorted({e.uid for e in events if e.uid}))
    for ev in events:
        if not ev.title.strip():
            batch.skipped += 1
            continue
        fields = _checked(ev)
        if ev.recurrence is not None:
            batch.count(_import_series(session, ev, category))
        elif ev.uid in stored:
            batch.count(_update_stored(session, ev, stored))
        elif known.get(ev.uid) == ev.title and ev.uid not in batch.new_by_uid:
            batch.skipped += 1  # our own export read back: the item is already on the wheel
        else:
            batch.queue(ev.uid, _new_row(ev, fields, category_id))
    if batch.new:
        _write_new(session, batch.new, progress)
    return ImportResult(
        batch.created,
        batch.updated,
        batch.skipped,
        Changes.of(WHEEL) if batch.created or batch.updated else Changes(),
        tuple(calendar.series),
        calendar.without_start,
    )


@dataclass
class _Batch:
    """An import's running counts, and the new rows it writes in one statement at the end."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    new: list[dict[str, Any]] = field(default_factory=list)
    new_by_uid: dict[str, int] = field(default_factory=dict)  # UID -> index in `new`

    def count(self, outcome: str) -> None:
        self.created += outcome == "created"
        self.updated += outcome == "updated"
        self.skipped += outcome == "skipped"

    def queue(self, uid: str, row: dict[str, Any]) -> None:
        if uid and uid in self.new_by_uid:  # the same UID twice in the file: the last wins
            earlier = self.new[self.new_by_uid[uid]]
            if all(earlier[k] == row[k] for k in row):
                self.skipped += 1
            else:
                self.new[self.new_by_uid[uid]] = row
                self.updated += 1
            return
        if uid:
            self.new_by_uid[uid] = len(self.new)
        self.new.append(row)
        self.created += 1


def _read_calendar(data: bytes, progress: ImportProgress | None) -> IcsCalendar:
    from trygghetsrad.services.wheel.ics_import import read_calendar

    reading = tr("Läser kalenderfilen")
    try:
        return read_calendar(
            data, (lambda done, total: progress(done, total, reading)) if progress else None
        )
    except ValueError as exc:
        raise UserError(
            tr("Filen kunde inte läsas som en kalender (.ics): {e}").format(e=exc)
        ) from exc


def _own_export_titles(session: Session, events: list[IcsEvent]) -> dict[str, str]:
    """UID -> title of the wheel's items, for the events of our own export read back."""
    own = [e for e in events if e.uid.endswith(dw.uid_for(""))]
    if not own:
        return {}
    lo = min(e.start for e in own)
    hi = max(e.end or e.start for e in own)
    return {dw.uid_for(i.key): i.title for i in wheel.items_in(session, lo, hi)}


def _update_stored(
    session: Session, ev: IcsEvent, stored: dict[str, tuple[int, tuple[Any, ...]]]
) -> str:
    """An event stored before (same UID): "updated", or "skipped" when nothing changed."""
    values = (ev.title, ev.start, ev.end, ev.start_time, ev.end_time, ev.place, ev.description)
    ident, current = stored[ev.uid]
    if current == values:
        return "skipped"
    wheel.update_event(session, ident, **dict(zip(_COMPARED, values, strict=True)))
    stored[ev.uid] = (ident, values)
    return "updated"


def _new_row(ev: IcsEvent, fields: dict[str, Any], category_id: int) -> dict[str, Any]:
    return dict(
        fields,
        category_id=category_id,
        start_date=ev.start,
        end_date=ev.end,
        start_time=ev.start_time,
        end_time=ev.end_time,
        uid=ev.uid or None,
        sequence=0,
    )


def _write_new(
    session: Session, new: list[dict[str, Any]], progress: ImportProgress | None
) -> None:
    from sqlalchemy import insert

    from trygghetsrad.db import search_index, search_sources
    from trygghetsrad.db.models.wheel import WheelEvent as EventRow

    if progress is not None:
        events = plural(len(new), tr("händelse"), tr("händelser"))
        progress(0, 0, tr("Sparar {events}").format(events=events))
    before = session.scalar(select(func.max(EventRow.id))) or 0
    session.execute(insert(EventRow), new)
    ids = list(session.scalars(select(EventRow.id).where(EventRow.id > before)))
    connection = session.connection()
    if search_index.present(connection):
        search_index.reindex_table(connection, search_sources.BY_TABLE["wheel_events"], ids)
    wheel.log_added(session, [(r["title"], r["start_date"], r["end_date"]) for r in new])


def _import_series(session: Session, ev: IcsEvent, category: str) -> str:
    """A series that is one recurring wheel event: created, updated (same UID) or skipped
    (unchanged); its cancelled and moved occurrences become the event's exceptions."""
    from dataclasses import replace

    from trygghetsrad.db.models.wheel import WheelEvent as EventRow

    assert ev.recurrence is not None
    wanted = dw.WheelEvent(
        id=0,
        title=ev.title,
        category=category,
        start=ev.start,
        end=ev.end,
        start_time=ev.start_time,
        end_time=ev.end_time,
        place=ev.place,
        description=ev.description,
        recurrence=ev.recurrence,
        exceptions=ev.exceptions,
    )
    row = session.scalar(select(EventRow).where(EventRow.uid == ev.uid)) if ev.uid else None
    if row is None:
        wheel.restore_event(session, wanted, uid=ev.uid or None)
        return "created"
    current = wheel.get_event(session, row.id)
    if replace(current, id=0, category=category, responsible="", internal=False) == wanted:
        return "skipped"
    wheel.update_event(
        session,
        row.id,
        title=ev.title,
        start=ev.start,
        end=ev.end,
        start_time=ev.start_time,
        end_time=ev.end_time,
        place=ev.place,
        description=ev.description,
        recurrence=ev.recurrence,
    )
    wheel.set_exceptions(session, row.id, ev.exceptions)
    return "updated"


# -- owned items ---------------------------------------------------------------------------------


def owner_can_move(owner: Owner) -> bool:
    return owner.area == MEETINGS and owner.kind in ("meeting", "action_item")


def move_owned(session: Session, owner: Owner, new_day: date) -> Changes:
    """Move an item owned elsewhere through its owner's service (meetings and action due dates)."""
    if not owner_can_move(owner):
        raise UserError(tr("Den här posten ändras där den hör hemma."))
    if owner.kind == "action_item":
        from trygghetsrad.services.meetings import actions as meetings_actions

        return meetings_actions.redate_action(session, owner.id, new_day) | Changes.of(
            WHEEL, MEETINGS
        )
    from trygghetsrad.services.meetings import lifecycle as meetings

    # Only the day: every other field (the stored title too) stays as it is.
    changes = meetings.update_meeting(session, owner.id, day=new_day)
    return changes | Changes.of(WHEEL, MEETINGS)
