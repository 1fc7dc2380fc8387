"""Wheel use cases around the edges: suggestions from minutes, the export document, .ics import,
and moving an item that another workspace owns (a meeting's date is changed in Möten)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from trygghetsrad.domain import wheel as dw
from trygghetsrad.domain.calendar_items import CalendarItem, Owner
from trygghetsrad.domain.changes import MEETINGS, WHEEL, Changes
from trygghetsrad.domain.wheel_dates import DateMention, find_dates
from trygghetsrad.errors import UserError, ValidationError
from trygghetsrad.i18n import tr
from trygghetsrad.services import wheel

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
):  # type: ignore[no-untyped-def]
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
    skipped: int
    changes: Changes


def import_ics(session: Session, data: bytes, *, category: str = "events") -> ImportResult:
    """Events of an .ics file into a ring; an event seen before (same UID) is updated."""
    from trygghetsrad.db.models.wheel import WheelEvent as EventRow
    from trygghetsrad.services.wheel_ics_import import read_events

    try:
        events = read_events(data)
    except ValueError as exc:
        raise UserError(
            tr("Filen kunde inte läsas som en kalender (.ics): {e}").format(e=exc)
        ) from exc
    wheel._category_row(session, category)
    created = updated = skipped = 0
    known: dict[str, str] = {}
    if events:
        lo = min(e.start for e in events)
        hi = max(e.end or e.start for e in events)
        known = {dw.uid_for(i.key): i.title for i in wheel.items_in(session, lo, hi)}
    for ev in events:
        if not ev.title.strip():
            skipped += 1
            continue
        fields = dict(
            title=ev.title,
            start=ev.start,
            end=ev.end,
            start_time=ev.start_time,
            end_time=ev.end_time,
            place=ev.place,
            description=ev.description,
        )
        try:
            dw.clean_text(ev.title, "title", tr("Rubriken"), required=True, limit=dw.TITLE_MAX)
            dw.clean_text(ev.place, "place", tr("Platsen"), required=False, limit=200)
            dw.clean_text(
                ev.description,
                "description",
                tr("Beskrivningen"),
                required=False,
                limit=dw.TEXT_MAX,
            )
        except ValidationError as exc:
            # The whole file is refused (nothing imported) with the event and the rule.
            raise UserError(
                tr("Händelsen ”{title}” i filen kan inte importeras: {reason}").format(
                    title=ev.title.strip()[:60], reason=exc
                )
            ) from exc
        row = session.scalar(select(EventRow).where(EventRow.uid == ev.uid)) if ev.uid else None
        if row is not None:
            current = wheel.get_event(session, row.id)
            same = all(getattr(current, name) == value for name, value in fields.items())
            if same:
                skipped += 1
            else:
                wheel.update_event(session, row.id, **fields)  # type: ignore[arg-type]
                updated += 1
        elif known.get(ev.uid) == ev.title:
            skipped += 1  # our own export read back: the item is already on the wheel
        else:
            wheel.create_event(session, category=category, uid=ev.uid or None, **fields)  # type: ignore[arg-type]
            created += 1
    return ImportResult(
        created, updated, skipped, Changes.of(WHEEL) if created or updated else Changes()
    )


# -- owned items ---------------------------------------------------------------------------------


def owner_can_move(owner: Owner) -> bool:
    return owner.area == MEETINGS and owner.kind in ("meeting", "action_item")


def move_owned(session: Session, owner: Owner, new_day: date) -> Changes:
    """Move an item owned elsewhere through its owner's service (meetings and action due dates)."""
    if not owner_can_move(owner):
        raise UserError(tr("Den här posten ändras där den hör hemma."))
    if owner.kind == "action_item":
        from trygghetsrad.services import meetings_actions

        return meetings_actions.redate_action(session, owner.id, new_day) | Changes.of(
            WHEEL, MEETINGS
        )
    from trygghetsrad.services import meetings

    # Only the day: every other field (the stored title too) stays as it is.
    changes = meetings.update_meeting(session, owner.id, day=new_day)
    return changes | Changes.of(WHEEL, MEETINGS)
